import { startAppCluster } from "../harness/app-cluster";
import { createTestUser, expect, TEST_PASSWORD, test } from "../fixtures";

test("served over HTTPS in production, every auth cookie is Secure, HttpOnly and SameSite=Lax", async () => {
  const cluster = await startAppCluster({ name: "reliability-cookies", instances: 1, env: { NEXTAUTH_URL: "https://handoff.example.com" } });
  try {
    const user = await createTestUser("recruiter", { client: cluster.db });
    const base = cluster.apps[0]!.url;
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().find((cookie) => cookie.includes("csrf-token"))!;
    expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=.*; HttpOnly; Secure; SameSite=Lax/i);

    // A browser would only send a Secure cookie over HTTPS; here it is passed on by hand.
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.split(";")[0]! },
      body: new URLSearchParams({ csrfToken, email: user.email, password: TEST_PASSWORD, json: "true" }),
    });
    const sessionCookie = signIn.headers.getSetCookie().find((cookie) => cookie.includes("session-token"));
    expect(sessionCookie).toMatch(/^__Secure-next-auth\.session-token=/);
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/Secure/);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
  } finally {
    await cluster.stop();
  }
});
