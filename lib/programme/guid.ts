import { createHash, randomUUID } from "node:crypto";

// Guids the exports name talks, rooms and speakers by. A talk's guid is derived
// from its proposal (a name-based UUID, RFC 9562 version 5 layout), so it is
// the same in every release, however often the talk is moved or re-placed.

const NAMESPACE = "cfp-programme";

export function nameGuid(name: string): string {
  const h = createHash("sha1").update(`${NAMESPACE}:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const talkGuid = (proposalId: string) => nameGuid(`talk:${proposalId}`);
/** A speaker's public code: names them on public pages without revealing their account id. */
export const speakerCode = (userId: string) => nameGuid(`speaker:${userId}`).slice(0, 8).toUpperCase();
export const newGuid = () => randomUUID();
