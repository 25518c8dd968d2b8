// Demo data for development and tests: realistic, international, deterministic.

export const DEMO_USERS = [
  { name: "Amélie Laurent", email: "admin@handoff.test", roleId: "admin", password: "handoff-admin" },
  { name: "Jonas Bergström", email: "recruiter@handoff.test", roleId: "recruiter", password: "handoff-recruiter" },
  {
    name: "Priya Raghunathan",
    email: "hiring.manager@handoff.test",
    roleId: "hiring_manager",
    password: "handoff-manager",
  },
  { name: "Seán O'Donnell", email: "interviewer@handoff.test", roleId: "interviewer", password: "handoff-interviewer" },
] as const;

export const DEMO_JOBS = [
  { title: "Senior Backend Engineer", department: "Engineering", office: "Berlin" },
  { title: "Frontend Engineer", department: "Engineering", office: "Munich" },
  { title: "Product Designer", department: "Design", office: "Amsterdam" },
  { title: "Account Executive DACH", department: "Sales", office: "Munich" },
  { title: "Customer Success Manager", department: "Customer Success", office: "Madrid" },
  { title: "People Partner", department: "People", office: "Berlin" },
  { title: "Data Analyst", department: "Finance", office: "London" },
  { title: "Office Manager", department: "Operations", office: "Vienna" },
  { title: "Site Reliability Engineer", department: "Engineering", office: "Remote" },
  { title: "Marketing Lead", department: "Marketing", office: "Paris" },
] as const;

const FIRST_NAMES = [
  "Jürgen",
  "Zoë",
  "Ana María",
  "François",
  "Siobhán",
  "Björn",
  "Łukasz",
  "Chloé",
  "Mehmet",
  "Ingrid",
  "José",
  "Søren",
  "Nuño",
  "Małgorzata",
  "Renée",
  "Dmitri",
  "Aoife",
  "Joaquín",
  "Élodie",
  "Kateřina",
  "Oğuz",
  "Hélène",
  "Tomáš",
  "Ayşe",
  "Maëlle",
  "Niamh",
  "Stéphane",
  "Jörg",
  "Inês",
  "Radosław",
];

const LAST_NAMES = [
  "Müller",
  "O'Brien",
  "García-López",
  "Dubois",
  "Ní Bhriain",
  "Ødegaard",
  "Wójcik",
  "Lefèvre",
  "Yılmaz",
  "Schäfer",
  "Fernández de Córdoba",
  "Sørensen",
  "Núñez",
  "Kowalczyk",
  "D'Angelo",
  "Ivanova-Smith",
  "McAllister",
  "Peña",
  "Lévesque",
  "Dvořák",
  "Öztürk",
  "Brontë",
  "Novák",
  "Çelik",
  "Le Guen",
  "Ó Súilleabháin",
  "Gauthier-Blanc",
  "Weiß",
  "Gonçalves",
  "Zieliński",
];

const STAGE_CYCLE = ["APPLIED", "SCREENING", "INTERVIEW", "APPLIED", "OFFER", "HIRED", "SCREENING", "HIRED"] as const;
const SOURCES = ["LinkedIn", "Referral", "Careers page", "StepStone", "Agency", "Xing"] as const;

// Email local parts without accents or spaces, as people usually have them.
export function plainAscii(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[łŁ]/g, "l")
    .replace(/[øØ]/g, "o")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

function emailLocalPart(first: string, last: string) {
  return `${plainAscii(first)}.${plainAscii(last)}`;
}

export function demoCandidates(count = 60) {
  return Array.from({ length: count }, (_, index) => {
    const firstName = FIRST_NAMES[index % FIRST_NAMES.length]!;
    // Shifted on each pass over the first names, so no two candidates share a full name.
    const lastName = LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length]!;
    return {
      firstName,
      lastName,
      email: `${emailLocalPart(firstName, lastName)}${index >= FIRST_NAMES.length ? index : ""}@example.com`,
      phone: index % 3 === 0 ? null : `+49 30 ${String(5550000 + index * 137).slice(0, 7)}`,
      jobIndex: index % DEMO_JOBS.length,
      stage: STAGE_CYCLE[index % STAGE_CYCLE.length]!,
      source: SOURCES[index % SOURCES.length]!,
      notes: index % 4 === 0 ? "Strong references. Prefers a start at the beginning of the month." : null,
      // Spread over the last 90 days so the list has a meaningful order.
      createdAt: new Date(Date.UTC(2026, 10, 20) - index * 36 * 60 * 60 * 1000),
    };
  });
}

// Already an employee in the demo Personio sandbox (scripts/personio-sandbox/demo.ts), so the demo
// shows what happens then: nothing is created, and the recruiter links the existing employee.
export const DEMO_CANDIDATE_ALREADY_IN_PERSONIO = {
  firstName: "Alexander",
  lastName: "Bergmann",
  email: "alexander.bergmann@demo.example",
  phone: "+49 89 5550199",
  jobIndex: 8,
  stage: "HIRED",
  source: "Referral",
  notes: "Rejoining after two years abroad; his Personio profile still exists.",
  createdAt: new Date(Date.UTC(2026, 10, 21)),
};
