// Pure: an Excel serial date (days since the workbook's epoch) as yyyy-mm-dd, shared by the
// workbook reader (date-formatted cells) and the row reader (numbers in a date column).

const DAY_MS = 86_400_000;

// Serials beyond this are past 9999-12-31, Excel's last day.
const LAST_SERIAL = 2_958_465;

/**
 * The 1900 system counts from 1899-12-31 and, as Lotus 1-2-3 did, has a 29 February 1900
 * (serial 60) that never was; the 1904 system (old Mac workbooks) counts from 1904-01-01.
 * A fraction is the time of day, dropped. null for what is no day.
 */
export function excelSerialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_SERIAL) return null;
  const day = Math.floor(serial);
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (day === 60 || day === 0) return null;
  else epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
}
