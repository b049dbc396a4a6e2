import { signedInAs } from "@/lib/auth/actor";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { previewImport, runImport, uploadImport } from "@/lib/imports/run";
import { expectDenied } from "./helpers";

const getDb = useTestDb();
const file = readFileSync(path.resolve(__dirname, "../fixtures/imports/pretalx-submissions.json"), "utf8");

describe("imports are for the event's organizers only", () => {
  it("refuses anonymous, reviewer, speaker, another event's organizer and a stranger, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const { id } = await uploadImport(db, signedInAs(event.organizer.id), event.id, {
      format: "pretalx",
      fileName: "p.json",
      content: file,
    });
    const actors: [string | null, "unauthenticated" | "forbidden" | "not_found"][] = [
      [null, "unauthenticated"],
      [(await addReviewer(db, event)).id, "forbidden"],
      [(await createProposal(db, { event })).speaker.id, "not_found"],
      [other.organizer.id, "not_found"],
      [(await createUser(db)).id, "not_found"],
    ];
    for (const [actor, code] of actors) {
      await expectDenied(db, code, () =>
        uploadImport(db, signedInAs(actor), event.id, { format: "pretalx", fileName: "p.json", content: file }),
      );
      await expectDenied(db, code, () => previewImport(db, signedInAs(actor), event.id, id));
      await expectDenied(db, code, () => runImport(db, signedInAs(actor), event.id, id));
    }
    // Another event's organizer cannot reach the upload through their own event either.
    await expectDenied(db, "not_found", () => runImport(db, signedInAs(other.organizer.id), other.id, id));
  });
});
