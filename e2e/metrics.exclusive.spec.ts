import parsePrometheusTextFormat from "parse-prometheus-text-format";

import { E2E_METRICS_TOKEN } from "@/scripts/lib/app-with-sandbox";

import { createTestCandidate, createTestUser, DATABASE_INDEPENDENT, expect, signIn, test } from "./fixtures";
import { callServerAction } from "./server-actions";

// Prometheus's view of the app: /api/metrics answers only the scraper holding METRICS_TOKEN (the
// E2E server sets one), in the text format a Prometheus parser reads. Exclusive: no other test's
// send may move the counters between the two scrapes.

type Families = ReturnType<typeof parsePrometheusTextFormat>;

function findSample(families: Families, name: string, labels: Record<string, string>) {
  const family = families.find((each) => each.name === name);
  return family?.metrics.find((each) => Object.entries(labels).every(([key, value]) => each.labels?.[key] === value));
}

const sampleValue = (families: Families, name: string, labels: Record<string, string>) =>
  Number(findSample(families, name, labels)?.value ?? 0);

test.describe("metrics", DATABASE_INDEPENDENT, () => {
  test("refuse a scrape without the token, and count a send in Prometheus's text format", async ({ page, request }) => {
    for (const authorization of [undefined, "Bearer wrong-token-of-some-length-0123456789", E2E_METRICS_TOKEN]) {
      const refused = await request.get("/api/metrics", {
        headers: authorization ? { authorization } : {},
      });
      expect(refused.status()).toBe(401);
      expect(await refused.text()).not.toContain("handoff_");
    }

    const scrape = async () => {
      const response = await request.get("/api/metrics", {
        headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
      });
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("text/plain");
      return parsePrometheusTextFormat(await response.text());
    };
    const before = await scrape();
    // The process defaults come along.
    expect(before.find((family) => family.name === "process_cpu_seconds_total")?.type).toBe("COUNTER");
    expect(before.find((family) => family.name === "handoff_sends_total")?.type).toBe("COUNTER");
    // The background runner's table behind the gauge: both states, as numbers.
    for (const state of ["waiting", "failed"]) {
      expect(Number(findSample(before, "handoff_background_jobs", { state })?.value)).toBeGreaterThanOrEqual(0);
    }

    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate();
    await signIn(page, recruiter);
    const { result } = await callServerAction(page.request, {
      exportedName: "sendToPersonioAction",
      path: `/candidates/${candidate.id}`,
      input: {
        candidateId: candidate.id,
        fields: {
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          email: candidate.email,
          position: "",
        },
      },
    });
    expect(result).toMatchObject({ data: { outcome: "sent" } });

    const after = await scrape();
    const sent = { outcome: "sent" };
    expect(sampleValue(after, "handoff_sends_total", sent) - sampleValue(before, "handoff_sends_total", sent)).toBe(1);
    const create = { endpoint: "POST /v1/company/employees", status: "200" };
    expect(
      sampleValue(after, "handoff_personio_requests_total", create) -
        sampleValue(before, "handoff_personio_requests_total", create),
    ).toBe(1);
    // The lookup by email before the create. (Its duration histogram is there too, but this parser
    // merges a histogram's labelled series into one, so the test reads the counter.)
    const lookup = { endpoint: "GET /v1/company/employees", status: "200" };
    expect(
      sampleValue(after, "handoff_personio_requests_total", lookup) -
        sampleValue(before, "handoff_personio_requests_total", lookup),
    ).toBe(1);
    expect(after.find((family) => family.name === "handoff_personio_request_duration_seconds")?.type).toBe("HISTOGRAM");
  });
});
