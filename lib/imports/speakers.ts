import { createHash } from "node:crypto";
import { normalizedOrNull } from "@/lib/auth/email-address";
import type { ImportedSpeaker } from "./types";

/**
 * Who a speaker is across files and tools: their address when the file has
 * a valid one, else their id in the source tool. People without an address
 * get one that cannot receive mail or sign in (".invalid", RFC 2606) until an
 * organizer or the person corrects it.
 */
export function speakerIdentity(source: string, s: ImportedSpeaker): { email: string; hasEmail: boolean; key: string } {
  const email = normalizedOrNull(s.email);
  if (email) return { email, hasEmail: true, key: `email:${email}` };
  const id = s.sourceId ?? s.name;
  const digest = createHash("sha256").update(`${source}:${id}`).digest("hex").slice(0, 16);
  return { email: `${source}-${digest}@import.invalid`, hasEmail: false, key: `id:${id}` };
}
