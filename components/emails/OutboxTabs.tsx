import Link from "next/link";
import type { OutboxTab } from "@/lib/email/outbox-admin";

const TABS: { key: OutboxTab; label: string }[] = [
  { key: "all", label: "All" },
  { key: "held", label: "Held" },
  { key: "queued", label: "Queued" },
  { key: "sent", label: "Sent" },
  { key: "failed", label: "Failed" },
];

export function outboxHref(slug: string, status: OutboxTab, page = 1): string {
  const params = new URLSearchParams();
  if (status !== "all") params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return `/organize/${slug}/emails${qs ? `?${qs}` : ""}#outbox`;
}

/** The outbox by status, with counts; the current one is marked for all users, not by color alone. */
export function OutboxTabs({ slug, current, counts }: { slug: string; current: OutboxTab; counts: Record<OutboxTab, number> }) {
  return (
    <nav aria-label="Outbox by status">
      <ul className="row" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {TABS.map((t) => (
          <li key={t.key}>
            <Link
              href={outboxHref(slug, t.key)}
              aria-current={t.key === current ? "page" : undefined}
              className={`btn ${t.key === current ? "btn-primary" : "btn-secondary"}`}
            >
              {t.label} ({counts[t.key]})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
