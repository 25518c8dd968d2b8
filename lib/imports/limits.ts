// Pure, shared by the upload form and the server.
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_MEGABYTES = 50;
/** Rows shown in the preview. */
export const PREVIEW_ROWS = 20;
export const ACCEPTED_IMPORT_TYPES =
  ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
