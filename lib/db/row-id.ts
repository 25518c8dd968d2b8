import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * An id shaped like Prisma's cuids, for rows whose id is needed before they are written (bulk
 * inserts, a webhook source's namespace). Lists break ties by id, so ids made one after another
 * keep their order.
 */
export function newRowId() {
  counter = (counter + 1) % 1_679_616;
  const random = randomBytes(6).toString("hex").slice(0, 8);
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${random}`;
}
