// A submitted proposal written straight into a spec's own demo event, by a
// new speaker: for specs that need a proposal of a given shape before the
// browser opens (plain creates: see README.md in this folder).
import type { Db } from "@/lib/db/client";
import type { Level } from "@/lib/generated/prisma/client";
import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";
import { unique } from "./data";
import type { Demo } from "./demo";

export async function plantProposal(
  db: Db,
  demo: Demo,
  p: { title: string; abstract: string; level: Level; speakerName: string; emailPrefix: string },
) {
  const event = await db.event.findUniqueOrThrow({ where: { id: demo.event.id }, include: { sessionTypes: true, tracks: true } });
  const speaker = await db.user.create({
    data: { email: `${p.emailPrefix}-${unique()}@example.org`, name: p.speakerName, code: await newUserCode(db) },
  });
  const talk = await db.talk.create({ data: { ownerId: speaker.id, title: p.title, abstract: p.abstract, level: p.level } });
  const proposal = await db.proposal.create({
    data: {
      ...(await newProposalIdentifiers(db, event.id)),
      eventId: event.id,
      talkId: talk.id,
      title: p.title,
      abstract: p.abstract,
      level: p.level,
      sessionTypeId: event.sessionTypes[0].id,
      trackId: event.tracks[0].id,
      status: "SUBMITTED",
      submittedAt: new Date(),
      speakers: { create: { userId: speaker.id, role: "OWNER" } },
      stats: { create: { eventId: event.id } },
    },
  });
  return { proposal, speaker };
}
