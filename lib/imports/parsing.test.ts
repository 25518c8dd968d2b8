import { describe, expect, it } from "vitest";

import { decodeText, detectDelimiter, detectEncoding, detectFormat } from "@/lib/imports/detect";
import { guessMapping, headerKey } from "@/lib/imports/fields";
import { FileDuplicates, isEmptyRow, readRow } from "@/lib/imports/rows";
import { parseDate, parseStage } from "@/lib/imports/values";

function cp1252(text: string): Uint8Array {
  // The characters German Excel writes: Latin-1 plus € (0x80).
  return Uint8Array.from([...text].map((char) => (char === "€" ? 0x80 : char.charCodeAt(0))));
}

describe("file detection", () => {
  it("tells xlsx, old xls and text apart", () => {
    expect(detectFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1]))).toBe("xlsx");
    expect(detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe("xls");
    expect(detectFormat(new TextEncoder().encode("a,b"))).toBe("csv");
  });

  it("detects UTF-8 with and without BOM, UTF-16 and Windows-1252", () => {
    expect(detectEncoding(new TextEncoder().encode("Vorname;Müller"))).toBe("utf-8");
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Jörg")]))).toBe("utf-8-bom");
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toBe("utf-16le");
    const german = cp1252("Vorname;Nachname\nJürgen;Weiß €");
    expect(detectEncoding(german)).toBe("windows-1252");
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, ...german]))).toBe("windows-1252-bom");
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...german]), "windows-1252-bom")).toBe(
      "Vorname;Nachname\nJürgen;Weiß €",
    );
    expect(decodeText(german, "windows-1252")).toBe("Vorname;Nachname\nJürgen;Weiß €");
    expect(decodeText(Uint8Array.from([0x84, 0x93]), "windows-1252")).toBe("„“");
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), "utf-8-bom")).toBe("A");
  });

  it("refuses binary data", () => {
    expect(detectEncoding(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe("binary");
    expect(detectEncoding(Uint8Array.from({ length: 400 }, (_, index) => (index % 7 === 0 ? 0x01 : 0x41)))).toBe(
      "binary",
    );
  });

  it("guesses comma, semicolon and tab", () => {
    expect(detectDelimiter("a,b,c\n1,2,3")).toBe(",");
    expect(detectDelimiter("Vorname;Nachname;E-Mail\nA;B;c@d.de")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2\t3")).toBe("\t");
    expect(detectDelimiter('"Müller, Anna";x;y\n"a, b";1;2')).toBe(";");
  });
});

describe("column mapping", () => {
  it("recognises English and German headers, ignoring case, accents and punctuation", () => {
    expect(headerKey(" E-Mail-Adresse ")).toBe("emailadresse");
    expect(
      guessMapping([
        "Vorname",
        "Nachname",
        "E-Mail",
        "Stelle",
        "Status",
        "Eintrittsdatum",
        "Telefon",
        "Abteilung",
        "Standort",
        "Externe ID",
        "Sonstiges",
      ]),
    ).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      jobTitle: 3,
      stage: 4,
      startDate: 5,
      phone: 6,
      department: 7,
      office: 8,
      externalId: 9,
    });
    expect(
      guessMapping(["First name", "Last name", "Email", "Job", "Stage", "Start date", "Phone", "External ID"]),
    ).toEqual({
      firstName: 0,
      lastName: 1,
      email: 2,
      jobTitle: 3,
      stage: 4,
      startDate: 5,
      phone: 6,
      externalId: 7,
    });
    expect(guessMapping(["Position", "Phase", "Email", "Mail"])).toEqual({ jobTitle: 0, stage: 1, email: 2 });
  });
});

describe("cell values", () => {
  it("reads ISO and German dates, refusing days that do not exist and ambiguous forms", () => {
    expect(parseDate("2026-12-31")).toBe("2026-12-31");
    expect(parseDate("31.12.2026")).toBe("2026-12-31");
    expect(parseDate("1.2.2027")).toBe("2027-02-01");
    expect(parseDate("01.02.27")).toBe("2027-02-01");
    expect(parseDate("2026-12-31T00:00:00")).toBe("2026-12-31");
    expect(parseDate("29.02.2028")).toBe("2028-02-29");
    expect(parseDate("29.02.2027")).toBeNull();
    expect(parseDate("31.04.2026")).toBeNull();
    expect(parseDate("12/31/2026")).toBeNull();
    expect(parseDate("morgen")).toBeNull();
  });

  it("reads stages in English and German", () => {
    expect(parseStage("HIRED")).toBe("HIRED");
    expect(parseStage("Eingestellt")).toBe("HIRED");
    expect(parseStage("Vorstellungsgespräch")).toBe("INTERVIEW");
    expect(parseStage("angebot")).toBe("OFFER");
    expect(parseStage("In Prüfung")).toBe("SCREENING");
    expect(parseStage("Abgesagt")).toBeNull();
    // A stage people's files carry (issue 24): the pipeline's other outcome.
    expect(parseStage("Abgelehnt")).toBe("REJECTED");
    expect(parseStage("Rejected")).toBe("REJECTED");
  });
});

describe("rows", () => {
  const mapping = { firstName: 0, lastName: 1, email: 2, jobTitle: 3, stage: 4, startDate: 5, notes: 6 };

  it("turns a good row into values, empty optional cells into nothing given", () => {
    expect(
      readRow(
        ["Jürgen", "Weiß", "j.weiss@example.com", " Backend  Engineer ", "Eingestellt", "31.12.2026", ""],
        mapping,
      ),
    ).toEqual({
      values: {
        firstName: "Jürgen",
        lastName: "Weiß",
        email: "j.weiss@example.com",
        jobTitle: "Backend Engineer",
        stage: "HIRED",
        startDate: "2026-12-31",
        phone: undefined,
        department: undefined,
        office: undefined,
        externalId: undefined,
        source: undefined,
        notes: undefined,
      },
      problems: [],
    });
  });

  it("keeps a formula cell as text", () => {
    const { values } = readRow(
      ["Anna", "Formel", "anna@example.com", "Job", "", "", '=HYPERLINK("http://x","y")'],
      mapping,
    );
    expect(values?.notes).toBe('=HYPERLINK("http://x","y")');
  });

  it("lists every problem of a row", () => {
    expect(readRow(["", "Weiß", "not-an-email", "", "Abgesagt", "32.01.2026", ""], mapping).problems).toEqual([
      "missing_first_name",
      "invalid_email",
      "missing_job",
      "unknown_stage",
      "invalid_start_date",
    ]);
    expect(readRow(["A", "B", "", "Job"], mapping).problems).toEqual(["missing_email"]);
    expect(readRow(["A".repeat(101), "B", "a@b.de", "Job"], mapping).problems).toEqual(["too_long"]);
  });

  it("finds duplicates within the file, case ignored", () => {
    const duplicates = new FileDuplicates();
    const row = (email: string, externalId?: string) => ({
      firstName: "A",
      lastName: "B",
      email,
      jobTitle: "J",
      externalId,
    });
    expect(duplicates.check(row("anna@example.com", "1"))).toEqual([]);
    expect(duplicates.check(row("ANNA@example.com"))).toEqual(["duplicate_email"]);
    expect(duplicates.check(row("other@example.com", "1"))).toEqual(["duplicate_external_id"]);
    expect(isEmptyRow(["", " ", "\t"])).toBe(true);
  });
});
