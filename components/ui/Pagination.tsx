import Link from "next/link";

type Props = {
  page: number;
  pages: number;
  /** The address of another page of the same list. */
  href: (page: number) => string;
  label?: string;
  previous?: string;
  next?: string;
  /** Also say "Page 1 of 1" when everything fits on one page. */
  showSingle?: boolean;
};

/** "← Previous page · Page 2 of 5 · Next page →" under a paged list. */
export function Pagination({
  page,
  pages,
  href,
  label = "Pagination",
  previous = "← Previous page",
  next = "Next page →",
  showSingle = false,
}: Props) {
  if (pages <= 1 && !showSingle) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 && <Link href={href(page - 1)}>{previous}</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>{next}</Link>}
    </nav>
  );
}
