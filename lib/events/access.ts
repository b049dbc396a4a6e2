// Moved to lib/auth/actor.ts (ADR 0016); re-exported for code written before it.
export { eventRole, type EventRole } from "@/lib/auth/actor";
