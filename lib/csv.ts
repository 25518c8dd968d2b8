// Pure: the one place for how the app writes CSV (the import's rejected rows, the audit export).

// Text a spreadsheet would run as a formula when it opens a CSV file (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a formula-like cell with ' so Excel and LibreOffice show it as text. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralizeFormula on re-import, so a downloaded, fixed file imports the same text. */
export function unneutralizeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV line (RFC 4180 quoting), every cell neutralised: for every CSV the app writes. */
export function toCsvLine(cells: readonly string[], delimiter = ","): string {
  return cells
    .map((raw) => {
      const cell = neutralizeFormula(raw);
      return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
    })
    .join(delimiter);
}
