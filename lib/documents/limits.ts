// Pure: what Personio's v1 documents endpoint accepts (POST /company/documents in the official
// file: 30 MB a file, and the list of types its 422 names), checked at upload so a file that
// Personio would refuse is refused here, with a message, before anyone relies on it.

export const MAX_DOCUMENT_BYTES = 30 * 1024 * 1024;
export const MAX_DOCUMENT_TITLE = 255;

// As Personio's 422 lists them ("The file must be a file of type: …").
export const PERSONIO_DOCUMENT_EXTENSIONS = [
  "pdf",
  "docx",
  "doc",
  "jpg",
  "zip",
  "png",
  "txt",
  "jpeg",
  "odt",
  "xlsx",
  "rtf",
  "htm",
  "xls",
  "p7s",
  "pptx",
  "pages",
  "rar",
  "ppt",
  "gif",
  "tif",
  "html",
  "msg",
  "asc",
  "tiff",
  "wps",
  "bmp",
  "7z",
  "csv",
  "ics",
  "vcf",
  "dotx",
  "numbers",
  "eps",
  "gz",
  "ods",
  "otf",
  "odp",
  "odg",
  "rtfd",
  "txz",
  "webarchive",
  "xml",
  "xps",
  "md",
  "fax",
] as const;

// Types with no magic number (file-type cannot tell them): accepted by the name's extension when
// the content is text (valid UTF-8 without NUL bytes).
export const TEXT_EXTENSIONS = new Set(["txt", "csv", "md", "htm", "html", "xml", "ics", "vcf", "asc"]);

// file-type names some types by another extension than Personio's list does.
const EXTENSION_ALIASES: Record<string, string> = { cfb: "doc", tif: "tif", jpg: "jpg" };

export function isPersonioExtension(extension: string): boolean {
  const name = EXTENSION_ALIASES[extension] ?? extension;
  return (PERSONIO_DOCUMENT_EXTENSIONS as readonly string[]).includes(name);
}

export const DOCUMENT_KINDS = ["CV", "CONTRACT", "OTHER"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A first guess from the file's name; the recruiter changes it on the review form. */
export function guessDocumentKind(fileName: string): DocumentKind {
  const name = fileName.toLowerCase();
  if (/\b(cv|resume|résumé|lebenslauf)\b|cv[_-]|lebenslauf/.test(name)) return "CV";
  if (/contract|vertrag|offer|angebot/.test(name)) return "CONTRACT";
  return "OTHER";
}

export const DOCUMENT_REFUSALS = ["too_large", "type_not_accepted", "empty"] as const;
export type DocumentRefusal = (typeof DOCUMENT_REFUSALS)[number];
