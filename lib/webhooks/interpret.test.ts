import { describe, expect, it } from "vitest";

import { interpretDelivery } from "./interpret";
import { splitFullName } from "./vendors/ashby";

const now = Date.UTC(2026, 10, 21, 12, 0, 0);
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const none = new Headers();

describe("Greenhouse", () => {
  const hire = (candidate: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    action: "hire_candidate",
    payload: {
      application: {
        candidate: { id: 35897443, first_name: "Johnny", last_name: "Smith", title: "Previous Title", ...candidate },
        jobs: [{ name: "Developer", departments: [{ name: "Technology" }], offices: [{ name: "New York City" }] }],
        offer: { starts_at: "2015-01-23" },
        ...extra,
      },
    },
  });

  it("maps the job from application.jobs, not the candidate's previous title, and the offer's start date", () => {
    const result = interpretDelivery(
      "greenhouse",
      json(hire({ email_addresses: [{ value: "a@example.com", type: "work" }] })),
      new Headers({ "Greenhouse-Event-ID": "ev-1" }),
    );
    expect(result).toMatchObject({
      kind: "hire",
      eventType: "hire_candidate",
      eventId: "ev-1",
      hire: {
        externalId: "35897443",
        firstName: "Johnny",
        lastName: "Smith",
        email: "a@example.com",
        jobTitle: "Developer",
        department: "Technology",
        office: "New York City",
        startDate: "2015-01-23",
      },
    });
  });

  it("prefers the first personal email, then other, then work, whatever the order", () => {
    const emails = [
      { value: "work@example.com", type: "work" },
      { value: "other@example.com", type: "other" },
      { value: "personal@example.com", type: "personal" },
      { value: "personal2@example.com", type: "personal" },
    ];
    expect(interpretDelivery("greenhouse", json(hire({ email_addresses: emails })), none)).toMatchObject({
      hire: { email: "personal@example.com" },
    });
    expect(interpretDelivery("greenhouse", json(hire({ email_addresses: emails.slice(0, 2) })), none)).toMatchObject({
      hire: { email: "other@example.com" },
    });
  });

  it("rejects a hire without an email, keeping what it could map", () => {
    expect(interpretDelivery("greenhouse", json(hire({ email_addresses: [] })), none)).toMatchObject({
      kind: "reject",
      reason: "missing_email",
      mapped: { externalId: "35897443", firstName: "Johnny", jobTitle: "Developer" },
    });
  });

  it("takes an unhire back to Offer, ignores other actions and the ping", () => {
    expect(interpretDelivery("greenhouse", json({ ...hire({}), action: "unhire_candidate" }), none)).toMatchObject({
      kind: "unhire",
      externalId: "35897443",
      stage: "OFFER",
    });
    expect(
      interpretDelivery("greenhouse", json({ action: "new_candidate_application", payload: {} }), none),
    ).toMatchObject({ kind: "ignore", reason: "unknown_event" });
    expect(interpretDelivery("greenhouse", json({ action: "ping", payload: {} }), none)).toMatchObject({
      kind: "ignore",
      reason: "ping",
    });
  });

  it("rejects malformed JSON and a body that is not UTF-8", () => {
    expect(interpretDelivery("greenhouse", Buffer.from("{not json"), none)).toMatchObject({
      kind: "reject",
      reason: "malformed_json",
    });
    expect(interpretDelivery("greenhouse", Buffer.from([0x7b, 0xff, 0x7d]), none)).toMatchObject({
      kind: "reject",
      reason: "malformed_json",
    });
  });
});

describe("Ashby", () => {
  it("splits the one-string name: last word is the last name", () => {
    expect(splitFullName("Adam Hart")).toEqual({ firstName: "Adam", lastName: "Hart" });
    expect(splitFullName("  Mary Ann   van Dyke ")).toEqual({ firstName: "Mary Ann van", lastName: "Dyke" });
    expect(splitFullName("Cher")).toEqual({ firstName: "Cher", lastName: "" });
  });

  it("maps candidateHire with the accepted offer's start date, and ids the event per action", () => {
    const body = {
      action: "candidateHire",
      webhookActionId: "wa-1",
      data: {
        application: {
          status: "Hired",
          candidate: { id: "c-1", name: "Adam Hart", primaryEmailAddress: { value: "Adam.Hart@Example.com" } },
          job: { title: "Software Engineer" },
        },
        offer: { latestVersion: { startDate: "2027-01-04" } },
      },
    };
    expect(interpretDelivery("ashby", json(body), none)).toMatchObject({
      kind: "hire",
      eventId: "candidateHire:wa-1",
      hire: {
        externalId: "c-1",
        firstName: "Adam",
        lastName: "Hart",
        email: "adam.hart@example.com",
        jobTitle: "Software Engineer",
        startDate: "2027-01-04",
      },
    });
    const archived = {
      action: "applicationUpdate",
      webhookActionId: "wa-2",
      data: { application: { status: "Archived", candidate: { id: "c-1" } } },
    };
    expect(interpretDelivery("ashby", json(archived), none)).toMatchObject({ kind: "unhire", externalId: "c-1" });
  });
});

describe("Workable", () => {
  const event = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id: "ev-9",
    event_type: "candidate_moved",
    fired_at: new Date(now - 60_000).toISOString(),
    data: {
      id: "3fc9a80f",
      firstname: "Lakita",
      lastname: "Marrero",
      email: "l@example.com",
      job: { title: "Sales Intern" },
      stage: "Hired",
      ...data,
    },
    ...extra,
  });

  it("counts a move into the hired stage as a hire and a move out as taking it back", () => {
    expect(interpretDelivery("workable", json(event({})), none)).toMatchObject({
      kind: "hire",
      eventId: "ev-9",
      hire: { externalId: "3fc9a80f", jobTitle: "Sales Intern" },
    });
    expect(interpretDelivery("workable", json(event({ stage: "Offer" })), none)).toMatchObject({
      kind: "unhire",
      externalId: "3fc9a80f",
    });
    expect(
      interpretDelivery("workable", json(event({ stage: "Applied" }, { event_type: "candidate_created" })), none),
    ).toMatchObject({ kind: "ignore", reason: "not_hired" });
  });

  it("takes an event however long ago it fired: Workable's retries have no documented end", () => {
    expect(
      interpretDelivery(
        "workable",
        json(event({}, { fired_at: new Date(now - 30 * 24 * 3_600_000).toISOString() })),
        none,
      ),
    ).toMatchObject({ kind: "hire", eventId: expect.any(String) });
  });
});

describe("Handoff", () => {
  const hired = {
    id: "e1",
    type: "candidate.hired",
    candidate: {
      externalId: "x1",
      firstName: "Zoë",
      lastName: "Brandt",
      email: "zoe@example.com",
      jobTitle: "Payroll",
    },
  };

  it("accepts the documented schema and refuses unknown fields", () => {
    expect(interpretDelivery("handoff", json(hired), none)).toMatchObject({
      kind: "hire",
      hire: { externalId: "x1", firstName: "Zoë" },
    });
    expect(interpretDelivery("handoff", json({ ...hired, extra: 1 }), none)).toMatchObject({
      kind: "reject",
      reason: "invalid_payload",
    });
    expect(
      interpretDelivery("handoff", json({ ...hired, candidate: { ...hired.candidate, email: "" } }), none),
    ).toMatchObject({ kind: "reject", reason: "missing_email" });
    expect(interpretDelivery("handoff", json({ ...hired, type: "candidate.promoted" }), none)).toMatchObject({
      kind: "ignore",
      reason: "unknown_event",
    });
  });
});
