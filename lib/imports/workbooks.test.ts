// Workbooks as HR people have them, read as the upload reads them (in the parsing worker): a cover
// sheet first, a title row above the header, dates typed into "General" cells, the 1904 date
// system; and workbooks made to hurt, refused by the worker's limits before they cost anything.
import { describe, expect, it } from "vitest";

import { buildWorkbook, whitespaceBombXlsx } from "@/e2e/support/xlsx-files";
import { guessMapping } from "@/lib/imports/fields";
import { inspectFile, inspectRows } from "@/lib/imports/inspect";
import { readSheetRows, type SheetSource } from "@/lib/imports/read";
import { readRow } from "@/lib/imports/rows";

const HEADER = ["Vorname", "Nachname", "E-Mail", "Stelle", "Eintrittsdatum"];

async function rowsOf(bytes: Uint8Array, source: SheetSource) {
  const rows: string[][] = [];
  for await (const row of readSheetRows(bytes, source)) rows.push(row);
  return rows;
}

describe("a workbook as it arrives", () => {
  it("skips an empty cover sheet and a title row, and reads a General-format serial date", async () => {
    const bytes = buildWorkbook([
      { name: "Deckblatt", rows: [] },
      {
        name: "Bewerber",
        rows: [
          ["Bewerberliste Q4/2026"],
          [],
          HEADER,
          ["Jürgen", "Weiß", "j.weiss@example.com", "Backend Engineer", 46387],
        ],
      },
    ]);
    const inspection = await inspectFile(bytes);
    expect(inspection).toMatchObject({
      ok: true,
      source: { format: "xlsx", sheet: 1 },
      sheets: ["Deckblatt", "Bewerber"],
      headers: HEADER,
      headerRow: 3,
      dataRows: 1,
    });
    const rows = await rowsOf(bytes, { format: "xlsx", encoding: null, delimiter: null, sheet: 1 });
    expect(rows[3]).toEqual(["Jürgen", "Weiß", "j.weiss@example.com", "Backend Engineer", "46387"]);
    expect(readRow(rows[3]!, guessMapping(HEADER)).values).toMatchObject({ startDate: "2026-12-31" });
  });

  it("reads serial dates of the 1904 system where the workbook says so", async () => {
    // 45 + 1462 days apart: 2026-12-31 is 44925 in the 1904 system.
    const bytes = buildWorkbook(
      [{ name: "Mac", rows: [HEADER, ["Ann", "Lee", "ann@example.com", "Designer", { serial: 44925 }]] }],
      { date1904: true },
    );
    const inspection = await inspectFile(bytes);
    expect(inspection).toMatchObject({ ok: true, date1904: true, headerRow: 1 });
    const rows = await rowsOf(bytes, { format: "xlsx", encoding: null, delimiter: null, sheet: 0 });
    expect(rows[1]![4]).toBe("2026-12-31");
    expect(
      readRow(["Ann", "Lee", "ann@example.com", "Designer", "44925"], guessMapping(HEADER), { date1904: true }).values,
    ).toMatchObject({ startDate: "2026-12-31" });
  });

  it("another sheet and another header row can be chosen; an empty sheet is called empty", async () => {
    const bytes = buildWorkbook([
      { name: "Eins", rows: [HEADER, ["A", "B", "a@example.com", "Job", null]] },
      { name: "Leer", rows: [] },
    ]);
    const base = { format: "xlsx", encoding: null, delimiter: null } as const;
    expect(await inspectRows(bytes, { ...base, sheet: 1 })).toEqual({
      ok: false,
      refusal: "sheet_empty",
      sheet: "Leer",
    });
    expect(await inspectRows(bytes, { ...base, sheet: 0 }, { headerRow: 2 })).toEqual({
      ok: false,
      refusal: "no_rows",
      row: 2,
      sheet: "Eins",
    });
    expect(await inspectFile(buildWorkbook([{ name: "Leer", rows: [] }]))).toEqual({
      ok: false,
      refusal: "workbook_empty",
    });
  });
});

describe("a workbook made to hurt", () => {
  it("a sheet that unpacks to 16 MiB of whitespace (18 kB packed) is refused quickly", async () => {
    const bytes = whitespaceBombXlsx(16);
    expect(bytes.length).toBeLessThan(20 * 1024);
    const started = performance.now();
    // Refused once what came out passed 100 times what went in: after a mebibyte or two.
    const refused = await inspectFile(bytes);
    expect(refused).toEqual({ ok: false, refusal: "workbook_bomb", megabytes: expect.any(Number) });
    expect(!refused.ok && refused.megabytes).toBeLessThanOrEqual(2);
    console.log(
      `16 MiB whitespace bomb (${bytes.length} bytes) refused in ${Math.round(performance.now() - started)} ms`,
    );
  });

  it("a 1 MB workbook that unpacks to 1 GiB is refused after a few mebibytes", async () => {
    const bytes = whitespaceBombXlsx(1024);
    expect(bytes.length).toBeGreaterThan(900 * 1024);
    // Refused once what came out passed 100 times what went in: after a mebibyte or two.
    const refused = await inspectFile(bytes);
    expect(refused).toEqual({ ok: false, refusal: "workbook_bomb", megabytes: expect.any(Number) });
    expect(!refused.ok && refused.megabytes).toBeLessThanOrEqual(2);
  });

  it("a broken workbook is refused, not guessed at", async () => {
    const bytes = buildWorkbook([{ name: "A", rows: [HEADER] }]).subarray(0, 200);
    expect(await inspectFile(bytes)).toEqual({ ok: false, refusal: "unreadable_spreadsheet" });
  });
});
