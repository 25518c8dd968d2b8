import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { readSheetRows } from "@/lib/imports/read";

async function rowsOf(parts: Uint8Array[], encoding: "utf-8-bom" | "windows-1252", delimiter: ";" | ",") {
  async function* stream() {
    yield* parts;
  }
  const rows: string[][] = [];
  for await (const row of readSheetRows(stream(), { format: "csv", encoding, delimiter })) rows.push(row);
  return rows;
}

function split(bytes: Uint8Array, size: number) {
  return Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) =>
    bytes.subarray(index * size, (index + 1) * size),
  );
}

describe("reading a file in parts", () => {
  const text = 'Vorname;Nachname;Notiz\r\nJürgen;Weiß;"Zeile 1\r\nZeile 2; mit € und „Zitat“"\r\nZoë;Çelik;\r\n';

  it("gives the same rows however the bytes are split (BOM, multi-byte characters, quoted line breaks)", async () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const expected = [
      ["Vorname", "Nachname", "Notiz"],
      ["Jürgen", "Weiß", "Zeile 1\r\nZeile 2; mit € und „Zitat“"],
      ["Zoë", "Çelik", ""],
    ];
    expect(await rowsOf([utf8], "utf-8-bom", ";")).toEqual(expected);
    expect(await rowsOf(split(utf8, 1), "utf-8-bom", ";")).toEqual(expected);
    expect(await rowsOf(split(utf8, 7), "utf-8-bom", ";")).toEqual(expected);
    const cp1252 = new Uint8Array(iconv.encode(text, "win1252"));
    expect(await rowsOf(split(cp1252, 5), "windows-1252", ";")).toEqual(expected);
  });

  it("keeps up with many rows without holding them all", async () => {
    const lines = ["a,b"];
    for (let index = 0; index < 30_000; index += 1) lines.push(`${index},Zeile ${index}`);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lines.join("\n"))]);
    const rows = await rowsOf(split(bytes, 100_000), "utf-8-bom", ",");
    expect(rows).toHaveLength(30_001);
    expect(rows[30_000]).toEqual(["29999", "Zeile 29999"]);
  });
});
