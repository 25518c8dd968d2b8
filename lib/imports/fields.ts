// Pure: the columns an import can fill, and how headers are recognised (English and German, as
// ATS exports and German Excel name them). Shared by the preview UI and the server.
export const IMPORT_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "jobTitle",
  "stage",
  "startDate",
  "phone",
  "department",
  "office",
  "externalId",
  "source",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these no row can become a candidate. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ["firstName", "lastName", "email", "jobTitle"];

/** Field -> column index (0-based) in the file. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** "E-Mail-Adresse " -> "emailadresse": case, accents, spaces and punctuation ignored. */
export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  firstName: ["firstname", "first", "givenname", "forename", "vorname", "rufname"],
  lastName: ["lastname", "last", "surname", "familyname", "nachname", "familienname", "zuname"],
  email: ["email", "emailaddress", "mail", "emailadresse", "mailadresse", "privateemail"],
  jobTitle: [
    "job",
    "jobtitle",
    "position",
    "stelle",
    "stellenbezeichnung",
    "stellentitel",
    "jobtitel",
    "role",
    "rolle",
    "vacancy",
    "opening",
  ],
  stage: ["stage", "status", "phase", "pipelinestage", "bewerbungsstatus", "bewerbungsphase"],
  startDate: [
    "startdate",
    "start",
    "startdatum",
    "eintrittsdatum",
    "eintritt",
    "hiredate",
    "arbeitsbeginn",
    "einstellungsdatum",
    "firstday",
  ],
  phone: [
    "phone",
    "phonenumber",
    "telephone",
    "mobile",
    "mobilephone",
    "telefon",
    "telefonnummer",
    "handy",
    "mobil",
    "mobilnummer",
    "tel",
  ],
  department: ["department", "abteilung", "team", "bereich"],
  office: ["office", "location", "standort", "buro", "arbeitsort", "niederlassung"],
  externalId: [
    "externalid",
    "id",
    "candidateid",
    "applicantid",
    "applicationid",
    "bewerberid",
    "bewerbungsid",
    "kandidatenid",
    "externeid",
  ],
  source: ["source", "quelle", "kanal", "channel", "herkunft"],
  notes: ["notes", "note", "notizen", "notiz", "bemerkung", "bemerkungen", "kommentar", "comments", "comment"],
};

const FIELD_BY_HEADER = new Map<string, ImportField>(
  (Object.entries(HEADER_SYNONYMS) as Array<[ImportField, string[]]>).flatMap(([field, keys]) =>
    keys.map((key) => [key, field] as const),
  ),
);

/** The first column whose header names a field gets it; unknown headers stay unmapped. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const field = FIELD_BY_HEADER.get(headerKey(header));
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}
