// Idempotent demo data: running it twice leaves the same database.
import { createDb } from "@/lib/db/client";
import { PROPOSALS, REVIEWERS, SPEAKERS } from "./seed-data/demo";
import { seedDemo } from "./seed-data/seed-demo";

const db = createDb();

async function main() {
  const { event } = await seedDemo(db);
  console.log(`Seeded ${event.name}: ${PROPOSALS.length} proposals, ${REVIEWERS.length} reviewers, ${SPEAKERS.length} speakers.`);
}

main()
  .finally(() => db.$disconnect())
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
