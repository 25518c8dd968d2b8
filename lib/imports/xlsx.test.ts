// An Excel workbook (.xlsx) read as the import reads it: a minimal workbook built here (an .xlsx is
// a zip of XML parts), with shared strings, a date cell and a number cell.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { guessMapping } from "@/lib/imports/fields";
import { inspectFile } from "@/lib/imports/inspect";
import { readSheetRows } from "@/lib/imports/read";
import { readRow } from "@/lib/imports/rows";

const STRINGS = [
  "Vorname",
  "Nachname",
  "E-Mail",
  "Stelle",
  "Eintrittsdatum",
  "Telefon",
  "Jürgen",
  "Weiß",
  "j.weiss@example.com",
  "Backend Engineer",
  '=HYPERLINK("http://x","y")',
];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000;

function workbook(): Uint8Array {
  const s = (index: number, ref: string) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    `<row r="1">${[0, 1, 2, 3, 4, 5].map((index, column) => s(index, `${"ABCDEF"[column]}1`)).join("")}</row>` +
    `<row r="2">${s(6, "A2")}${s(7, "B2")}${s(8, "C2")}${s(9, "D2")}<c r="E2" s="1"><v>${serial("2026-12-31")}</v></c><c r="F2"><v>4930123456</v></c></row>` +
    `<row r="4">${s(10, "A4")}</row>` +
    `</sheetData></worksheet>`;
  const files = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bewerber" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${STRINGS.length}" uniqueCount="${STRINGS.length}">${STRINGS.map((text) => `<si><t>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;")}</t></si>`).join("")}</sst>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    "xl/worksheets/sheet1.xml": sheet,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

describe("an Excel workbook", () => {
  it("is recognised, its rows read as text with dates as yyyy-mm-dd", async () => {
    const bytes = workbook();
    const inspection = await inspectFile(bytes);
    expect(inspection).toMatchObject({
      ok: true,
      source: { format: "xlsx" },
      headers: ["Vorname", "Nachname", "E-Mail", "Stelle", "Eintrittsdatum", "Telefon"],
    });
    const rows: string[][] = [];
    for await (const row of readSheetRows(bytes, { format: "xlsx", encoding: null, delimiter: null })) rows.push(row);
    const mapping = guessMapping(rows[0]!);
    expect(readRow(rows[1]!, mapping).values).toMatchObject({
      firstName: "Jürgen",
      lastName: "Weiß",
      startDate: "2026-12-31",
      phone: "4930123456",
      jobTitle: "Backend Engineer",
    });
    // A formula-looking text cell stays text.
    expect(rows.flat()).toContain('=HYPERLINK("http://x","y")');
  });

  it("a broken workbook is refused, not guessed at", async () => {
    const bytes = workbook().slice(0, 200);
    expect(await inspectFile(bytes)).toEqual({ ok: false, refusal: "unreadable_spreadsheet" });
  });
});
