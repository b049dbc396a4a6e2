import Link from "next/link";

const TABS = [
  { key: "proposals", label: "Proposals", path: "" },
  { key: "ranking", label: "Ranking", path: "/ranking" },
  { key: "tags", label: "Tags", path: "/tags" },
  { key: "decisions", label: "Decisions", path: "/decisions" },
  { key: "assignments", label: "Assignments", path: "/assignments" },
  { key: "reviewers", label: "Reviewers", path: "/reviewers" },
  { key: "conflicts", label: "Conflicts", path: "/conflicts" },
  { key: "review-settings", label: "Review settings", path: "/review-settings" },
  { key: "questions", label: "Questions", path: "/questions" },
  { key: "programme", label: "Programme", path: "/programme" },
  { key: "emails", label: "Emails", path: "/emails" },
  { key: "settings", label: "Event settings", path: "/settings" },
  { key: "team", label: "Team", path: "/team" },
  { key: "api-tokens", label: "API tokens", path: "/api-tokens" },
  { key: "webhooks", label: "Webhooks", path: "/webhooks" },
  { key: "import", label: "Import", path: "/import" },
] as const;

/** The event's name and its organizer sections; the current one is marked for all users, not by color alone. */
export function OrganizerEventNav({ slug, name, current }: { slug: string; name: string; current: (typeof TABS)[number]["key"] }) {
  return (
    <div>
      <p className="muted" style={{ margin: "0 0 .25rem" }}>
        <Link href="/organize">Your events</Link> / {name}
      </p>
      <nav aria-label={`${name} sections`}>
        <ul className="row" style={{ listStyle: "none", padding: 0, margin: "0 0 1rem" }}>
          {TABS.map((t) => (
            <li key={t.key}>
              <Link
                href={`/organize/${slug}${t.path}`}
                aria-current={t.key === current ? "page" : undefined}
                className={`btn ${t.key === current ? "btn-primary" : "btn-secondary"}`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
