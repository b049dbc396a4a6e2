import type { DbTx } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/email-address";
import { eventCreatorsSetting } from "@/lib/config";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";

// Who may create events on this instance (EVENT_CREATORS, ADR 0012):
//   anyone (also unset or empty)    every signed-in user (the demo)
//   nobody                          no one (events come from the seed or an existing organizer's account)
//   ada@example.org, @example.org   these addresses, and every address at these domains
// Addresses are compared in the same canonical form accounts are keyed on
// (NFKC, lowercased); a domain matches exactly, never a subdomain or a
// longer name ("example.org" does not let in "evil-example.org" or
// "mail.example.org"). An entry that is neither is ignored: a typo lets
// nobody in.

export type EventCreators = { kind: "anyone" } | { kind: "listed"; addresses: ReadonlySet<string>; domains: ReadonlySet<string> };

export const NOT_AN_EVENT_CREATOR =
  "This site lets only the people its operator lists create events. To run a call for papers here, ask the operator to add your address, or ask an organizer to invite you to their event's team.";

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])$/;

function canonicalDomain(raw: string): string | null {
  const domain = raw.normalize("NFKC").trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  return DOMAIN.test(domain) ? domain : null;
}

export function parseEventCreators(raw: string | undefined): { policy: EventCreators; ignored: string[] } {
  const entries = (raw ?? "").split(/[\s,;]+/).filter(Boolean);
  if (entries.length === 0 || entries.some((e) => e.toLowerCase() === "anyone")) return { policy: { kind: "anyone" }, ignored: [] };
  const addresses = new Set<string>();
  const domains = new Set<string>();
  const ignored: string[] = [];
  for (const entry of entries) {
    if (entry.toLowerCase() === "nobody") continue;
    const local = entry.normalize("NFKC").indexOf("@");
    if (local > 0) {
      try {
        addresses.add(normalizeEmail(entry));
      } catch {
        ignored.push(entry);
      }
      continue;
    }
    const domain = canonicalDomain(entry);
    if (domain) domains.add(domain);
    else ignored.push(entry);
  }
  return { policy: { kind: "listed", addresses, domains }, ignored };
}

export function allowsCreator(policy: EventCreators, email: string): boolean {
  if (policy.kind === "anyone") return true;
  let canonical: string;
  try {
    canonical = normalizeEmail(email);
  } catch {
    return false;
  }
  return policy.addresses.has(canonical) || policy.domains.has(canonical.slice(canonical.lastIndexOf("@") + 1));
}

let cached: { raw: string | undefined; policy: EventCreators } | undefined;

/** The instance's policy, from EVENT_CREATORS (re-read when it changes; ignored entries are logged once). */
export function eventCreators(): EventCreators {
  const raw = eventCreatorsSetting();
  if (cached?.raw !== raw || !cached) {
    const { policy, ignored } = parseEventCreators(raw);
    if (ignored.length > 0)
      console.warn(`EVENT_CREATORS: ignored ${ignored.map((e) => JSON.stringify(e)).join(", ")} (neither an address nor a domain).`);
    cached = { raw, policy };
  }
  return cached.policy;
}

/** Whether the user may create events, by the address on their account (read from the database). */
export async function mayCreateEvents(db: DbTx, userId: string, policy: EventCreators = eventCreators()): Promise<boolean> {
  if (policy.kind === "anyone") return true;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  return !!user && allowsCreator(policy, user.email);
}

export async function requireEventCreator(db: DbTx, userId: string, policy: EventCreators = eventCreators()): Promise<void> {
  if (!(await mayCreateEvents(db, userId, policy))) throw forbidden(NOT_AN_EVENT_CREATOR);
}

/**
 * The header's entry points for a signed-in person, from their roles in the database: "Review" when
 * they are on a review team (a role that may review), "Organize" when they organize an event or may
 * create one. A speaker with neither sees neither.
 */
export async function headerEntryPoints(
  db: DbTx,
  userId: string,
  policy: EventCreators = eventCreators(),
): Promise<{ review: boolean; organize: boolean }> {
  const roles = (await db.eventMember.findMany({ where: { userId }, select: { role: true }, distinct: ["role"] })).map((m) => m.role);
  return {
    review: roles.some((role) => can(role, "proposal:review")),
    organize: roles.includes("ORGANIZER") || (await mayCreateEvents(db, userId, policy)),
  };
}
