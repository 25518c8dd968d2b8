// Pure, shared by the handler and the OpenAPI document.
/** JSON bodies above this are refused with 413 before they are parsed. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;
export const MAX_JSON_BODY_BYTES_DOC = "256 KiB";
