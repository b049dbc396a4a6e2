import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeCode } from "@/lib/identifiers/public-code";
import { ApiError } from "./errors";
import type { ApiContext } from "./authenticate";
import { skipTake } from "./paging";
import type { SpeakersQuery } from "./query";
import { speakerSchema, type Speaker } from "./schemas";

/** The columns of a person that the API's speaker shows (apiSpeaker). */
export const SPEAKER_FIELDS = {
  id: true,
  code: true,
  name: true,
  email: true,
  profile: { select: { bio: true, website: true, github: true, mastodon: true, company: true, location: true } },
} satisfies Prisma.UserSelect;
type SpeakerFields = Prisma.UserGetPayload<{ select: typeof SPEAKER_FIELDS }>;

/** A speaker in the API's shape (pretalx's names); email, company and location only with personal data. */
export function apiSpeaker(u: SpeakerFields, submissions: string[], answers: Speaker["answers"], personal: boolean): Speaker {
  const p = u.profile;
  return {
    code: u.code,
    name: u.name,
    biography: p?.bio ?? "",
    submissions,
    answers,
    website: p?.website ?? "",
    github: p?.github ?? "",
    mastodon: p?.mastodon ?? "",
    ...(personal ? { email: u.email, company: p?.company ?? "", location: p?.location ?? "" } : {}),
  };
}

function speakerSelect(ctx: ApiContext) {
  return {
    ...SPEAKER_FIELDS,
    proposalRoles: {
      where: { proposal: ctx.organizer.proposals },
      orderBy: { proposal: { number: "asc" } },
      select: { proposal: { select: { code: true } } },
    },
  } satisfies Prisma.UserSelect;
}
type Row = Prisma.UserGetPayload<{ select: ReturnType<typeof speakerSelect> }>;

/** Speakers of the proposals the token reaches (never of a draft, never of a proposal its creator speaks on). */
export function speakersWhere(ctx: ApiContext, search?: string): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [{ proposalRoles: { some: { proposal: ctx.organizer.proposals } } }];
  if (search) and.push({ OR: [{ name: { contains: search } }, { code: normalizeCode(search) }] });
  return { AND: and };
}

function toSpeaker(u: Row, ctx: ApiContext): Speaker {
  return speakerSchema.parse(
    apiSpeaker(
      u,
      u.proposalRoles.map((r) => r.proposal.code),
      [],
      ctx.scopes.has("personal"),
    ),
  );
}

export async function listSpeakers(db: Db, ctx: ApiContext, q: SpeakersQuery) {
  const where = speakersWhere(ctx, q.search);
  const [count, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, orderBy: { code: "asc" }, ...skipTake(q), select: speakerSelect(ctx) }),
  ]);
  return { count, results: rows.map((r) => toSpeaker(r, ctx)) };
}

export async function getSpeaker(db: Db, ctx: ApiContext, code: string) {
  const row = await db.user.findFirst({ where: { AND: [speakersWhere(ctx), { code: normalizeCode(code) }] }, select: speakerSelect(ctx) });
  if (!row) throw new ApiError("not_found", "No speaker with this code.");
  return toSpeaker(row, ctx);
}
