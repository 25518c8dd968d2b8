// npm run db:migrate: apply the committed migrations to DATABASE_URL (default: data/handoff.db),
// then fill the search text of rows that have none.
import { fillCandidateSearch } from "./lib/candidate-search-backfill";
import { migrateDatabase } from "./lib/database";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/handoff.db";
migrateDatabase(databaseUrl);
await fillCandidateSearch(databaseUrl);
