// The demo credential `npm run personio:sandbox -- --demo` seeds; the dev command connects the app with it.
export const DEMO_CLIENT_ID = "papi-handoff-demo-client";
export const DEMO_CLIENT_SECRET = "papi-handoff-demo-secret";

export function demoCredentialFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    clientId: env.PERSONIO_SANDBOX_DEMO_CLIENT_ID || DEMO_CLIENT_ID,
    clientSecret: env.PERSONIO_SANDBOX_DEMO_CLIENT_SECRET || DEMO_CLIENT_SECRET,
  };
}
