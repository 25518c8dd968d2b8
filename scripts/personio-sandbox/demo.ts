import type { CredentialInput } from "./state";

// The demo credential `npm run personio:sandbox -- --demo`, `npm run dev` and the e2e server
// start the sandbox with; the dev command and the e2e server connect the app with it.
export const DEMO_CLIENT_ID = "papi-handoff-demo-client";
export const DEMO_CLIENT_SECRET = "papi-handoff-demo-secret";

export function demoCredentialFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    clientId: env.PERSONIO_SANDBOX_DEMO_CLIENT_ID || DEMO_CLIENT_ID,
    clientSecret: env.PERSONIO_SANDBOX_DEMO_CLIENT_SECRET || DEMO_CLIENT_SECRET,
  };
}

export function demoCredential(
  env: NodeJS.ProcessEnv = process.env,
): CredentialInput & { clientId: string; clientSecret: string } {
  return {
    name: "Handoff demo",
    integration: "Handoff",
    ...demoCredentialFromEnv(env),
    permissions: { employees: { read: true, write: true }, documents: { read: true, write: true } },
  };
}

// One employee already in Personio, so the demo can show the "link the existing employee" path.
export const DEMO_EXISTING_EMPLOYEES = [
  {
    firstName: "Alexander",
    lastName: "Bergmann",
    email: "alexander.bergmann@demo.example",
    position: "CTO",
    department: "Engineering",
    office: "Berlin",
  },
];
