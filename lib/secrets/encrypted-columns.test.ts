import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { ENCRYPTED_COLUMNS } from "@/lib/secrets/encrypted-columns";

// The schema's "…Encrypted" String fields, model by model, read from the one schema source.
function encryptedFieldsInSchema(): string[] {
  const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
  const fields: string[] = [];
  for (const model of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const idIsId = /^\s+id\s+String\s+@id\b/m.test(model[2]!);
    for (const field of model[2]!.matchAll(/^\s+(\w+Encrypted)\s+(\w+)\??/gm)) {
      expect(field[2], `${model[1]}.${field[1]} must be a String`).toBe("String");
      expect(idIsId, `${model[1]} needs a String primary key "id" for the key rotation`).toBe(true);
      fields.push(`${model[1]}.${field[1]}`);
    }
  }
  return fields.sort();
}

describe("encrypted column registry", () => {
  it("lists exactly the schema's …Encrypted fields, so a key rotation misses none", () => {
    const listed = ENCRYPTED_COLUMNS.map((column) => `${column.model}.${column.field}`).sort();
    expect(listed).toEqual(encryptedFieldsInSchema());
    expect(listed.length).toBeGreaterThan(0);
  });
});
