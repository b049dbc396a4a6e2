import type { DbTx } from "@/lib/db";
import { publicAnswers, type PublicAnswer } from "@/lib/questions/public-answers";

// What a release stores and every public page and export reads: the
// programme as published, independent of later edits. Only confirmed talks
// and non-talk blocks go in; speakers carry public profile fields only.

export type SnapshotRoom = { guid: string; name: string; capacity: number | null; position: number };
export type SnapshotSpeaker = {
  code: string;
  name: string;
  bio: string;
  website: string;
  github: string;
  mastodon: string;
  /** Answers to the event's public speaker questions (absent when none, and in releases made before questions). */
  answers?: PublicAnswer[];
};
export type SnapshotItem = {
  guid: string;
  kind: "talk" | "block";
  /** The talk's proposal number (ADR 0021; the frab export's event id), null for a block. */
  number?: number | null;
  /** The talk's proposal (kept out of public pages; used to email its speakers). */
  proposalId: string | null;
  title: string;
  abstract: string;
  sessionType: string | null;
  track: string | null;
  level: string | null;
  roomGuid: string;
  /** ISO instant (UTC). */
  start: string;
  durationMinutes: number;
  speakers: string[];
  /** Answers to the event's public proposal questions (absent when none). */
  answers?: PublicAnswer[];
};
export type ProgrammeSnapshot = {
  event: {
    name: string;
    slug: string;
    description: string;
    timeZone: string;
    startsOn: string | null;
    endsOn: string | null;
    venue: string;
  };
  rooms: SnapshotRoom[];
  items: SnapshotItem[];
  speakers: SnapshotSpeaker[];
};

export async function buildSnapshot(tx: DbTx, eventId: string): Promise<ProgrammeSnapshot> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      name: true,
      slug: true,
      description: true,
      timeZone: true,
      conferenceStartsOn: true,
      conferenceEndsOn: true,
      venue: true,
      rooms: { orderBy: { position: "asc" }, select: { id: true, guid: true, name: true, capacity: true, position: true } },
      scheduleItems: {
        where: { OR: [{ proposalId: null }, { proposal: { status: "CONFIRMED" } }] },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          guid: true,
          title: true,
          roomId: true,
          startsAt: true,
          durationMinutes: true,
          proposal: {
            select: {
              id: true,
              guid: true,
              number: true,
              title: true,
              abstract: true,
              level: true,
              sessionType: { select: { name: true } },
              track: { select: { name: true } },
              speakers: {
                orderBy: [{ role: "asc" }, { id: "asc" }],
                select: {
                  userId: true,
                  user: {
                    select: { code: true, name: true, profile: { select: { bio: true, website: true, github: true, mastodon: true } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const roomGuid = new Map(event.rooms.map((r) => [r.id, r.guid]));
  const talks = event.scheduleItems.flatMap((i) => (i.proposal ? [i.proposal] : []));
  const userIds = new Map(talks.flatMap((p) => p.speakers.map((s) => [s.user.code, s.userId] as const)));
  const answers = await publicAnswers(
    tx,
    eventId,
    talks.map((p) => p.id),
    [...userIds.values()],
  );
  const speakers = new Map<string, SnapshotSpeaker>();
  const items = event.scheduleItems.map((i): SnapshotItem => {
    const p = i.proposal;
    for (const s of p?.speakers ?? []) {
      const code = s.user.code;
      const profile = s.user.profile;
      speakers.set(code, {
        code,
        name: s.user.name || "A speaker",
        bio: profile?.bio ?? "",
        website: profile?.website ?? "",
        github: profile?.github ?? "",
        mastodon: profile?.mastodon ?? "",
        ...withAnswers(answers.bySpeaker.get(s.userId)),
      });
    }
    return {
      // A talk is named by its proposal's guid (ADR 0021), stable across releases.
      guid: p?.guid ?? i.guid,
      kind: p ? "talk" : "block",
      number: p?.number ?? null,
      proposalId: p?.id ?? null,
      title: p?.title ?? i.title,
      abstract: p?.abstract ?? "",
      sessionType: p?.sessionType?.name ?? null,
      track: p?.track?.name ?? null,
      level: p?.level ?? null,
      roomGuid: roomGuid.get(i.roomId)!,
      start: i.startsAt.toISOString(),
      durationMinutes: i.durationMinutes,
      speakers: (p?.speakers ?? []).map((s) => s.user.code),
      ...withAnswers(p ? answers.byProposal.get(p.id) : undefined),
    };
  });
  return {
    event: {
      name: event.name,
      slug: event.slug,
      description: event.description,
      timeZone: event.timeZone,
      startsOn: event.conferenceStartsOn,
      endsOn: event.conferenceEndsOn,
      venue: event.venue,
    },
    rooms: event.rooms.map(({ guid, name, capacity, position }) => ({ guid, name, capacity, position })),
    items,
    speakers: [...speakers.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Only present when there are some, so a programme without public questions is stored as before. */
function withAnswers(list: PublicAnswer[] | undefined): { answers?: PublicAnswer[] } {
  return list?.length ? { answers: list } : {};
}
