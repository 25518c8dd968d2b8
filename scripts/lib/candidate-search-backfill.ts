import { backfillCandidateSearch } from "@/lib/candidates/search-backfill";
import { createPrismaClient } from "@/lib/db/create-prisma-client";

// After migrating: fill the search text of rows that have none (see lib/candidates/search-backfill.ts).
export async function fillCandidateSearch(databaseUrl: string, { quiet = false } = {}) {
  const db = createPrismaClient(databaseUrl);
  try {
    const filled = await backfillCandidateSearch(db);
    if (filled > 0 && !quiet) console.log(`Search: indexed ${filled} candidate${filled === 1 ? "" : "s"}.`);
  } finally {
    await db.$disconnect();
  }
}
