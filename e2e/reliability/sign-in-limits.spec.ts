import { createTestUser, expect, test, TEST_PASSWORD, uniqueSuffix } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";

// Sign-in limits against production builds: attempts are counted before the password is checked
// and the counts live in the database, so bursts, restarts and a second instance change nothing;
// the client address is the connection's unless proxies are trusted. Password checks are counted
// from the audit log, which records each one (outcome success or failure; refusals are "denied").

type SignInSession = { csrfToken: string; cookie: string };
type Attempt = { signedIn: boolean; error: string | null };

async function csrfSession(base: string): Promise<SignInSession> {
  const response = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    csrfToken,
    cookie: response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; "),
  };
}

// One sign-in as the form sends it (next-auth's credentials callback, JSON answer).
async function attempt(
  base: string,
  session: SignInSession,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Attempt> {
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie, ...headers },
    body: new URLSearchParams({ csrfToken: session.csrfToken, email, password, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return {
    signedIn: response.headers.getSetCookie().some((cookie) => /session-token=[^;]/.test(cookie)),
    error: new URL(url).searchParams.get("error"),
  };
}

async function signInAudit(cluster: AppCluster, email: string) {
  const rows = await cluster.db.auditLog.findMany({
    where: { action: "auth.sign-in", details: { contains: `"email":"${email}"` } },
  });
  const details = rows.map((row) => JSON.parse(row.details ?? "{}") as Record<string, unknown>);
  // If the audit log's overall cap had been reached, checks could go unrecorded and the count
  // below would be too low; the entry at the cap says so, and none may.
  expect(rows.filter((row, index) => row.outcome !== "denied" && details[index]!.moreNotRecorded)).toEqual([]);
  return {
    checks: rows.filter((row) => row.outcome === "success" || row.outcome === "failure").length,
    successes: rows.filter((row) => row.outcome === "success").length,
    addresses: [...new Set(details.map((detail) => detail.address))],
  };
}

const tally = (results: Attempt[]) => ({
  signedIn: results.filter((result) => result.signedIn).length,
  wrong: results.filter((result) => result.error === "CredentialsSignin").length,
  refused: results.filter((result) => result.error === "TooManyAttempts").length,
});

test.describe.serial("sign-in limits", () => {
  let cluster: AppCluster;

  test.beforeAll(async () => {
    cluster = await startAppCluster({ name: "reliability-sign-in", instances: 2 });
  });

  test.afterAll(async () => {
    await cluster?.stop();
  });

  test("30 simultaneous guesses for one account → 5 password checks; the right password in the burst does not sign in", async () => {
    const user = await createTestUser("recruiter", { client: cluster.db });
    const base = cluster.apps[0]!.url;
    const session = await csrfSession(base);
    // As the issue found it: a burst whose 11th guess is the right password.
    const guesses = Array.from({ length: 30 }, (_, index) => (index === 10 ? TEST_PASSWORD : `wrong-guess-${index}`));
    const results = await Promise.all(guesses.map((password) => attempt(base, session, user.email, password)));
    const counts = tally(results);
    const audit = await signInAudit(cluster, user.email);
    console.log(
      `30 simultaneous guesses for one account → ${audit.checks} password checks, ${counts.refused} refused, ${counts.signedIn} signed in`,
    );

    expect(counts).toEqual({ signedIn: 0, wrong: 5, refused: 25 });
    expect(audit.checks).toBe(5);
    expect(audit.successes).toBe(0);
    // Refused even with the right password, until the window has passed.
    expect(await attempt(base, session, user.email, TEST_PASSWORD)).toEqual({
      signedIn: false,
      error: "TooManyAttempts",
    });
  });

  test("the limit holds across two app processes: 30 guesses spread over both → 5 checks", async () => {
    const user = await createTestUser("admin", { client: cluster.db });
    const sessions = await Promise.all(cluster.apps.map((app) => csrfSession(app.url)));
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        attempt(cluster.apps[index % 2]!.url, sessions[index % 2]!, user.email, `wrong-${index}`),
      ),
    );
    const audit = await signInAudit(cluster, user.email);
    console.log(`30 guesses over 2 app processes → ${audit.checks} password checks, ${tally(results).refused} refused`);
    expect(tally(results)).toEqual({ signedIn: 0, wrong: 5, refused: 25 });
    expect(audit.checks).toBe(5);
  });

  test("the limit holds after a restart", async () => {
    const user = await createTestUser("hiring_manager", { client: cluster.db });
    const [app] = cluster.apps;
    for (let index = 0; index < 5; index += 1) {
      expect(await attempt(app!.url, await csrfSession(app!.url), user.email, `wrong-${index}`)).toEqual({
        signedIn: false,
        error: "CredentialsSignin",
      });
    }
    await app!.kill();
    await app!.restart();
    expect(await attempt(app!.url, await csrfSession(app!.url), user.email, TEST_PASSWORD)).toEqual({
      signedIn: false,
      error: "TooManyAttempts",
    });
    expect((await signInAudit(cluster, user.email)).checks).toBe(5);
    // Another account from the same address is not affected; its right password signs in.
    const other = await createTestUser("interviewer", { client: cluster.db });
    expect(await attempt(app!.url, await csrfSession(app!.url), other.email, TEST_PASSWORD)).toEqual({
      signedIn: true,
      error: null,
    });
    console.log("5 wrong guesses, restart → the right password is still refused (5 checks in all)");
  });

  test("rotating X-Forwarded-For changes nothing with TRUSTED_PROXY_HOPS=0, and is believed with 1", async () => {
    const [app] = cluster.apps;
    const perAddress = 10;
    const burst = async (label: string) => {
      // Counters from the tests above would refuse at once; this test starts from none.
      await cluster.db.rateLimitCounter.deleteMany();
      const session = await csrfSession(app!.url);
      const emails = Array.from(
        { length: 15 },
        (_, index) => `rotating-${label}-${index}.${uniqueSuffix()}@e2e.handoff.test`,
      );
      const results = await Promise.all(
        emails.map((email, index) =>
          attempt(app!.url, session, email, "guess", { "x-forwarded-for": `203.0.113.${index + 1}` }),
        ),
      );
      const audits = await Promise.all(emails.map((email) => signInAudit(cluster, email)));
      return {
        ...tally(results),
        checks: audits.reduce((sum, audit) => sum + audit.checks, 0),
        addresses: new Set(audits.flatMap((audit) => audit.addresses)),
      };
    };

    await app!.kill();
    await app!.restart({ SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: String(perAddress), TRUSTED_PROXY_HOPS: "0" });
    const ignored = await burst("hops0");
    console.log(
      `15 guesses over 15 accounts, each with its own X-Forwarded-For, TRUSTED_PROXY_HOPS=0 → ${ignored.checks} checked, ${ignored.refused} refused (limit ${perAddress} per address)`,
    );
    expect(ignored).toMatchObject({ wrong: perAddress, refused: 15 - perAddress, checks: perAddress });
    expect([...ignored.addresses]).toEqual(["127.0.0.1"]);

    await app!.kill();
    await app!.restart({ SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: String(perAddress), TRUSTED_PROXY_HOPS: "1" });
    const believed = await burst("hops1");
    console.log(
      `the same with TRUSTED_PROXY_HOPS=1 → ${believed.checks} checked, ${believed.refused} refused (each forwarded address counted on its own)`,
    );
    expect(believed).toMatchObject({ wrong: 15, refused: 0, checks: 15 });
    expect(believed.addresses.size).toBe(15);
    expect(believed.addresses.has("127.0.0.1")).toBe(false);
  });
});
