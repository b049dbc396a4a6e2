import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { createQuestion } from "@/lib/questions/manage";
import { questionInput } from "@/lib/questions/schemas";
import { publishRelease } from "@/lib/programme/release";
import { publishedProgramme } from "@/lib/programme/public";
import type { Db } from "@/lib/db/client";
import { programmeEvent } from "./programme-fixture";

const getDb = useTestDb();

async function ask(db: Db, eventId: string, organizer: string, fields: Record<string, string>) {
  const q = await createQuestion(db, signedInAs(organizer), eventId, questionInput.parse({ variant: "STRING", ...fields }));
  return q.id;
}

describe("public answers on the published programme (issue 12: the question's public flag)", () => {
  it("a release carries answers to public questions only: never personal data, never unflagged questions", async () => {
    const db = getDb();
    const { event, organizer, talks, cospeaker } = await programmeEvent(db, { placed: true });
    const level = await ask(db, event.id, organizer, { target: "SUBMISSION", question: "Prerequisites", isPublic: "on" });
    const internal = await ask(db, event.id, organizer, { target: "SUBMISSION", question: "Budget" });
    const personal = await ask(db, event.id, organizer, { target: "SUBMISSION", question: "Phone", isPublic: "on", personalData: "on" });
    const pronouns = await ask(db, event.id, organizer, { target: "SPEAKER", question: "Pronouns", isPublic: "on" });
    await db.answer.createMany({
      data: [
        { questionId: level, proposalId: talks.pin.id, answer: "Knows what a Future is" },
        { questionId: internal, proposalId: talks.pin.id, answer: "SECRET-BUDGET" },
        { questionId: personal, proposalId: talks.pin.id, answer: "SECRET-PHONE" },
        { questionId: pronouns, speakerId: cospeaker.id, answer: "she/her" },
      ],
    });

    await publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now: new Date("2027-01-10T09:00:00Z") });
    const release = (await publishedProgramme(db, event.slug))!;
    const pin = release.snapshot.items.find((i) => i.proposalId === talks.pin.id)!;
    expect(pin.answers).toEqual([{ question: "Prerequisites", answer: "Knows what a Future is" }]);
    expect(release.snapshot.speakers.find((s) => s.name === "Noor Haddad")!.answers).toEqual([{ question: "Pronouns", answer: "she/her" }]);
    expect(JSON.stringify(release.snapshot)).not.toMatch(/SECRET/);
    // Talks and speakers without public answers carry none.
    expect(release.snapshot.items.find((i) => i.proposalId === talks.asm.id)!.answers).toBeUndefined();
  });
});
