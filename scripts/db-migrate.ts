// npm run db:migrate: apply the committed migrations to DATABASE_URL (default: data/handoff.db).
import { migrateDatabase } from "./lib/database";

migrateDatabase(process.env.DATABASE_URL ?? "file:./data/handoff.db");
