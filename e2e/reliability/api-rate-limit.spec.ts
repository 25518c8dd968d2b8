import { generateApiKey } from "@/lib/api-keys/key-material";
import { databaseProvider } from "@/lib/db/provider";

import { expect, test, uniqueSuffix } from "../fixtures";
import { startAppCluster, type AppCluster } from "../harness/app-cluster";

// An API key's rate limit against production builds: the count lives in the database, so two app
// processes together allow the key its limit, not the limit each. In npm test's PostgreSQL run the
// cluster's database is on PostgreSQL (e2e/support/test-database.ts), which the first test checks.

async function createKey(cluster: AppCluster, rateLimitPerMinute: number) {
  const material = generateApiKey();
  await cluster.db.apiKey.create({
    data: {
      name: `rate limit ${uniqueSuffix()}`,
      prefix: material.prefix,
      keyHash: material.keyHash,
      scopes: "candidates:read",
      rateLimitPerMinute,
    },
  });
  return material.key;
}

async function listJobs(base: string, key: string) {
  const response = await fetch(`${base}/api/v1/jobs`, { headers: { authorization: `Bearer ${key}` } });
  await response.arrayBuffer();
  return { status: response.status, remaining: response.headers.get("ratelimit-remaining") };
}

test.describe.serial("API key rate limit over two app processes", () => {
  let cluster: AppCluster;

  test.beforeAll(async () => {
    cluster = await startAppCluster({ name: "reliability-api-limit", instances: 2 });
  });

  test.afterAll(async () => {
    await cluster?.stop();
  });

  test("requests to either process use up the same count", async () => {
    // The suite's own database says which one this run is on; the cluster must be on the same.
    const provider = databaseProvider(cluster.databaseUrl);
    expect(provider).toBe(databaseProvider(process.env.DATABASE_URL!));
    const key = await createKey(cluster, 5);
    const [first, second] = cluster.apps;
    const answers = [];
    for (const app of [first, first, first, second, second, second]) answers.push(await listJobs(app!.url, key));
    console.log(
      `limit 5 on ${provider}: 3 requests to process 1, then 3 to process 2 → ${answers.map((a) => a.status).join(" ")}`,
    );
    expect(answers).toEqual([
      { status: 200, remaining: "4" },
      { status: 200, remaining: "3" },
      { status: 200, remaining: "2" },
      { status: 200, remaining: "1" },
      { status: 200, remaining: "0" },
      { status: 429, remaining: "0" },
    ]);
  });

  test("40 simultaneous requests spread over both processes → exactly the key's 10 allowed", async () => {
    const key = await createKey(cluster, 10);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => listJobs(cluster.apps[index % 2]!.url, key)),
    );
    const allowed = answers.filter((answer) => answer.status === 200).length;
    const refused = answers.filter((answer) => answer.status === 429).length;
    console.log(
      `40 simultaneous requests with one key (limit 10 a minute) over 2 app processes on ${databaseProvider(cluster.databaseUrl)} → ${allowed} allowed, ${refused} refused`,
    );
    expect({ allowed, refused }).toEqual({ allowed: 10, refused: 30 });
    // Each allowed request saw its own count: the remaining counts are 9 down to 0, once each.
    const remaining = answers.filter((answer) => answer.status === 200).map((answer) => Number(answer.remaining));
    expect(remaining.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
