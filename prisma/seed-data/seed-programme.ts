// The demo conference's published programme. seedDemo (seed-demo.ts) adds it to
// the untagged demo event only: the e2e specs' tagged copies have the CFP's
// seven proposals and no programme (their counts stay those of the CFP). Idempotent.
import type { Db } from "@/lib/db/client";
import type { Event, User } from "@/lib/generated/prisma/client";
import { zonedLocalToUtc } from "@/lib/events/time-zone";
import { newGuid } from "@/lib/programme/guid";
import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";
import { buildSnapshot } from "@/lib/programme/snapshot";
import { BREAKS, CONFERENCE, INVITED_SPEAKERS, INVITED_TALKS } from "./demo";

export async function seedProgramme(db: Db, event: Event, organizer: User) {
  await db.event.update({
    where: { id: event.id },
    data: { conferenceStartsOn: CONFERENCE.startsOn, conferenceEndsOn: CONFERENCE.endsOn, venue: CONFERENCE.venue },
  });
  const rooms = [];
  for (const [position, r] of CONFERENCE.rooms.entries()) {
    rooms.push(
      await db.room.upsert({
        where: { eventId_name: { eventId: event.id, name: r.name } },
        create: { eventId: event.id, name: r.name, capacity: r.capacity, position, guid: newGuid() },
        update: {},
      }),
    );
  }
  const people = new Map<string, User>();
  for (const s of INVITED_SPEAKERS) {
    people.set(
      s.email,
      await db.user.upsert({
        where: { email: s.email },
        create: {
          email: s.email,
          name: s.name,
          code: await newUserCode(db),
          emailVerified: new Date(),
          profile: { create: { bio: s.bio } },
        },
        update: {},
      }),
    );
  }
  const [sessionTypes, tracks] = await Promise.all([
    db.sessionType.findMany({ where: { eventId: event.id } }),
    db.track.findMany({ where: { eventId: event.id } }),
  ]);
  const at = (start: string) => zonedLocalToUtc(start, event.timeZone)!;
  for (const t of INVITED_TALKS) {
    const owner = people.get(t.speaker)!;
    const sessionType = sessionTypes.find((s) => s.name === t.sessionType)!;
    const fields = { title: t.title, abstract: t.abstract, notes: "", level: "INTERMEDIATE" as const };
    const talk =
      (await db.talk.findFirst({ where: { ownerId: owner.id, title: t.title } })) ??
      (await db.talk.create({ data: { ...fields, ownerId: owner.id } }));
    const existing = await db.proposal.findUnique({ where: { eventId_talkId: { eventId: event.id, talkId: talk.id } } });
    const proposal =
      existing ??
      (await db.proposal.create({
        data: {
          ...(await newProposalIdentifiers(db, event.id)),
          ...fields,
          eventId: event.id,
          talkId: talk.id,
          sessionTypeId: sessionType.id,
          trackId: tracks.find((x) => x.name === t.track)!.id,
          // Invited: confirmed from the start (the seed writes rows directly, as for the submitted proposals).
          status: "CONFIRMED",
          submittedAt: new Date(),
          decidedAt: new Date(),
          respondedAt: new Date(),
          speakers: {
            create: [
              { userId: owner.id, role: "OWNER" },
              ...(t.cospeakers ?? []).map((email) => ({ userId: people.get(email)!.id, role: "COSPEAKER" as const })),
            ],
          },
          stats: { create: { eventId: event.id } },
        },
      }));
    await db.scheduleItem.upsert({
      where: { proposalId: proposal.id },
      create: {
        eventId: event.id,
        proposalId: proposal.id,
        roomId: rooms[t.slot.room].id,
        startsAt: at(t.slot.start),
        durationMinutes: sessionType.durationMinutes,
        guid: proposal.guid,
      },
      update: {},
    });
  }
  for (const b of BREAKS) {
    await db.scheduleItem.upsert({
      where: { guid: b.guid },
      create: {
        eventId: event.id,
        roomId: rooms[b.slot.room].id,
        title: b.title,
        startsAt: at(b.slot.start),
        durationMinutes: b.durationMinutes,
        guid: b.guid,
      },
      update: {},
    });
  }
  // Release 1, written directly: the seed sends no email.
  if ((await db.scheduleRelease.count({ where: { eventId: event.id } })) === 0) {
    const snapshot = await buildSnapshot(db, event.id);
    await db.scheduleRelease.create({
      data: {
        eventId: event.id,
        version: 1,
        note: "The invited talks. The CFP's talks join the programme once confirmed.",
        snapshot: JSON.stringify(snapshot),
        publishedAt: new Date(),
        publishedBy: organizer.id,
      },
    });
  }
}
