// Pure: an Excel serial date (days since the workbook's epoch) as yyyy-mm-dd, shared by the
// workbook reader in the parsing worker (date-formatted cells) and the row reader (numbers in a
// date column). Plain JavaScript: the worker loads it without a compiler (see read.ts).

const DAY_MS = 86_400_000;

// Serials beyond this are past 9999-12-31, Excel's last day.
const LAST_SERIAL = 2_958_465;

/**
 * The 1900 system counts from 1899-12-31 and, as Lotus 1-2-3 did, has a 29 February 1900
 * (serial 60) that never was; the 1904 system (old Mac workbooks) counts from 1904-01-01.
 * A fraction is the time of day, dropped. null for what is no day.
 * @param {number} serial
 * @param {boolean} date1904
 * @returns {string | null}
 */
export function excelSerialToIso(serial, date1904) {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_SERIAL) return null;
  const day = Math.floor(serial);
  let epoch;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (day === 60 || day === 0) return null;
  else epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}
