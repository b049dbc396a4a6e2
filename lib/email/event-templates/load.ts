import type { DbTx } from "@/lib/db";
import { DEFAULT_TEMPLATES, type Template, type TemplateKind } from "./kinds";

/** The event's own wording for a kind of message, or the default. */
export async function templateFor(tx: DbTx, eventId: string, kind: TemplateKind): Promise<Template> {
  const own = await tx.emailTemplate.findUnique({ where: { eventId_kind: { eventId, kind } }, select: { subject: true, body: true } });
  return own ?? DEFAULT_TEMPLATES[kind];
}
