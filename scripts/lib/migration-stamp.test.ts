import { describe, expect, it } from "vitest";

import { nextMigrationStamp } from "./migration-stamp";

describe("a new migration's stamp", () => {
  const now = new Date("2026-12-07T12:30:05Z");

  it("is the clock's when it sorts after every migration", () => {
    expect(nextMigrationStamp(now, ["20261207120000_a", "migration_lock.toml"])).toBe("20261207123005");
  });

  it("comes one second after a newer migration merged from elsewhere", () => {
    expect(nextMigrationStamp(now, ["20261207120000_a", "20261209235959_b", "migration_lock.toml"])).toBe(
      "20261210000000",
    );
  });
});
