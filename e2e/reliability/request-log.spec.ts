import { createTestUser, DATABASE_INDEPENDENT, expect, signInRequest, test } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";

type LogLine = Record<string, unknown>;

function logLines(output: string): LogLine[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

// The access log and the error reference on a real `next start`: one line per request with the
// id the response carries and no query string, and a page that fails shows a reference that finds
// its error line (with the stack) and, through the request id, the request's own line.
test(
  "every request gets one access-log line, and an error page's reference finds the error in the log",
  DATABASE_INDEPENDENT,
  async ({ browser }) => {
    const cluster = await startAppCluster({ name: "reliability-request-log", instances: 1 });
    const browserContext = await browser.newContext({ baseURL: cluster.apps[0]!.url });
    const context = browserContext.request;
    try {
      const recruiter = await createTestUser("recruiter", { client: cluster.db });
      await signInRequest(context, recruiter);
      const search = await context.get(`/candidates?q=${encodeURIComponent(recruiter.email)}`);
      expect(search.status()).toBe(200);
      const searchId = search.headers()["x-request-id"];
      const api = await context.get("/api/v1/candidates", { headers: { "x-request-id": "lb-request-0001" } });
      expect(api.status()).toBe(401); // no API key: the line is written all the same
      expect(api.headers()["x-request-id"]).toBe("lb-request-0001");

      await cluster.db.$executeRawUnsafe('ALTER TABLE "Job" RENAME TO "JobHiddenByTest"');
      const page = await browserContext.newPage();
      let reference: string | undefined;
      let failedId: string | undefined;
      try {
        const failed = await page.goto("/candidates");
        expect(failed?.status()).toBe(500);
        failedId = failed?.headers()["x-request-id"];
        // What the person reads out to the admin.
        const shown = page.getByText(/^Reference: \S+$/);
        await expect(shown).toBeVisible();
        reference = (await shown.textContent())?.replace("Reference: ", "");
      } finally {
        await cluster.db.$executeRawUnsafe('ALTER TABLE "JobHiddenByTest" RENAME TO "Job"');
      }

      await expect
        .poll(() =>
          logLines(cluster.logs())
            .filter((line) => line.msg === "Request")
            .map((line) => line.requestId),
        )
        .toEqual(expect.arrayContaining([searchId, "lb-request-0001", failedId]));
      const lines = logLines(cluster.logs());
      const requestLine = (id: string | undefined) =>
        lines.find((line) => line.msg === "Request" && line.requestId === id);
      expect(requestLine(searchId)).toMatchObject({ method: "GET", path: "/candidates", status: 200 });
      expect(requestLine("lb-request-0001")).toMatchObject({ method: "GET", path: "/api/v1/candidates", status: 401 });
      expect(requestLine(failedId)).toMatchObject({ path: "/candidates", status: 500 });
      expect(lines.filter((line) => line.msg === "Request" && line.requestId === searchId)).toHaveLength(1);
      // The search's query string (an email address) is in no line.
      expect(cluster.logs()).not.toContain(recruiter.email);

      const errorLine = lines.find((line) => line.msg === "Request failed" && line.digest === reference);
      expect(errorLine).toMatchObject({ level: 50, requestId: failedId, path: "/candidates", route: "/candidates" });
      // With its stack: what failed and where.
      expect((errorLine?.err as { stack?: string } | undefined)?.stack).toContain("prisma.job.findMany()");
    } finally {
      await browserContext.close();
      await cluster.stop();
    }
  },
);
