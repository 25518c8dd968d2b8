// npm run db:migrate: apply the committed migrations to DATABASE_URL (default: data/handoff.db),
// then fill the search text of rows that have none.
import { DEFAULT_DATABASE_URL } from "../lib/db/provider";
import { fillCandidateSearch } from "./lib/candidate-search-backfill";
import { migrateDatabase } from "./lib/database";

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
migrateDatabase(databaseUrl);
await fillCandidateSearch(databaseUrl);
