import type { Db, DbTx } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { companyKey } from "@/lib/profile/company-key";
import { newUserCode } from "@/lib/identifiers/public-code";
import { cycle, nextSeq, slugify } from "./sequence";

// Non-ASCII and apostrophes on purpose: they exercise escaping and sorting.
const NAMES = [
  "Amara Okafor",
  "Jonas Lindqvist",
  "Priya Raman",
  "Mateo García",
  "Yuki Tanaka",
  "Zoë Müller",
  "Liam O'Connor",
  "Fatima Haddad",
  "Chen Wei",
  "Sofia Rossi",
] as const;

export type UserTraits = {
  name?: string | null;
  email?: string;
  /** Default true: a user who signed in by email link. */
  verified?: boolean;
  /** Creates a SpeakerProfile with these fields (bio etc.). */
  profile?: { bio?: string; company?: string; location?: string; website?: string; github?: string; mastodon?: string };
};

export async function createUser(db: Db | DbTx, traits: UserTraits = {}): Promise<User> {
  const i = nextSeq();
  const name = traits.name === undefined ? cycle(NAMES, i) : traits.name;
  const local = slugify(name ?? "user").replace(/-/g, ".") || "user";
  const email = traits.email ?? `${local}.${i}@example.com`;
  return db.user.create({
    data: {
      name,
      email,
      code: await newUserCode(db),
      emailVerified: traits.verified === false ? null : new Date(),
      ...(traits.profile ? { profile: { create: { ...traits.profile, companyKey: companyKey(traits.profile.company ?? "") } } } : {}),
    },
  });
}

/** A user with a filled-in speaker profile. */
export function createSpeaker(db: Db | DbTx, traits: UserTraits = {}): Promise<User> {
  return createUser(db, {
    profile: {
      bio: "Systems programmer who has been writing Rust in production since 2018. Maintainer of a few crates on crates.io.",
      company: "Ferrous Industries",
      location: "Berlin, Germany",
      github: "ferris",
    },
    ...traits,
  });
}
