import { createHash, randomUUID } from "node:crypto";

// Guids the exports name rooms, blocks and persons by. A talk is named by its
// proposal's guid (ADR 0021) and a speaker by their User.code; a person's guid
// in the frab export is derived from that code (a name-based UUID, RFC 9562
// version 5 layout), so both are the same in every release.

const NAMESPACE = "cfp-programme";

export function nameGuid(name: string): string {
  const h = createHash("sha1").update(`${NAMESPACE}:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const newGuid = () => randomUUID();
