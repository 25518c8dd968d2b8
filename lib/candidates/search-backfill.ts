import type { PrismaClient } from "@/lib/db/create-prisma-client";

const BATCH = 500;

// Fills the search columns of rows written without them: rows from before the migration
// candidate_search_text, or written by raw SQL. Run after migrating (npm start, npm run dev,
// npm run db:migrate); a no-op when every row has its text. Writes go through the client
// extension, so the folding is the app's own. No "server-only": scripts call it.
export async function backfillCandidateSearch(db: PrismaClient): Promise<number> {
  let filled = 0;
  let afterId = "";
  for (;;) {
    const rows = await db.candidate.findMany({
      where: { searchText: "", id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, firstName: true, lastName: true, email: true, updatedAt: true },
    });
    if (rows.length === 0) return filled;
    await db.$transaction(
      // updatedAt as it was: filling an index is not a change to the candidate.
      rows.map(({ id, ...data }) => db.candidate.update({ where: { id }, data, select: { id: true } })),
    );
    filled += rows.length;
    afterId = rows.at(-1)!.id;
  }
}
