import { randomInt } from "node:crypto";

import { db, expect, test } from "./fixtures";
import { addSource, deliveriesOf, expectInToSendQueue, fixtureBody, post, postSigned } from "./webhooks";

// Each vendor's example payload, signed as that vendor signs, posted over HTTP to the running app.

// A Greenhouse example with another candidate id (and email), for tests that must not meet the
// candidate the verbatim example creates.
function greenhouseVariant(name = "greenhouse-hire_candidate.json") {
  const id = String(randomInt(100_000_000, 999_999_999));
  const body = fixtureBody(name)
    .toString("utf8")
    .replaceAll("35897443", id)
    .replaceAll("265788", id)
    .replace("personal@example.com", `personal.${id}@example.com`);
  return { id, body };
}

function withFreshFiredAt(name: string, replace: Record<string, string> = {}) {
  let text = fixtureBody(name)
    .toString("utf8")
    .replace(/"fired_at": "[^"]+"/, `"fired_at": "${new Date().toISOString()}"`);
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return text;
}

test.describe("webhooks from the ATS", () => {
  test("Greenhouse's published hire_candidate example creates a hire in the To send queue; the same delivery again changes nothing", async ({
    request,
  }) => {
    const source = await addSource(request, "greenhouse");
    const body = fixtureBody("greenhouse-hire_candidate.json");
    const eventId = `gh-${Date.now()}`;

    const first = await postSigned(request, source, body, { headers: { "Greenhouse-Event-ID": eventId } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: "created" });

    const candidate = await db.candidate.findUniqueOrThrow({
      where: { externalSource_externalId: { externalSource: source.externalSource, externalId: "35897443" } },
      include: { job: true },
    });
    // Emails carry no primary flag: the first personal one wins; the job is application.jobs[0],
    // not candidate.title ("Previous Title"); the start date is the offer's starts_at.
    expect(candidate).toMatchObject({
      firstName: "Johnny",
      lastName: "Smith",
      email: "personal@example.com",
      phone: "212-555-1212",
      startDate: "2015-01-23",
      department: "Technology",
      office: "New York City",
      stage: "HIRED",
    });
    expect(candidate.job.title).toBe("Developer");
    await expectInToSendQueue(candidate.id, { name: "Johnny Smith", email: "personal@example.com", job: "Developer" });

    await test.step("the same delivery again is a duplicate and changes nothing", async () => {
      const again = await postSigned(request, source, body, { headers: { "Greenhouse-Event-ID": eventId } });
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ status: "duplicate", reason: "already_received" });
      // Greenhouse's retry of the same event carries the same event id; a copy with a new id but
      // the same body is caught by the body's hash.
      const copy = await postSigned(request, source, body, { headers: { "Greenhouse-Event-ID": `${eventId}-copy` } });
      expect(copy.json).toMatchObject({ status: "duplicate" });
      expect(
        await db.candidate.count({ where: { externalSource: source.externalSource, externalId: "35897443" } }),
      ).toBe(1);
      const after = await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } });
      expect(after.updatedAt).toEqual(candidate.updatedAt);
    });

    const log = await deliveriesOf(source.sourceId);
    expect(log.map((entry) => [entry.outcome, entry.reason])).toEqual([
      ["created", null],
      ["duplicate", "already_received"],
      ["duplicate", "already_received"],
    ]);
    // The intake log keeps the mapped fields, not the payload (no resume link, no salary).
    expect(JSON.parse(log[0]!.mappedFields!)).toEqual({
      externalId: "35897443",
      firstName: "Johnny",
      lastName: "Smith",
      email: "personal@example.com",
      phone: "212-555-1212",
      jobTitle: "Developer",
      department: "Technology",
      office: "New York City",
      startDate: "2015-01-23",
    });
  });

  test("a wrong signature, a missing one and a wrongly formatted one are refused and logged; nothing is created", async ({
    request,
  }) => {
    const source = await addSource(request, "greenhouse");
    const { id, body } = greenhouseVariant();
    expect((await postSigned(request, source, body, { secret: "not-the-secret" })).status).toBe(401);
    expect((await post(request, source, body)).status).toBe(401);
    expect((await post(request, source, body, { Signature: "sha1 abc" })).status).toBe(401);
    expect(await db.candidate.count({ where: { externalSource: source.externalSource, externalId: id } })).toBe(0);
    const log = await deliveriesOf(source.sourceId);
    expect(log.map((entry) => [entry.outcome, entry.reason, entry.mappedFields])).toEqual([
      ["rejected", "bad_signature", null],
      ["rejected", "missing_signature", null],
      ["rejected", "malformed_signature", null],
    ]);
  });

  test("Greenhouse's unhire example takes the hire back; after a send it is flagged for an admin instead", async ({
    request,
  }) => {
    const source = await addSource(request, "greenhouse");
    const { id, body } = greenhouseVariant();
    expect((await postSigned(request, source, body)).json).toMatchObject({ status: "created" });
    const candidate = await db.candidate.findUniqueOrThrow({
      where: { externalSource_externalId: { externalSource: source.externalSource, externalId: id } },
    });
    const unhire = fixtureBody("greenhouse-unhire_candidate.json").toString("utf8").replaceAll("265788", id);
    expect((await postSigned(request, source, unhire)).json).toMatchObject({ status: "updated", reason: "unhired" });
    expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).stage).toBe("OFFER");

    // Hired again (a new event), then sent, then unhired: Personio is not touched, an admin is told.
    const rehire = body.replace('"action": "hire_candidate"', '"action":  "hire_candidate"');
    expect((await postSigned(request, source, rehire)).json).toMatchObject({ status: "updated" });
    await db.handoff.create({
      data: { candidateId: candidate.id, status: "SENT", personioEmployeeId: 4242, sentAt: new Date(), attempts: 1 },
    });
    const unhireAgain = unhire.replace('"action": "unhire_candidate"', '"action":  "unhire_candidate"');
    expect((await postSigned(request, source, unhireAgain)).json).toMatchObject({ status: "updated" });
    const flagged = await db.webhookDelivery.findFirstOrThrow({
      where: { sourceId: source.sourceId, attention: { not: null } },
    });
    expect(flagged.attention).toBe("unhired_after_send");
    expect(await db.auditLog.count({ where: { action: "webhook.unhired-after-send", targetId: candidate.id } })).toBe(
      1,
    );
    expect((await db.handoff.findUniqueOrThrow({ where: { candidateId: candidate.id } })).status).toBe("SENT");
  });

  test("Ashby's candidateHire: the one-string name is split predictably, the offer's start date kept; a replay is refused", async ({
    request,
  }) => {
    const source = await addSource(request, "ashby");
    const id = `c-${Date.now()}-${randomInt(1000)}`;
    const body = fixtureBody("ashby-candidateHire.json")
      .toString("utf8")
      .replace("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", id)
      .replace("adam.hart@example.com", `adam.${id}@example.com`);
    expect((await postSigned(request, source, body)).json).toMatchObject({ status: "created" });
    const candidate = await db.candidate.findUniqueOrThrow({
      where: { externalSource_externalId: { externalSource: source.externalSource, externalId: id } },
      include: { job: true },
    });
    expect(candidate).toMatchObject({
      firstName: "Adam",
      lastName: "Hart",
      email: `adam.${id}@example.com`,
      phone: "+1 415 555 0134",
      startDate: "2027-01-04",
      stage: "HIRED",
    });
    expect(candidate.job.title).toBe("Software Engineer");
    await expectInToSendQueue(candidate.id, {
      name: "Adam Hart",
      email: `adam.${id}@example.com`,
      job: "Software Engineer",
    });
    expect((await postSigned(request, source, body)).json).toMatchObject({ status: "duplicate" });
    // Ashby's own header format is required: Greenhouse's form of the same HMAC is refused.
    const greenhouseStyle = (await postSigned(request, { ...source, kind: "greenhouse" }, body)).status;
    expect(greenhouseStyle).toBe(401);
  });

  test("Workable: candidate_moved into Hired and candidate_created create hires; a move out takes it back", async ({
    request,
  }) => {
    const source = await addSource(request, "workable");
    const movedId = `wk${randomInt(1_000_000)}`;
    const createdId = `wk${randomInt(1_000_000)}c`;
    const moved = withFreshFiredAt("workable-candidate_moved.json", {
      "3fc9a80f": movedId,
      "lakita_marrero@example.com": `lakita.${movedId}@example.com`,
      "3b1e9c2a-7f4d-4e8b-9a6c-5d2f1e0b7c84": `ev-${movedId}`,
    });
    const created = withFreshFiredAt("workable-candidate_created.json", {
      "41ad27c3": createdId,
      "jonas.weber@example.com": `jonas.${createdId}@example.com`,
      "9d4c6e1f-2a7b-4c3d-8e5f-1a0b9c8d7e62": `ev-${createdId}`,
    });
    expect((await postSigned(request, source, moved)).json).toMatchObject({ status: "created" });
    expect((await postSigned(request, source, created)).json).toMatchObject({ status: "created" });
    const lakita = await db.candidate.findUniqueOrThrow({
      where: { externalSource_externalId: { externalSource: source.externalSource, externalId: movedId } },
      include: { job: true },
    });
    expect(lakita).toMatchObject({
      firstName: "Lakita",
      lastName: "Marrero",
      phone: "+49 30 555 0172",
      stage: "HIRED",
    });
    expect(lakita.job.title).toBe("Sales Intern");
    await expectInToSendQueue(lakita.id, {
      name: "Lakita Marrero",
      email: `lakita.${movedId}@example.com`,
      job: "Sales Intern",
    });

    const movedBack = moved
      .replace('"stage": "Hired"', '"stage": "Offer"')
      .replace(`ev-${movedId}`, `ev-${movedId}-back`);
    expect((await postSigned(request, source, movedBack)).json).toMatchObject({ status: "updated", reason: "unhired" });
    expect((await db.candidate.findUniqueOrThrow({ where: { id: lakita.id } })).stage).toBe("OFFER");

    // No age window (README): a retry four days later is applied (its payload is the candidate as
    // it is now), and the same event again is a duplicate by its id, whatever its age.
    const old = moved
      .replace(/"fired_at": "[^"]+"/, `"fired_at": "${new Date(Date.now() - 96 * 3_600_000).toISOString()}"`)
      .replace(`ev-${movedId}`, `ev-${movedId}-old`);
    const late = await postSigned(request, source, old);
    expect([late.status, late.json?.status]).toEqual([200, "updated"]);
    expect((await db.candidate.findUniqueOrThrow({ where: { id: lakita.id } })).stage).toBe("HIRED");
    const sameId = old.replace('"stage": "Hired"', '"stage": "Offer"');
    expect((await postSigned(request, source, sameId)).json).toMatchObject({
      status: "duplicate",
      reason: "already_received",
    });
    expect((await db.candidate.findUniqueOrThrow({ where: { id: lakita.id } })).stage).toBe("HIRED");
  });

  test("the Handoff webhook: the documented example is accepted; a stale timestamp and a replayed event id are refused and logged", async ({
    request,
  }) => {
    const source = await addSource(request, "handoff");
    const id = `rec-${Date.now()}-${randomInt(1000)}`;
    const body = fixtureBody("handoff-candidate.hired.json")
      .toString("utf8")
      .replace("rec-4711", id)
      .replace("evt_2026-11-20_0001", `evt-${id}`)
      .replace("zoe.brandt@example.com", `zoe.${id}@example.com`);

    const stale = await postSigned(request, source, body, { nowMs: Date.now() - 6 * 60_000 });
    expect(stale.status).toBe(401);
    expect(stale.json).toMatchObject({ status: "rejected", reason: "stale_timestamp" });

    const ok = await postSigned(request, source, body);
    expect(ok.json).toMatchObject({ status: "created" });
    const candidate = await db.candidate.findUniqueOrThrow({
      where: { externalSource_externalId: { externalSource: `handoff.${source.sourceId}`, externalId: id } },
      include: { job: true },
    });
    expect(candidate).toMatchObject({
      firstName: "Zoë",
      lastName: "Brandt",
      startDate: "2027-02-01",
      department: "Finance",
      office: "Hamburg",
    });
    expect(candidate.job.title).toBe("Payroll Specialist");
    await expectInToSendQueue(candidate.id, {
      name: "Zoë Brandt",
      email: `zoe.${id}@example.com`,
      job: "Payroll Specialist",
    });

    // The same event signed afresh a second later: a new signature, the same event id.
    const replay = await postSigned(request, source, body, { nowMs: Date.now() + 1000 });
    expect(replay.json).toMatchObject({ status: "duplicate", reason: "already_received" });

    // A later event for the same person updates, never duplicates.
    const update = body.replace(`evt-${id}`, `evt-${id}-2`).replace("2027-02-01", "2027-03-01");
    expect((await postSigned(request, source, update)).json).toMatchObject({ status: "updated" });
    expect(await db.candidate.count({ where: { externalId: id } })).toBe(1);
    expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).startDate).toBe("2027-03-01");

    const log = await deliveriesOf(source.sourceId);
    expect(log.map((entry) => [entry.outcome, entry.reason])).toEqual([
      ["rejected", "stale_timestamp"],
      ["created", null],
      ["duplicate", "already_received"],
      ["updated", null],
    ]);
  });

  test("bad input: malformed JSON, an oversized body, an unknown event, a hire without email, a disabled source, an unknown URL", async ({
    request,
  }) => {
    const source = await addSource(request, "handoff");
    const malformed = await postSigned(request, source, '{"id": "x", "type": ');
    expect([malformed.status, malformed.json?.reason]).toEqual([400, "malformed_json"]);

    const huge = Buffer.alloc(5 * 1024 * 1024, 0x20);
    const tooLarge = await postSigned(request, source, huge);
    expect([tooLarge.status, tooLarge.json?.reason]).toEqual([413, "too_large"]);

    const unknown = await postSigned(
      request,
      source,
      JSON.stringify({ id: `u-${Date.now()}`, type: "candidate.promoted" }),
    );
    expect([unknown.status, unknown.json?.status, unknown.json?.reason]).toEqual([200, "ignored", "unknown_event"]);

    const noEmail = await postSigned(
      request,
      source,
      JSON.stringify({
        id: `n-${Date.now()}`,
        type: "candidate.hired",
        candidate: { externalId: "no-mail", firstName: "Kim", lastName: "Lee", jobTitle: "Chef" },
      }),
    );
    expect([noEmail.status, noEmail.json?.reason]).toEqual([422, "missing_email"]);

    await db.webhookSource.update({ where: { id: source.sourceId }, data: { enabled: false } });
    const disabled = await postSigned(
      request,
      source,
      JSON.stringify({ id: `d-${Date.now()}`, type: "candidate.promoted" }),
    );
    expect([disabled.status, disabled.json?.reason]).toEqual([503, "source_disabled"]);

    expect((await post(request, { path: "/api/webhooks/this-token-does-not-exist-anywhere" }, "{}")).status).toBe(404);

    const log = await deliveriesOf(source.sourceId);
    expect(log.map((entry) => [entry.outcome, entry.reason])).toEqual([
      ["rejected", "malformed_json"],
      ["rejected", "too_large"],
      ["ignored", "unknown_event"],
      ["rejected", "missing_email"],
      ["rejected", "source_disabled"],
    ]);
  });

  test("a flood is bounded per source: past the limit the answer is 429 with Retry-After, and another source is unaffected", async ({
    request,
  }) => {
    // The limit the app under test runs with (playwright.config.ts), 50 requests past it.
    const limit = Number(process.env.WEBHOOK_RATE_LIMIT_PER_MINUTE);
    const flooded = await addSource(request, "ashby");
    const other = await addSource(request, "ashby");
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    const started = Date.now();
    for (let sent = 0; sent < limit + 50; sent += 50) {
      // A connection each: on a busy machine a batch takes seconds, and a kept-alive socket the
      // server closes after its idle timeout just as the next batch reuses it is reset.
      const results = await Promise.all(
        Array.from({ length: 50 }, () => post(request, flooded, "{}", { connection: "close" })),
      );
      for (const result of results) {
        statuses.push(result.status);
        if (result.status === 429) retryAfter = result.headers["retry-after"];
      }
    }
    // The limiter's window is a minute: the counts below hold only if the flood fit in it.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(statuses.filter((status) => status === 401)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(statuses.length - limit);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // The 429s are not logged one by one: the flood costs at most the limit in log rows.
    expect(await db.webhookDelivery.count({ where: { sourceId: flooded.sourceId } })).toBe(limit);
    expect((await post(request, other, "{}")).status).toBe(401);
  });
});
