// Who may do what, as data. Domain functions call `can` with the role the
// database gives the actor for this event or proposal; pages only use it to
// decide what to show.

export type Role = "ORGANIZER" | "REVIEWER" | "SPEAKER";

export const CAPABILITIES = [
  "event:edit",
  "event:view-team",
  "team:manage",
  "proposal:list-all",
  "proposal:view-reviews",
  "proposal:review",
  "proposal:discuss",
  "review:manage",
  "proposal:decide",
  "schedule:edit",
  "proposal:tag",
  "proposal:edit-own",
  "proposal:submit",
  "proposal:withdraw",
  "proposal:confirm",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const PERMISSIONS: Record<Role, readonly Capability[]> = {
  ORGANIZER: [
    "event:edit",
    "event:view-team",
    "team:manage",
    "proposal:list-all",
    "proposal:view-reviews",
    "proposal:review",
    "proposal:discuss",
    "review:manage",
    "proposal:decide",
    "schedule:edit",
    "proposal:tag",
  ],
  REVIEWER: ["event:view-team", "proposal:review", "proposal:discuss"],
  SPEAKER: ["proposal:edit-own", "proposal:submit", "proposal:withdraw", "proposal:confirm"],
};

export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && PERMISSIONS[role].includes(capability);
}
