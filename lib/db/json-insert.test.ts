import { describe, expect, it } from "vitest";

import { jsonChunks } from "./json-insert";

describe("jsonChunks", () => {
  const columns = ["id", "name"] as const;

  it("splits the rows into JSON arrays of bounded length, every row once and in order", () => {
    const rows = Array.from({ length: 1000 }, (_, index) => ({
      id: String(index),
      name: `Łukasz ${"x".repeat(index % 50)}`,
    }));
    const chunks = [...jsonChunks(rows, columns)];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(24 * 1024);
    expect(chunks.flatMap((chunk) => JSON.parse(chunk) as unknown[])).toEqual(rows);
  });

  it("writes only the columns, a missing one as null, and gives a long row a chunk of its own", () => {
    const long = { id: "2", name: "y".repeat(30_000) };
    const chunks = [...jsonChunks([{ id: "1" }, long, { id: "3", name: "z", extra: "no" } as never], columns)];
    expect(chunks.map((chunk) => JSON.parse(chunk) as unknown)).toEqual([
      [{ id: "1", name: null }],
      [long],
      [{ id: "3", name: "z" }],
    ]);
  });

  it("makes nothing of no rows", () => {
    expect([...jsonChunks([], columns)]).toEqual([]);
  });
});
