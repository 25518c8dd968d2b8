import "server-only";

import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { env } from "@/lib/env";

// One client per process, kept across hot reloads in development.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
