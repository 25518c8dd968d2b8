// npm install (postinstall): generate the Prisma client of each provider (prisma/schemas.ts).
// Each schema reads DATABASE_URL, and Prisma checks its scheme against the provider, so each
// run gets a placeholder of the right kind (nothing connects to it).
import { execFileSync } from "node:child_process";
import path from "node:path";

import { DEFAULT_DATABASE_URL } from "../lib/db/provider";
import { SCHEMAS } from "../prisma/schemas";

const PRISMA_BIN = path.join(process.cwd(), "node_modules", ".bin", "prisma");
const placeholderUrls = { sqlite: DEFAULT_DATABASE_URL, postgresql: "postgresql://localhost:5432/handoff" };

for (const provider of ["sqlite", "postgresql"] as const) {
  execFileSync(PRISMA_BIN, ["generate", "--schema", SCHEMAS[provider].schema], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: placeholderUrls[provider] },
  });
}
