// The file the import benchmark imports: a German Excel-style CSV (semicolons, Windows-1252,
// 31.12.2026 dates), deterministic, with every 500th row broken (an invalid email) so the
// rejected-rows path is measured too.
import iconv from "iconv-lite";

import { BENCH_FIRST_NAMES, BENCH_LAST_NAMES } from "./names";

const JOBS = [
  "Backend Engineer",
  "Frontend Engineer",
  "Produktdesignerin",
  "Account Executive DACH",
  "Werkstudent Marketing",
  "Office Manager",
  "Data Analyst",
  "People Partner",
];
const STAGES = ["Neu", "Vorauswahl", "Vorstellungsgespräch", "Angebot", "Eingestellt"];
const OFFICES = ["Berlin", "München", "Wien", "Zürich", "Hamburg"];

export function benchImportCsv(rows: number): Buffer {
  const lines = ["Externe ID;Vorname;Nachname;E-Mail;Telefon;Stelle;Abteilung;Standort;Status;Eintrittsdatum"];
  for (let index = 0; index < rows; index += 1) {
    const first = BENCH_FIRST_NAMES[index % BENCH_FIRST_NAMES.length]!;
    const last = BENCH_LAST_NAMES[Math.floor(index / BENCH_FIRST_NAMES.length) % BENCH_LAST_NAMES.length]!;
    const email = index % 500 === 499 ? `kaputt-${index}` : `kandidat${index}@import.example`;
    const day = (index % 28) + 1;
    const month = (index % 12) + 1;
    lines.push(
      [
        `B-${index}`,
        first,
        last,
        email,
        `+49 30 ${5_000_000 + index}`,
        JOBS[index % JOBS.length],
        "Engineering",
        OFFICES[index % OFFICES.length],
        STAGES[index % STAGES.length],
        `${day}.${month}.2027`,
      ].join(";"),
    );
  }
  return iconv.encode(lines.join("\r\n") + "\r\n", "win1252");
}
