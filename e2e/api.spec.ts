import { generateApiKey } from "@/lib/api-keys/key-material";

import { createTestJob, createTestUser, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { loadOpenApiValidator, type OpenApiValidator } from "./openapi-validator";

// The REST API over HTTP against the running app, every response checked against the OpenAPI
// document the app serves at /api/v1/openapi.json.

async function createKey(
  options: { scopes?: string; rateLimitPerMinute?: number; expiresAt?: Date; revokedAt?: Date } = {},
) {
  const material = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      name: `e2e ${uniqueSuffix()}`,
      prefix: material.prefix,
      keyHash: material.keyHash,
      scopes: options.scopes ?? "candidates:read candidates:write",
      rateLimitPerMinute: options.rateLimitPerMinute ?? 1000,
      expiresAt: options.expiresAt ?? null,
      revokedAt: options.revokedAt ?? null,
    },
  });
  return { id: row.id, key: material.key };
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

let spec: OpenApiValidator;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  spec = await loadOpenApiValidator(request);
  await request.dispose();
});

test.describe("REST API /api/v1", () => {
  test("the OpenAPI document lists every operation", async () => {
    const operations = Object.entries(spec.document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "GET /candidates",
        "POST /candidates",
        "GET /candidates/{id}",
        "PATCH /candidates/{id}",
        "DELETE /candidates/{id}",
        "PUT /candidates/by-external-id/{externalSource}/{externalId}",
        "POST /candidates/{id}/stage",
        "GET /jobs",
        "POST /jobs",
        "GET /jobs/{id}",
        "PATCH /jobs/{id}",
      ].sort(),
    );
  });

  test("every candidate operation, answers as documented", async ({ request }) => {
    const suffix = uniqueSuffix();
    const { key } = await createKey();
    const headers = auth(key);
    const source = `ats-${suffix}`;
    let id = "";

    await test.step("create, with a job made on the fly", async () => {
      const response = await request.post("/api/v1/candidates", {
        headers,
        data: {
          firstName: "Małgorzata",
          lastName: "Wójcik",
          email: `m.wojcik.${suffix}@example.com`,
          jobTitle: `Data Engineer ${suffix}`,
          startDate: "2026-12-31",
          office: "Kraków",
        },
      });
      expect(response.status()).toBe(201);
      const body = (await spec.check("POST", "/candidates", response)) as {
        id: string;
        job: { title: string };
        stage: string;
        startDate: string;
      };
      expect(body).toMatchObject({
        job: { title: `Data Engineer ${suffix}` },
        stage: "APPLIED",
        startDate: "2026-12-31",
      });
      expect(response.headers()["location"]).toBe(`/api/v1/candidates/${body.id}`);
      id = body.id;
    });

    await test.step("get", async () => {
      const response = await request.get(`/api/v1/candidates/${id}`, { headers });
      expect(response.status()).toBe(200);
      expect(await spec.check("GET", "/candidates/{id}", response)).toMatchObject({
        id,
        firstName: "Małgorzata",
        office: "Kraków",
        inPersonio: false,
      });
      const missing = await request.get("/api/v1/candidates/does-not-exist", { headers });
      expect(missing.status()).toBe(404);
      expect(await spec.check("GET", "/candidates/{id}", missing)).toMatchObject({
        type: "urn:handoff:problem:not-found",
        status: 404,
      });
    });

    await test.step("update", async () => {
      const response = await request.patch(`/api/v1/candidates/${id}`, {
        headers,
        data: { phone: "+48 12 555 01 02", notes: null },
      });
      expect(response.status()).toBe(200);
      expect(await spec.check("PATCH", "/candidates/{id}", response)).toMatchObject({
        outcome: "updated",
        candidate: { phone: "+48 12 555 01 02" },
        keptInPersonio: [],
      });
    });

    await test.step("move stage", async () => {
      const response = await request.post(`/api/v1/candidates/${id}/stage`, { headers, data: { stage: "INTERVIEW" } });
      expect(response.status()).toBe(200);
      expect(await spec.check("POST", "/candidates/{id}/stage", response)).toMatchObject({ stage: "INTERVIEW" });
    });

    await test.step("upsert by source and external id: created, then unchanged, then updated", async () => {
      const path = `/api/v1/candidates/by-external-id/${source}/4711`;
      const body = {
        firstName: "Oğuz",
        lastName: "Yılmaz",
        email: `oguz.${suffix}@example.com`,
        jobTitle: `Data Engineer ${suffix}`,
        stage: "OFFER",
      };
      const created = await request.put(path, { headers, data: body });
      expect(created.status()).toBe(201);
      const first = (await spec.check("PUT", "/candidates/by-external-id/{externalSource}/{externalId}", created)) as {
        candidate: { id: string; job: { id: string } };
      };
      expect(first).toMatchObject({
        outcome: "created",
        candidate: { externalSource: source, externalId: "4711", stage: "OFFER" },
      });
      const again = await request.put(path, { headers, data: body });
      expect(again.status()).toBe(200);
      expect(await spec.check("PUT", "/candidates/by-external-id/{externalSource}/{externalId}", again)).toMatchObject({
        outcome: "unchanged",
        candidate: { id: first.candidate.id },
      });
      const changed = await request.put(path, {
        headers,
        data: { ...body, stage: "HIRED", jobTitle: `data engineer ${suffix}` },
      });
      expect(
        await spec.check("PUT", "/candidates/by-external-id/{externalSource}/{externalId}", changed),
      ).toMatchObject({
        outcome: "updated",
        candidate: { stage: "HIRED", job: { id: first.candidate.job.id } },
      });
      expect(await db.job.count({ where: { title: { contains: suffix } } })).toBe(1);
    });

    await test.step("list with filters and cursor pagination", async () => {
      for (let index = 0; index < 4; index++) {
        await request.put(`/api/v1/candidates/by-external-id/${source}/page-${index}`, {
          headers,
          data: {
            firstName: "Page",
            lastName: `Nr ${index}`,
            email: `page${index}.${suffix}@example.com`,
            jobTitle: `Data Engineer ${suffix}`,
          },
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `externalSource=${source}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
        const response = await request.get(`/api/v1/candidates?${query}`, { headers });
        expect(response.status()).toBe(200);
        const page = (await spec.check("GET", "/candidates", response)) as {
          data: Array<{ id: string; externalSource: string }>;
          nextCursor: string | null;
        };
        expect(page.data.length).toBeLessThanOrEqual(2);
        for (const candidate of page.data) expect(candidate.externalSource).toBe(source);
        seen.push(...page.data.map((candidate) => candidate.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      const byStage = await request.get(`/api/v1/candidates?externalSource=${source}&stage=HIRED`, { headers });
      expect(((await spec.check("GET", "/candidates", byStage)) as { data: unknown[] }).data).toHaveLength(1);
      const byEmail = await request.get(
        `/api/v1/candidates?email=${encodeURIComponent(`M.WOJCIK.${suffix}@example.com`)}`,
        { headers },
      );
      expect(
        ((await spec.check("GET", "/candidates", byEmail)) as { data: Array<{ id: string }> }).data.map((c) => c.id),
      ).toEqual([id]);
      const badCursor = await request.get("/api/v1/candidates?cursor=nonsense", { headers });
      expect(badCursor.status()).toBe(400);
      await spec.check("GET", "/candidates", badCursor);
    });
  });

  test("jobs: list, create, get, rename", async ({ request }) => {
    const suffix = uniqueSuffix();
    const { key } = await createKey();
    const headers = auth(key);
    const created = await request.post("/api/v1/jobs", {
      headers,
      data: { title: `Werkstudent ${suffix}`, department: "Marketing" },
    });
    expect(created.status()).toBe(201);
    const job = (await spec.check("POST", "/jobs", created)) as { id: string };
    const duplicate = await request.post("/api/v1/jobs", { headers, data: { title: `WERKSTUDENT ${suffix}` } });
    expect(duplicate.status()).toBe(409);
    await spec.check("POST", "/jobs", duplicate);
    const got = await request.get(`/api/v1/jobs/${job.id}`, { headers });
    expect(await spec.check("GET", "/jobs/{id}", got)).toMatchObject({
      title: `Werkstudent ${suffix}`,
      department: "Marketing",
      office: "",
    });
    const renamed = await request.patch(`/api/v1/jobs/${job.id}`, {
      headers,
      data: { title: `Werkstudentin ${suffix}`, office: "Hamburg" },
    });
    expect(await spec.check("PATCH", "/jobs/{id}", renamed)).toMatchObject({
      title: `Werkstudentin ${suffix}`,
      office: "Hamburg",
    });
    const list = await request.get("/api/v1/jobs", { headers });
    const jobs = (await spec.check("GET", "/jobs", list)) as { data: Array<{ id: string; title: string }> };
    expect(jobs.data.find((entry) => entry.id === job.id)?.title).toBe(`Werkstudentin ${suffix}`);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "job.rename", targetId: job.id } });
    expect(JSON.parse(audit.details!)).toMatchObject({
      via: "api",
      from: `Werkstudent ${suffix}`,
      to: `Werkstudentin ${suffix}`,
    });
  });

  test("keys: none, unknown, revoked, expired, without the scope", async ({ request }) => {
    const none = await request.get("/api/v1/candidates");
    expect(none.status()).toBe(401);
    expect(none.headers()["www-authenticate"]).toContain("Bearer");
    expect(await spec.check("GET", "/candidates", none)).toMatchObject({ type: "urn:handoff:problem:unauthenticated" });
    const unknown = await request.get("/api/v1/candidates", { headers: auth(generateApiKey().key) });
    expect(await spec.check("GET", "/candidates", unknown)).toMatchObject({
      status: 401,
      type: "urn:handoff:problem:unauthenticated",
    });

    const revoked = await createKey({ revokedAt: new Date() });
    const revokedResponse = await request.get("/api/v1/candidates", { headers: auth(revoked.key) });
    expect(await spec.check("GET", "/candidates", revokedResponse)).toMatchObject({
      status: 401,
      type: "urn:handoff:problem:key-revoked",
    });

    const expired = await createKey({ expiresAt: new Date(Date.now() - 60_000) });
    const expiredResponse = await request.get("/api/v1/jobs", { headers: auth(expired.key) });
    expect(await spec.check("GET", "/jobs", expiredResponse)).toMatchObject({
      status: 401,
      type: "urn:handoff:problem:key-expired",
    });

    const readOnly = await createKey({ scopes: "candidates:read" });
    const job = await createTestJob();
    const denied = await request.post("/api/v1/candidates", {
      headers: auth(readOnly.key),
      data: { firstName: "No", lastName: "Scope", email: `no.scope.${uniqueSuffix()}@example.com`, jobId: job.id },
    });
    expect(denied.status()).toBe(403);
    expect(await spec.check("POST", "/candidates", denied)).toMatchObject({
      type: "urn:handoff:problem:missing-scope",
    });
    expect(await db.candidate.count({ where: { lastName: "Scope", firstName: "No" } })).toBe(0);
    const allowed = await request.get("/api/v1/jobs", { headers: auth(readOnly.key) });
    expect(allowed.status()).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: readOnly.id } })).lastUsedAt).not.toBeNull();
  });

  test("rate limit: 429 with Retry-After once a key's limit is used up", async ({ request }) => {
    const { key } = await createKey({ rateLimitPerMinute: 3 });
    for (let index = 0; index < 3; index++) {
      const ok = await request.get("/api/v1/jobs", { headers: auth(key) });
      expect(ok.status()).toBe(200);
      expect(ok.headers()["ratelimit-remaining"]).toBe(String(2 - index));
    }
    const limited = await request.get("/api/v1/jobs", { headers: auth(key) });
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await spec.check("GET", "/jobs", limited)).toMatchObject({
      type: "urn:handoff:problem:rate-limited",
      status: 429,
    });
    // Another key is not affected.
    expect((await request.get("/api/v1/jobs", { headers: auth((await createKey()).key) })).status()).toBe(200);
  });

  test("Idempotency-Key: a retry gets the first answer, another body with the same key a 409", async ({ request }) => {
    const suffix = uniqueSuffix();
    const { key } = await createKey();
    const job = await createTestJob();
    const body = { firstName: "Idem", lastName: "Potent", email: `idem.${suffix}@example.com`, jobId: job.id };
    const headers = { ...auth(key), "idempotency-key": `create-${suffix}` };
    const first = await request.post("/api/v1/candidates", { headers, data: body });
    expect(first.status()).toBe(201);
    const created = (await spec.check("POST", "/candidates", first)) as { id: string };
    const retry = await request.post("/api/v1/candidates", { headers, data: body });
    expect(retry.status()).toBe(201);
    expect(retry.headers()["idempotent-replayed"]).toBe("true");
    expect(await spec.check("POST", "/candidates", retry)).toEqual(created);
    expect(await db.candidate.count({ where: { email: body.email } })).toBe(1);

    const conflicting = await request.post("/api/v1/candidates", { headers, data: { ...body, firstName: "Other" } });
    expect(conflicting.status()).toBe(409);
    expect(await spec.check("POST", "/candidates", conflicting)).toMatchObject({
      type: "urn:handoff:problem:idempotency-key-reused",
    });
    expect(await db.candidate.count({ where: { email: body.email } })).toBe(1);

    // The same key under another API key is a different key.
    const other = await request.post("/api/v1/candidates", {
      headers: { ...auth((await createKey()).key), "idempotency-key": `create-${suffix}` },
      data: { ...body, email: `idem2.${suffix}@example.com` },
    });
    expect(other.status()).toBe(201);
  });

  test("bad input: unknown and mistyped fields, malformed JSON, wrong content type, too large", async ({ request }) => {
    const { key } = await createKey();
    const headers = auth(key);
    const job = await createTestJob();
    const unknownField = await request.post("/api/v1/candidates", {
      headers,
      data: {
        firstName: "A",
        lastName: "B",
        email: "a.b@example.com",
        jobId: job.id,
        fristName: "typo",
        stage: "hired",
      },
    });
    expect(unknownField.status()).toBe(422);
    const problem = (await spec.check("POST", "/candidates", unknownField)) as { errors: Array<{ pointer: string }> };
    expect(problem.errors.map((error) => error.pointer).sort()).toEqual(["#/fristName", "#/stage"]);

    const noJob = await request.post("/api/v1/candidates", {
      headers,
      data: { firstName: "A", lastName: "B", email: "a.b@example.com" },
    });
    expect(
      ((await spec.check("POST", "/candidates", noJob)) as { errors: Array<{ pointer: string }> }).errors[0]?.pointer,
    ).toBe("#/jobId");
    const unknownJob = await request.post("/api/v1/candidates", {
      headers,
      data: { firstName: "A", lastName: "B", email: "a.b@example.com", jobId: "nope" },
    });
    expect(unknownJob.status()).toBe(422);
    await spec.check("POST", "/candidates", unknownJob);

    const malformed = await request.post("/api/v1/candidates", {
      headers: { ...headers, "content-type": "application/json" },
      data: Buffer.from('{"firstName": "A",'),
    });
    expect(malformed.status()).toBe(400);
    expect(await spec.check("POST", "/candidates", malformed)).toMatchObject({
      type: "urn:handoff:problem:malformed-json",
    });

    const form = await request.post("/api/v1/candidates", { headers, form: { firstName: "A" } });
    expect(form.status()).toBe(415);
    await spec.check("POST", "/candidates", form);

    const large = await request.post("/api/v1/candidates", {
      headers: { ...headers, "content-type": "application/json" },
      data: JSON.stringify({
        firstName: "A",
        lastName: "B",
        email: "a@b.de",
        jobId: job.id,
        notes: "x".repeat(300 * 1024),
      }),
    });
    expect(large.status()).toBe(413);
    await spec.check("POST", "/candidates", large);

    const unknownQuery = await request.get("/api/v1/candidates?stage=HIRED&sort=name", { headers });
    expect(unknownQuery.status()).toBe(400);
    expect(
      ((await spec.check("GET", "/candidates", unknownQuery)) as { errors: Array<{ pointer: string }> }).errors[0]
        ?.pointer,
    ).toBe("#/sort");

    const notFound = await request.get("/api/v1/nothing-here", { headers });
    expect(notFound.status()).toBe(404);
    expect(notFound.headers()["content-type"]).toContain("application/problem+json");
  });

  test("a candidate already in Personio is only completed through the API, and the answer says what was kept", async ({
    request,
  }) => {
    const suffix = uniqueSuffix();
    const { key } = await createKey();
    const job = await createTestJob();
    const candidate = await db.candidate.create({
      data: {
        firstName: "Renée",
        lastName: "Lévesque",
        email: `renee.${suffix}@example.com`,
        jobId: job.id,
        stage: "HIRED",
        // A namespace of its own: "greenhouse" is the first Greenhouse webhook source's, which
        // another test may be creating at this moment (lib/webhooks/sources.ts).
        externalSource: `greenhouse-api-${suffix}`,
        externalId: `gh-${suffix}`,
      },
    });
    await db.handoff.create({
      data: { candidateId: candidate.id, status: "SENT", personioEmployeeId: 99, sentAt: new Date() },
    });
    const response = await request.put(`/api/v1/candidates/by-external-id/greenhouse-api-${suffix}/gh-${suffix}`, {
      headers: auth(key),
      data: {
        firstName: "Renee",
        lastName: "Levesque",
        email: `renee.${suffix}@example.com`,
        jobId: job.id,
        stage: "OFFER",
        startDate: "2027-02-01",
      },
    });
    expect(response.status()).toBe(200);
    expect(await spec.check("PUT", "/candidates/by-external-id/{externalSource}/{externalId}", response)).toMatchObject(
      {
        outcome: "updated",
        keptInPersonio: ["firstName", "lastName", "stage"],
        candidate: { firstName: "Renée", stage: "HIRED", startDate: "2027-02-01", inPersonio: true },
      },
    );
  });

  test("text: a lone surrogate or a control character is a 400 naming the field; NFD is stored NFC and found", async ({
    request,
    page,
  }) => {
    const { key } = await createKey();
    const headers = auth(key);
    const suffix = uniqueSuffix();
    const job = await createTestJob();
    const candidate = (fields: Record<string, string>) => ({
      firstName: "Ann",
      lastName: `Text${suffix}`,
      email: `text.${suffix}@example.com`,
      jobId: job.id,
      ...fields,
    });

    await test.step("refused, each with the field it is in", async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ lastName: "Lee\ud800" }, "#/lastName"],
        [{ notes: "half \udc00 a character" }, "#/notes"],
        [{ firstName: "Ann\u0000" }, "#/firstName"],
        [{ firstName: "\u001b[31mAnn\u001b[0m" }, "#/firstName"],
        [{ firstName: "Ann\nLee" }, "#/firstName"],
      ];
      for (const [fields, pointer] of cases) {
        const response = await request.post("/api/v1/candidates", { headers, data: candidate(fields) });
        expect(response.status(), JSON.stringify(fields)).toBe(400);
        const problem = (await spec.check("POST", "/candidates", response)) as {
          type: string;
          errors: Array<{ pointer: string }>;
        };
        expect(problem.type).toBe("urn:handoff:problem:invalid-text");
        expect(problem.errors.map((error) => error.pointer)).toEqual([pointer]);
      }
      expect(await db.candidate.count({ where: { lastName: { startsWith: `Text${suffix}` } } })).toBe(0);
    });

    await test.step("line breaks are kept in notes; an NFD name is stored NFC", async () => {
      const nfd = `Mu\u0308ller${suffix}`;
      const response = await request.post("/api/v1/candidates", {
        headers,
        data: candidate({ lastName: nfd, notes: "first line\nsecond line" }),
      });
      expect(response.status()).toBe(201);
      const body = (await spec.check("POST", "/candidates", response)) as { id: string; lastName: string };
      expect(body.lastName).toBe(nfd.normalize("NFC"));
      expect(await db.candidate.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({
        lastName: `M\u00fcller${suffix}`,
        notes: "first line\nsecond line",
      });
      const user = await createTestUser("recruiter");
      await signIn(page, user);
      await page.goto(`/candidates?q=${encodeURIComponent(`M\u00fcller${suffix}`)}`);
      await expect(page.getByRole("link", { name: `Ann M\u00fcller${suffix}` })).toHaveAttribute(
        "href",
        `/candidates/${body.id}`,
      );
    });
  });
});
