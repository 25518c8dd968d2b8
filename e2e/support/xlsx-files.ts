// Excel workbooks made by the tests: real ones (an .xlsx is a zip of XML parts), with cover
// sheets, title rows, serial dates and the 1904 date system, and zip bombs whose sheet unpacks to
// mebibytes or gibibytes of whitespace, written without ever holding the unpacked sheet: the
// deflate stream of 1 MiB of spaces, ended with a full flush (no back-reference crosses it), is
// repeated as often as the size asks.
import zlib from "node:zlib";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

type ZipEntry = { name: string; deflated: Buffer; crc: number; size: number };

function entry(name: string, text: string): ZipEntry {
  const data = Buffer.from(text, "utf8");
  return { name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

/** A zip of deflated entries (no zip64: every size stays under 4 GiB). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of entries) {
    const name = Buffer.from(item.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(item.crc >>> 0, 14);
    local.writeUInt32LE(item.deflated.length, 18);
    local.writeUInt32LE(item.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(item.crc >>> 0, 16);
    central.writeUInt32LE(item.deflated.length, 20);
    central.writeUInt32LE(item.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, item.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + item.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// As Excel writes text: markup escaped, and a control character (which XML cannot hold) as _xHHHH_.
const escapeXml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
      (char) => `_x${char.charCodeAt(0).toString(16).padStart(4, "0")}_`,
    );

export type TestCell = string | number | { serial: number } | null;
export type TestSheet = { name: string; rows: TestCell[][] };

function columnName(index: number) {
  let name = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26))
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

function sheetXml(rows: TestCell[][], strings: string[]) {
  const body = rows
    .map((cells, rowIndex) => {
      const row = rowIndex + 1;
      const xml = cells
        .map((cell, column) => {
          const ref = `${columnName(column)}${row}`;
          if (cell === null) return "";
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`; // "General"
          if (typeof cell === "object") return `<c r="${ref}" s="1"><v>${cell.serial}</v></c>`; // a date format
          strings.push(cell);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join("");
      return cells.every((cell) => cell === null) ? "" : `<row r="${row}">${xml}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

function workbookParts(sheetNames: string[], date1904: boolean): ZipEntry[] {
  const sheets = sheetNames
    .map((name, index) => `<sheet name="${escapeXml(name)}" sheetId="${index + 1}" r:id="rId${index + 10}"/>`)
    .join("");
  const sheetRels = sheetNames
    .map(
      (_, index) =>
        `<Relationship Id="rId${index + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
    )
    .join("");
  return [
    entry(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    entry(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${date1904 ? ' date1904="1"' : ""}/><sheets>${sheets}</sheets></workbook>`,
    ),
    entry(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_REL}">${sheetRels}<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    entry(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  ];
}

/** A workbook of these sheets; strings are shared strings, numbers "General", {serial} date-formatted. */
export function buildWorkbook(sheets: TestSheet[], options: { date1904?: boolean } = {}): Buffer {
  const strings: string[] = [];
  const sheetEntries = sheets.map((sheet, index) =>
    entry(`xl/worksheets/sheet${index + 1}.xml`, sheetXml(sheet.rows, strings)),
  );
  const shared = entry(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${strings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join("")}</sst>`,
  );
  return zip([
    ...workbookParts(
      sheets.map((sheet) => sheet.name),
      options.date1904 ?? false,
    ),
    shared,
    ...sheetEntries,
  ]);
}

/** A workbook whose one sheet unpacks to `mebibytes` MiB of whitespace (16: about 18 kB packed; 1024: about 1 MB). */
export function whitespaceBombXlsx(mebibytes: number): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`);
  const tail = Buffer.from(`</sheetData></worksheet>`);
  const spaces = Buffer.alloc(1024 * 1024, " ");
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const spaceBlocks = zlib.deflateRawSync(spaces, flush);
  const parts = [zlib.deflateRawSync(head, flush)];
  let crc = zlib.crc32(head);
  for (let index = 0; index < mebibytes; index++) {
    parts.push(spaceBlocks);
    crc = zlib.crc32(spaces, crc);
  }
  parts.push(zlib.deflateRawSync(tail));
  crc = zlib.crc32(tail, crc);
  const sheet: ZipEntry = {
    name: "xl/worksheets/sheet1.xml",
    deflated: Buffer.concat(parts),
    crc,
    size: head.length + mebibytes * spaces.length + tail.length,
  };
  return zip([...workbookParts(["Bomb"], false), entry("xl/sharedStrings.xml", `<sst xmlns="${MAIN}"/>`), sheet]);
}
