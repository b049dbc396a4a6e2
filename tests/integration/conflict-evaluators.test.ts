import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { loadConflictSet } from "@/lib/assignment/conflict-set";
import { companyKey } from "@/lib/profile/company-key";
import { conflictedProposalIds, hasConflict, noConflictWhere } from "@/lib/reviews/conflicts/filter";

// The conflict rule has two evaluators, each needed for speed: one reviewer
// from their side (queue, counts, single-proposal checks, cleanup) and the
// whole team in bulk (automatic assignment). This file proves them equal.

const getDb = useTestDb();

/** Each evaluator's answer for every (member, proposal) pair, as "member × proposal" lines. */
async function conflictLines(db: Db, eventId: string, members: User[], proposals: Record<string, { id: string }>) {
  const set = await loadConflictSet(db, eventId);
  const bulk: string[] = [];
  const single: string[] = [];
  const listed: string[] = [];
  const filtered: string[] = [];
  for (const m of members) {
    const ids = new Set(await conflictedProposalIds(db, eventId, m.id));
    const clean = new Set(
      (await db.proposal.findMany({ where: await noConflictWhere(db, eventId, m.id), select: { id: true } })).map((p) => p.id),
    );
    for (const [name, p] of Object.entries(proposals)) {
      const line = `${m.name ?? m.id} × ${name}`;
      if (set.isConflicted(m.id, p.id)) bulk.push(line);
      if (await hasConflict(db, eventId, m.id, p.id)) single.push(line);
      if (ids.has(p.id)) listed.push(line);
      if (!clean.has(p.id)) filtered.push(line);
    }
  }
  return { bulk, single, listed, filtered };
}

describe("the conflict evaluators (one reviewer's side, the whole team in bulk)", () => {
  it("agree on every pair of a fixture that exercises each rule", { timeout: 300_000 }, async () => {
    const db = getDb();
    const event = await createEvent(db);
    const elsewhere = await createEvent(db);
    const person = (name: string, company: string) => createUser(db, { name, profile: { company } });
    const rosa = await addReviewer(db, event, await person("Rosa Jiménez", "Linkwerk GmbH"));
    const ravi = await addReviewer(db, event);
    const remi = await addReviewer(db, event, await person("Rémi Fontaine", "Ferrous Labs"));
    const tess = await addReviewer(db, event);
    const hugo = await addReviewer(db, event, await person("Hugo Lind", "CrabHub"));
    const organizer = event.organizer;
    const jonas = await person("Jonas Weber", "Linkwerk");
    const kai = await person("Kai Brandt", "linkwerk");
    const mara = await person("Mara Chen", "Ferrous Labs");
    const priya = await createUser(db);
    const sam = await createUser(db);
    const lena = await person("Lena Roth", "Oxide");

    const p = {
      jonas: await createProposal(db, { event, speaker: jonas }),
      kai: await createProposal(db, { event, speaker: kai }),
      mara: await createProposal(db, { event, speaker: mara, cospeakers: [priya] }),
      priya: await createProposal(db, { event, speaker: priya }),
      ravisOwn: await createProposal(db, { event, speaker: ravi }),
      withOrganizer: await createProposal(db, { event, speaker: sam, cospeakers: [organizer] }),
      sam: await createProposal(db, { event, speaker: sam, status: "accepted" }),
      draft: await createProposal(db, { event, speaker: jonas, status: "draft" }),
      withdrawn: await createProposal(db, { event, speaker: priya, status: "withdrawn" }),
      declared: await createProposal(db, { event }),
      lena: await createProposal(db, { event, speaker: lena }),
    };
    // Tess once co-spoke with Priya at another event; Rosa's match with Kai was dismissed;
    // Ravi has an ACTIVE conflict with Sam, and Tess one only at another event.
    await createProposal(db, { event: elsewhere, speaker: tess, cospeakers: [priya], status: "draft" });
    await db.speakerConflict.createMany({
      data: [
        {
          eventId: event.id,
          reviewerId: rosa.id,
          speakerId: kai.id,
          source: "AFFILIATION",
          status: "DISMISSED",
          createdById: organizer.id,
        },
        { eventId: event.id, reviewerId: ravi.id, speakerId: sam.id, source: "ORGANIZER", createdById: organizer.id },
        { eventId: elsewhere.id, reviewerId: tess.id, speakerId: jonas.id, source: "ORGANIZER", createdById: organizer.id },
        {
          eventId: event.id,
          reviewerId: remi.id,
          speakerId: mara.id,
          source: "AFFILIATION",
          status: "DISMISSED",
          createdById: organizer.id,
        },
      ],
    });
    await db.proposalConflict.create({
      data: { eventId: event.id, proposalId: p.declared.id, reviewerId: remi.id, source: "REVIEWER", createdById: remi.id },
    });
    // Hugo's profile now says Oxide, but the event knows him at CrabHub (ADR 0009): the profile does not count.
    await db.speakerProfile.update({ where: { userId: hugo.id }, data: { company: "Oxide", companyKey: companyKey("Oxide") } });

    const { bulk, single, listed, filtered } = await conflictLines(db, event.id, [rosa, ravi, remi, tess, hugo, organizer], p);
    expect(single).toEqual(bulk);
    expect(listed).toEqual(bulk);
    expect(filtered).toEqual(bulk);
    // The fixture does exercise each rule (so agreeing is not trivial).
    expect(bulk).toEqual(
      expect.arrayContaining([
        "Rosa Jiménez × jonas", // open company flag
        "Rosa Jiménez × draft",
        `${ravi.name} × ravisOwn`,
        `${ravi.name} × withOrganizer`, // ACTIVE conflict with Sam
        `${ravi.name} × sam`,
        "Rémi Fontaine × declared",
        `${tess.name} × mara`, // co-spoke with Priya elsewhere
        `${tess.name} × priya`,
        `${organizer.name} × withOrganizer`,
      ]),
    );
    expect(bulk).not.toContain("Rosa Jiménez × kai"); // dismissed
    expect(bulk).not.toContain("Rémi Fontaine × mara"); // dismissed
    expect(bulk).not.toContain(`${tess.name} × jonas`); // another event's conflict
    expect(bulk.filter((line) => line.startsWith("Hugo Lind"))).toEqual([]); // his current profile company is not the event's
  });

  // A fixed seed and a size that fits: each run writes a small event and asks every evaluator
  // about every pair (about 40 writes and 150 queries). With 8 runs the test took 4–10 s on
  // PostgreSQL on a machine saturated by seven other test runs; 6 runs keep it under a tenth of its timeout.
  it("agree on random teams, companies (as joined and as changed since), co-speakers and conflicts", { timeout: 300_000 }, async () => {
    const db = getDb();
    const companies = ["", "Linkwerk", "Linkwerk GmbH", "Ferrous Labs"];
    const scenario = fc.record({
      members: fc.array(fc.record({ joinedAt: fc.constantFrom(...companies), now: fc.constantFrom(...companies) }), {
        minLength: 1,
        maxLength: 3,
      }),
      speakerCompanies: fc.array(fc.constantFrom(...companies), { minLength: 1, maxLength: 4 }),
      // Indexes into "everyone" (members first, then speakers); a proposal may sit in another event.
      proposals: fc.array(
        fc.record({
          speakers: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 3 }),
          status: fc.constantFrom("submitted", "draft", "accepted", "withdrawn") as fc.Arbitrary<
            "submitted" | "draft" | "accepted" | "withdrawn"
          >,
          elsewhere: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      speakerConflicts: fc.array(fc.record({ member: fc.nat(3), speaker: fc.nat(7), active: fc.boolean(), elsewhere: fc.boolean() }), {
        maxLength: 4,
      }),
      proposalConflicts: fc.array(fc.record({ member: fc.nat(3), proposal: fc.nat(4) }), { maxLength: 2 }),
    });
    const other = await createEvent(db); // every run's "another event": the evaluators must ignore it
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const event = await createEvent(db);
        const members = [event.organizer];
        for (const m of s.members) {
          const user = await addReviewer(db, event, await createUser(db, { profile: { company: m.joinedAt } }));
          await db.speakerProfile.update({ where: { userId: user.id }, data: { company: m.now, companyKey: companyKey(m.now) } });
          members.push(user);
        }
        const everyone = [...members];
        for (const company of s.speakerCompanies) everyone.push(await createUser(db, { profile: { company } }));
        const made: Record<string, { id: string; eventId: string }> = {};
        for (const [i, p] of s.proposals.entries()) {
          const [owner, ...co] = [...new Set(p.speakers.map((k) => everyone[k % everyone.length]))];
          made[`p${i}`] = await createProposal(db, {
            event: p.elsewhere ? other : event,
            speaker: owner,
            cospeakers: co,
            status: p.status,
          });
        }
        const proposals = Object.values(made);
        for (const c of s.speakerConflicts) {
          const [eventId, reviewerId, speakerId] = [
            (c.elsewhere ? other : event).id,
            members[c.member % members.length].id,
            everyone[c.speaker % everyone.length].id,
          ];
          await db.speakerConflict.upsert({
            where: { eventId_reviewerId_speakerId: { eventId, reviewerId, speakerId } },
            create: {
              eventId,
              reviewerId,
              speakerId,
              source: "ORGANIZER",
              status: c.active ? "ACTIVE" : "DISMISSED",
              createdById: event.organizer.id,
            },
            update: {},
          });
        }
        for (const c of s.proposalConflicts) {
          const [proposal, reviewerId] = [proposals[c.proposal % proposals.length], members[c.member % members.length].id];
          await db.proposalConflict.upsert({
            where: { proposalId_reviewerId: { proposalId: proposal.id, reviewerId } },
            create: {
              eventId: proposal.eventId,
              proposalId: proposal.id,
              reviewerId,
              source: "ORGANIZER",
              createdById: event.organizer.id,
            },
            update: {},
          });
        }
        const ofEvent = Object.fromEntries(Object.entries(made).filter(([, p]) => p.eventId === event.id));
        const { bulk, single, listed, filtered } = await conflictLines(db, event.id, members, ofEvent);
        expect(single).toEqual(bulk);
        expect(listed).toEqual(bulk);
        expect(filtered).toEqual(bulk);
      }),
      { numRuns: 6, seed: 20261207 },
    );
  });
});
