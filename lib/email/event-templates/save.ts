import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, secretSubjectMessage, TEMPLATE_KINDS, type Template, type TemplateKind } from "./kinds";
import { unknownPlaceholders } from "./render";
import type { TemplateInput } from "./schemas";

const braces = (keys: readonly string[]) => keys.map((k) => `{${k}}`).join(", ");

/** A kind from a URL or a form is checked again here: the domain never trusts its caller. */
export function assertTemplateKind(kind: string): asserts kind is TemplateKind {
  if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) throw notFound("This kind of message");
}

// Braces around a word that rendering will not fill: {Speaker_Name}, {talk title}, {event-name}.
const LOOKS_LIKE_PLACEHOLDER = /\{\s*[A-Za-z][\w -]{0,40}\}/g;
const PLACEHOLDER = /^\{[a-z_]+\}$/;

/** Placeholders in `text` that its kind would leave as written, as typed ("{speakername}", "{Speaker_Name}"). */
export function placeholderMistakes(kind: TemplateKind, text: string): string[] {
  const unknown = unknownPlaceholders(kind, { subject: "", body: text }).map((k) => `{${k}}`);
  const malformed = [...text.matchAll(LOOKS_LIKE_PLACEHOLDER)].map((m) => m[0]).filter((t) => !PLACEHOLDER.test(t));
  return [...new Set([...unknown, ...malformed])];
}

/**
 * Refuses a template that uses placeholders its kind does not fill (a typo
 * like {speakername} would reach the speaker as written), with an error next
 * to each field that has one, listing them and the allowed ones; and a
 * subject with a personal link (organizers read subjects in the outbox).
 */
export function assertKnownPlaceholders(kind: TemplateKind, template: Template): void {
  const fields: Record<string, string> = {};
  for (const field of ["subject", "body"] as const) {
    const unknown = placeholderMistakes(kind, template[field]);
    if (unknown.length > 0) {
      fields[field] =
        `Unknown ${unknown.length === 1 ? "placeholder" : "placeholders"}: ${unknown.join(", ")}. This message can use ${braces(PLACEHOLDERS[kind])}.`;
    }
  }
  const secret = secretSubjectMessage(template.subject);
  if (!fields.subject && secret) fields.subject = secret;
  if (Object.keys(fields).length > 0) {
    const unknownOnes = Object.values(fields).some((m) => m.startsWith("Unknown"));
    throw invalid(
      unknownOnes ? "The template uses placeholders that this kind of message does not have." : "Personal links go in the body only.",
      fields,
    );
  }
}

/**
 * Saves the event's wording for one kind of message. Saving the default
 * wording unchanged removes the event's own copy, so the list shows "default"
 * and later improvements to the default reach this event.
 */
export async function saveTemplate(
  db: Db,
  actor: SignedIn,
  eventId: string,
  kind: TemplateKind,
  input: TemplateInput,
): Promise<{ customized: boolean }> {
  await authorizeEvent(db, actor, eventId, "event:edit");
  assertTemplateKind(kind);
  assertKnownPlaceholders(kind, input);
  const fallback = DEFAULT_TEMPLATES[kind];
  if (input.subject === fallback.subject && input.body === fallback.body) {
    await db.emailTemplate.deleteMany({ where: { eventId, kind } });
    return { customized: false };
  }
  const wording = { subject: input.subject, body: input.body };
  await db.emailTemplate.upsert({ where: { eventId_kind: { eventId, kind } }, create: { eventId, kind, ...wording }, update: wording });
  return { customized: true };
}

/** Back to the built-in wording for one kind of message. */
export async function resetTemplate(db: Db, actor: SignedIn, eventId: string, kind: TemplateKind): Promise<{ reset: boolean }> {
  await authorizeEvent(db, actor, eventId, "event:edit");
  assertTemplateKind(kind);
  const { count } = await db.emailTemplate.deleteMany({ where: { eventId, kind } });
  return { reset: count > 0 };
}
