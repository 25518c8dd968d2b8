import { Prisma } from "@/generated/prisma/client";
import { candidateSearchColumns } from "@/lib/candidates/search-text";

// Every Prisma write of a candidate's name or email also writes its search columns (see
// Candidate in schema.prisma), so the app, the seed, tests and imports cannot forget them.
// Computed in TypeScript, not in a database trigger: the folding (umlauts, ß, ø, ł, …) is one
// function shared with the query side, identical on SQLite and PostgreSQL.

const SOURCE_FIELDS = ["firstName", "lastName", "email"] as const;
type TData = Record<string, unknown>;

function withSearchColumns<T extends TData>(data: T): T {
  const given = SOURCE_FIELDS.filter((field) => field in data && data[field] !== undefined);
  if (given.length === 0) return data;
  const values = SOURCE_FIELDS.map((field) => data[field]);
  if (given.length < SOURCE_FIELDS.length || values.some((value) => typeof value !== "string")) {
    // The search text is built from all three; a partial update cannot compute it without a
    // read that would escape the caller's transaction. lib/candidates/write.ts, which has the
    // stored values at hand, passes all three.
    throw new Error(
      "Update a candidate's firstName, lastName and email together (plain strings): its search text is built from all three.",
    );
  }
  const [firstName, lastName, email] = values as [string, string, string];
  return { ...data, ...candidateSearchColumns({ firstName, lastName, email }) };
}

function eachData<T>(data: T): T {
  return (
    Array.isArray(data) ? data.map((row: TData) => withSearchColumns(row)) : withSearchColumns(data as TData)
  ) as T;
}

export const candidateSearchExtension = Prisma.defineExtension({
  name: "candidate-search",
  query: {
    candidate: {
      create: ({ args, query }) => query({ ...args, data: eachData(args.data) }),
      createMany: ({ args, query }) => query({ ...args, data: eachData(args.data) }),
      createManyAndReturn: ({ args, query }) => query({ ...args, data: eachData(args.data) }),
      update: ({ args, query }) => query({ ...args, data: eachData(args.data) }),
      updateMany: ({ args, query }) => query({ ...args, data: eachData(args.data) }),
      updateManyAndReturn: ({ args, query }) => query({ ...args, data: eachData(args.data) }),
      upsert: ({ args, query }) => query({ ...args, create: eachData(args.create), update: eachData(args.update) }),
    },
  },
});
