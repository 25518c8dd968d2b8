import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { renderPostgresSchema, SCHEMAS } from "../prisma/schemas";

describe("one schema source for both providers", () => {
  it("prisma/postgresql/schema.prisma is the current rendering of prisma/schema.prisma (run npm run db:new-migration)", () => {
    const source = fs.readFileSync(SCHEMAS.sqlite.schema, "utf8");
    expect(fs.readFileSync(SCHEMAS.postgresql.schema, "utf8")).toBe(renderPostgresSchema(source));
  });

  it("changes only the provider and the client's output folder", () => {
    const source = fs.readFileSync(SCHEMAS.sqlite.schema, "utf8");
    const rendered = renderPostgresSchema(source);
    expect(rendered).toContain('provider = "postgresql"');
    expect(rendered).toContain('output     = "../../generated/prisma-postgresql"');
    const body = (schema: string) =>
      schema
        .split("\n")
        .filter(
          (line) =>
            !/^\s*(provider|output)\s*=/.test(line) &&
            !line.startsWith("// GENERATED") &&
            !line.startsWith("// The same models"),
        )
        .join("\n")
        .trim();
    expect(body(rendered)).toBe(body(source));
  });

  it("each provider's migrations folder has a lock file naming it and the same migration names", () => {
    const names = (dir: string) =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    for (const provider of ["sqlite", "postgresql"] as const) {
      expect(fs.readFileSync(`${SCHEMAS[provider].migrations}/migration_lock.toml`, "utf8")).toContain(
        `provider = "${provider}"`,
      );
    }
    expect(names(SCHEMAS.postgresql.migrations)).toEqual(names(SCHEMAS.sqlite.migrations));
  });
});

describe("generated clients", () => {
  // A stale client fails at run time with "Unknown argument"; npm install and db:new-migration
  // generate both, `npm run db:generate` by hand.
  it.each(["sqlite", "postgresql"] as const)(
    "the %s client was generated from the current schema (npm run db:generate)",
    (provider) => {
      const dir = provider === "sqlite" ? "generated/prisma" : "generated/prisma-postgresql";
      const generated = fs.readFileSync(`${dir}/internal/class.ts`, "utf8");
      const inline = /"inlineSchema": ("(?:[^"\\]|\\.)*")/.exec(generated)?.[1];
      expect(inline && JSON.parse(inline)).toBe(fs.readFileSync(SCHEMAS[provider].schema, "utf8"));
    },
  );
});
