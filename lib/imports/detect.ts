// Pure: what kind of file was uploaded, in which encoding, with which delimiter.
import iconv from "iconv-lite";
import Papa from "papaparse";

export type FileFormat = "csv" | "xlsx";
export type CsvEncoding = "utf-8" | "utf-8-bom" | "windows-1252" | "windows-1252-bom" | "utf-16le" | "utf-16be";
export type Delimiter = "," | ";" | "\t";

export type FileRefusal = "empty_file" | "xls_not_supported" | "binary_file" | "malformed_csv";

/** Excel files are zip archives; anything else is read as text. */
export function detectFormat(bytes: Uint8Array): FileFormat | "xls" {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  return "csv";
}

/**
 * UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252, which
 * German Excel writes for "CSV (Trennzeichen-getrennt)": bytes that are not valid UTF-8 are
 * almost certainly that. "binary" when the bytes hold NULs or control characters no text has.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding | "binary" {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // Some tools put a UTF-8 BOM in front of Windows-1252 text; the bytes after it decide.
    return isUtf8(bytes.subarray(3)) ? "utf-8-bom" : "windows-1252-bom";
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  let controls = 0;
  const sample = bytes.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte === 0) return "binary";
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) controls++;
  }
  if (controls > sample.length / 100) return "binary";
  return isUtf8(bytes) ? "utf-8" : "windows-1252";
}

function isUtf8(bytes: Uint8Array) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ICONV_NAMES: Record<CsvEncoding, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "windows-1252": "win1252",
  "windows-1252-bom": "win1252",
  "utf-16le": "utf16le",
  "utf-16be": "utf16be",
};

const BOM_BYTES: Record<CsvEncoding, number> = {
  "utf-8": 0,
  "utf-8-bom": 3,
  "windows-1252": 0,
  "windows-1252-bom": 3,
  "utf-16le": 2,
  "utf-16be": 2,
};

/** How the parsing worker decodes a CSV file: iconv-lite's name for the encoding, and its BOM's length. */
export function decoderSpec(encoding: CsvEncoding) {
  return { iconvName: ICONV_NAMES[encoding], skip: BOM_BYTES[encoding] };
}

/**
 * A streaming decoder (a character split between two slices is carried over). iconv-lite rather
 * than TextDecoder: Node 20's TextDecoder reads "windows-1252" as Latin-1, so € (0x80), „ and “
 * (0x84, 0x93) would come out as control characters.
 */
export function createDecoder(encoding: CsvEncoding): {
  skip: number;
  write(bytes: Uint8Array): string;
  end(): string;
} {
  const decoder = iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: false });
  return {
    skip: BOM_BYTES[encoding],
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? "",
  };
}

/** The whole text of (a prefix of) the file. */
export function decodeText(bytes: Uint8Array, encoding: CsvEncoding, maxBytes = Infinity): string {
  const decoder = createDecoder(encoding);
  const end = Math.min(bytes.length, decoder.skip + maxBytes);
  return decoder.write(bytes.subarray(decoder.skip, end)) + decoder.end();
}

/** The delimiter that splits the first lines into the most, equally many columns. */
export function detectDelimiter(sampleText: string): Delimiter {
  const guess = Papa.parse<string[]>(sampleText, {
    preview: 20,
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: true,
  });
  const delimiter = guess.meta.delimiter;
  return delimiter === ";" || delimiter === "\t" ? delimiter : ",";
}
