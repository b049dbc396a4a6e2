// A spec's own copy of the demo conference: same people, proposals and
// reviews as the seeded RustFest Lyon 2027, in an event nobody else touches.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Event, Proposal, User } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed-data/seed-demo";

export type Demo = {
  event: Event;
  /** rustfest-lyon-2027-<tag> */
  slug: string;
  /** "RustFest Lyon 2027 <tag>" */
  name: string;
  /** A person of the demo by name: "Olivia Laurent" (organizer), "Ravi Menon" (reviewer), "Mara Chen" (speaker), … */
  user(name: string): User;
  /** A seeded proposal by title. */
  proposal(title: string): Proposal;
};

/** Builds a new copy of the demo conference (a fresh tag each call). */
export async function createDemo(db: Db): Promise<Demo> {
  const { event, people, proposals } = await seedDemo(db, randomBytes(4).toString("hex"));
  const byName = new Map([...people.values()].map((u) => [u.name!, u]));
  return {
    event,
    slug: event.slug,
    name: event.name,
    user(name) {
      const user = byName.get(name);
      if (!user) throw new Error(`No demo person named ${name}`);
      return user;
    },
    proposal(title) {
      const proposal = proposals.get(title);
      if (!proposal) throw new Error(`No demo proposal titled ${title}`);
      return proposal;
    },
  };
}
