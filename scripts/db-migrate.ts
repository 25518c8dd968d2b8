// npm run db:migrate: apply the committed migrations to DATABASE_URL (default: data/handoff.db).
import { DEFAULT_DATABASE_URL } from "../lib/db/provider";

import { migrateDatabase } from "./lib/database";

migrateDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
