import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, TEMPLATE_KINDS, TEMPLATE_LABELS, type TemplateKind } from "./kinds";
import { assertTemplateKind } from "./save";

/** Every kind of message, and whether the event has its own wording for it. */
export async function eventTemplates(db: DbTx, actor: SignedIn, eventId: string) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const own = await db.emailTemplate.findMany({ where: { eventId }, select: { kind: true, updatedAt: true } });
  return TEMPLATE_KINDS.map((kind) => {
    const mine = own.find((t) => t.kind === kind);
    return { kind, label: TEMPLATE_LABELS[kind], customized: Boolean(mine), updatedAt: mine?.updatedAt ?? null };
  });
}

/** What the editor of one kind shows: the current wording and the placeholders it may use. */
export async function templateForEditor(db: DbTx, actor: SignedIn, eventId: string, kind: TemplateKind) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  assertTemplateKind(kind);
  const own = await db.emailTemplate.findUnique({
    where: { eventId_kind: { eventId, kind } },
    select: { subject: true, body: true, updatedAt: true },
  });
  const wording = own ?? DEFAULT_TEMPLATES[kind];
  return {
    kind,
    label: TEMPLATE_LABELS[kind],
    placeholders: PLACEHOLDERS[kind],
    subject: wording.subject,
    body: wording.body,
    customized: Boolean(own),
    updatedAt: own?.updatedAt ?? null,
  };
}
