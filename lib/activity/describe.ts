// Turns a stored activity line into what an organizer reads. The data is
// JSON written by several features over time: anything unexpected is shown
// generically rather than breaking the page.
import { z } from "zod";
import { LEVEL_LABELS } from "@/lib/text/proposal-limits";
import { diffText, type DiffSegment } from "./diff";

export type ActivityRow = { id: string; kind: string; data: string; createdAt: Date; actor: { name: string | null; email: string } | null };

export type FieldChange =
  | { field: string; label: string; kind: "text"; diff: DiffSegment[] }
  | { field: string; label: string; kind: "choice"; from: string; to: string };

export type ActivityEntry = {
  id: string;
  at: Date;
  kind: string;
  /** Who did it; null for what the app did by itself (automatic waitlist promotion). */
  actor: string | null;
  /** One sentence: "Olivia Laurent marked it accepted (not published)". */
  text: string;
  /** For edits: each changed field, text fields with a word-level diff. */
  changes: FieldChange[];
};

const STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  ACCEPTED: "Accepted",
  WAITLISTED: "Waitlisted",
  REJECTED: "Rejected",
  CONFIRMED: "Confirmed",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

const TRANSITION_PHRASES: Record<string, string> = {
  withdraw: "withdrew it",
  publishAccepted: "published",
  publishWaitlisted: "published",
  publishRejected: "published",
  promote: "promoted it from the waitlist",
  confirm: "confirmed",
  decline: "declined",
};

/** Fields an edit may change, in the order they are shown. */
const FIELDS: { field: string; label: string; text: boolean; show?: (v: string) => string }[] = [
  { field: "title", label: "title", text: true },
  { field: "abstract", label: "abstract", text: true },
  { field: "notes", label: "notes for reviewers", text: true },
  { field: "level", label: "level", text: false, show: (v) => LEVEL_LABELS[v as keyof typeof LEVEL_LABELS] ?? v },
  { field: "sessionType", label: "session type", text: false },
  { field: "track", label: "track", text: false },
];

const nullableText = z.string().nullable().optional();
const SCHEMAS = {
  status: z.object({ from: nullableText, to: z.string(), transition: z.string().optional() }),
  "pending-decision": z.object({ from: nullableText, to: nullableText }),
  email: z.object({ to: z.string(), subject: z.string(), held: z.boolean().optional() }),
  edit: z.object({ changes: z.record(z.string(), z.object({ from: nullableText, to: nullableText })) }),
  cospeaker: z.object({ email: z.string(), status: z.string() }),
};

export function describeActivity(row: ActivityRow): ActivityEntry {
  const actor = row.actor ? row.actor.name || row.actor.email : null;
  const entry = { id: row.id, at: row.createdAt, kind: row.kind, actor, changes: [] as FieldChange[] };
  const data = parseJson(row.data);
  const who = actor ?? "The app";
  const line = (phrase: string) => ({ ...entry, text: `${who} ${phrase}` });

  switch (row.kind) {
    case "status": {
      const d = SCHEMAS.status.safeParse(data);
      if (!d.success) break;
      const change = `${d.data.from ? `${status(d.data.from)} → ` : ""}${status(d.data.to)}`;
      if (d.data.transition === "submit") return line("submitted it");
      const phrase = TRANSITION_PHRASES[d.data.transition ?? ""] ?? "changed the status";
      return line(`${phrase}: ${change}`);
    }
    case "pending-decision": {
      const d = SCHEMAS["pending-decision"].safeParse(data);
      if (!d.success) break;
      if (d.data.to) return line(`marked it ${status(d.data.to).toLowerCase()} (not published)`);
      return line(`cleared the unpublished decision${d.data.from ? ` (was ${status(d.data.from).toLowerCase()})` : ""}`);
    }
    case "email": {
      const d = SCHEMAS.email.safeParse(data);
      if (!d.success) break;
      return { ...entry, text: `Email “${d.data.subject}” queued to ${d.data.to}${d.data.held ? " (held for review)" : ""}` };
    }
    case "edit": {
      const d = SCHEMAS.edit.safeParse(data);
      if (!d.success) break;
      const changes = fieldChanges(d.data.changes);
      return { ...line(`edited the ${listOf(changes.map((c) => c.label))}`), changes };
    }
    case "answers": {
      const d = SCHEMAS.edit.safeParse(data);
      if (!d.success) break;
      const changes: FieldChange[] = Object.entries(d.data.changes).map(([question, { from, to }]) => ({
        field: `answer:${question}`,
        label: `“${question}”`,
        kind: "text",
        diff: diffText(from ?? "", to ?? ""),
      }));
      return { ...line(`changed the ${changes.length === 1 ? "answer" : "answers"} to ${listOf(changes.map((c) => c.label))}`), changes };
    }
    case "cospeaker": {
      const d = SCHEMAS.cospeaker.safeParse(data);
      if (!d.success) break;
      const { email, status: s } = d.data;
      if (s === "PENDING") return line(`invited co-speaker ${email} (pending)`);
      if (s === "ACCEPTED") return line(`accepted the invitation to co-speak (${email})`);
      if (s === "DECLINED") return line(`declined the invitation to co-speak (${email})`);
      if (s === "REVOKED") return line(`revoked the co-speaker invitation to ${email}`);
      return line(`co-speaker invitation to ${email}: ${s.toLowerCase()}`);
    }
  }
  return line(`recorded “${row.kind}”`);
}

function fieldChanges(changes: Record<string, { from?: string | null; to?: string | null }>): FieldChange[] {
  const known = FIELDS.filter((f) => f.field in changes);
  const unknown = Object.keys(changes)
    .filter((field) => !FIELDS.some((f) => f.field === field))
    .map((field) => ({ field, label: field, text: false }));
  return [...known, ...unknown].map(({ field, label, text, show }: (typeof FIELDS)[number]) => {
    const { from, to } = changes[field];
    if (text) return { field, label, kind: "text", diff: diffText(from ?? "", to ?? "") };
    const shown = (v: string | null | undefined) => (v ? (show ? show(v) : v) : "none");
    return { field, label, kind: "choice", from: shown(from), to: shown(to) };
  });
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

function status(s: string): string {
  return STATUS_LABELS[s] ?? s;
}

/** "title", "title and abstract", "title, abstract and level". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "proposal";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
