import fs from "node:fs";
import path from "node:path";

import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS, AUDIT_DETAILS, type AuditAction, type AuditDetailsOf } from "./actions";
import { auditCsvRow } from "./csv-rows";
import { describeAuditEntry, type AuditTranslator, type AuditWords } from "./describe";
import { AUDIT_CATEGORY_AREAS, type AuditDetailValue } from "./params";
import type { AuditEntryRow } from "./queries";

const read = (locale: string, file: string) =>
  JSON.parse(fs.readFileSync(path.join("lib/i18n/messages", locale, file), "utf8")) as Record<string, unknown>;

function wordsFor(locale: "en" | "de"): AuditWords {
  const messages = { ...read(locale, "audit.json"), ...read(locale, "common.json"), ...read(locale, "users.json") };
  const t = createTranslator({ locale, messages, namespace: "audit" }) as unknown as AuditTranslator;
  const common = createTranslator({ locale, messages }) as unknown as AuditTranslator;
  return {
    t,
    roleName: (id) => (common.has(`roles.${id}`) ? common(`roles.${id}`) : id),
    stageName: (stage) => common(`stages.${stage}`),
    dateTime: (date) =>
      new Intl.DateTimeFormat(locale, { timeZone: "Europe/Berlin", dateStyle: "medium", timeStyle: "short" }).format(
        date,
      ),
  };
}

// An entry as the app writes it now: its details must have the action's shape to compile.
function entry<A extends AuditAction>(
  action: A,
  details: AuditDetailsOf<A> & Record<string, AuditDetailValue>,
  extra: Partial<AuditEntryRow> = {},
): AuditEntryRow {
  return storedEntry(action, details, extra);
}

// A row as it may be stored: written under an earlier name or shape, or by a newer version.
function storedEntry(
  action: string,
  details: Record<string, AuditDetailValue>,
  extra: Partial<AuditEntryRow> = {},
): AuditEntryRow {
  return {
    id: "e1",
    at: new Date("2026-11-30T10:00:00Z"),
    action,
    outcome: "failure",
    actorName: "Rita Recruiter",
    hasActor: true,
    target: null,
    details,
    names: {},
    ...extra,
  };
}

const text = (words: ReturnType<typeof describeAuditEntry>) =>
  words.details.map((line) => (line.label ? `${line.label}: ${line.text}` : line.text));

describe("describeAuditEntry", () => {
  const en = wordsFor("en");
  const de = wordsFor("de");

  it("says a failed send's codes in words, in English and German", () => {
    const failed = entry("handoff.send", { code: "credentials_disabled", field: null, outcomeUnknown: false });
    expect(text(describeAuditEntry(failed, en))).toEqual(["Reason: Credentials disabled or removed"]);
    expect(text(describeAuditEntry(failed, de))).toEqual(["Grund: Zugriffsdaten deaktiviert oder entfernt"]);
    const lost = entry("handoff.send", { code: "timeout", field: "email", outcomeUnknown: true });
    expect(text(describeAuditEntry(lost, en))).toEqual([
      "Reason: No answer in time",
      "Field: Email",
      "Personio's answer was lost: the employee may have been created (the next send looks for it first)",
    ]);
  });

  it("says a send's result, the corrections and the stage rule as words", () => {
    const sent = entry(
      "handoff.send",
      {
        employeeId: 4242,
        status: "SENT",
        corrected: ["position"],
        "position.profile": "SRE",
        "position.sent": "Site Reliability Engineer",
      },
      { outcome: "success" },
    );
    expect(text(describeAuditEntry(sent, en))).toEqual([
      "Personio employee ID: 4242",
      "Result: Created a new employee in Personio",
      "Corrected before sending: Job title",
      "Job title in the profile: SRE",
      "Job title sent: Site Reliability Engineer",
    ]);
    expect(text(describeAuditEntry(entry("handoff.link", { employeeId: 7, status: "LINKED" }), de))).toEqual([
      "Personio-ID der Person: 7",
      "Ergebnis: Mit einer Person verknüpft, die es in Personio schon gab",
    ]);
    expect(
      text(
        describeAuditEntry(
          entry("handoff.send", { code: "stage_not_sendable", stage: "OFFER", sendableStages: ["HIRED"] }),
          de,
        ),
      ),
    ).toEqual([
      "Grund: Phase darf nicht gesendet werden",
      "Phase: Angebot",
      "Phasen, die gesendet werden dürfen: Eingestellt",
    ]);
  });

  it("says integration and role changes in words", () => {
    const connected = entry("integration.update-credentials", {
      clientId: "papi-1",
      clientIdChanged: false,
      secretChanged: true,
      subdomain: "acme",
      previousSubdomain: "acme",
      scopes: ["employees:read", "employees:write"],
      writePermission: "read_write",
    });
    expect(text(describeAuditEntry(connected, en))).toEqual([
      "Client ID: papi-1",
      "The client ID stayed the same",
      "The client secret was replaced",
      "Subdomain: acme",
      "Previous subdomain: acme",
      "Permissions in Personio: Employees: read, Employees: write",
      "Employees access: Read and write",
    ]);
    const role = entry(
      "role.revoke-permission",
      { permission: "personio:see-badge" },
      { target: { type: "role", id: "hiring_manager", name: "Hiring manager" } },
    );
    const words = describeAuditEntry(role, de);
    expect(words.target).toBe("Rolle: Hiring-Manager:in");
    expect(text(words)).toEqual(["Einstellung: Sieht, dass ein Profil gesendet wurde"]);
    expect(text(describeAuditEntry(entry("user.change-role", { from: "recruiter", to: "admin" }), en))).toEqual([
      "From: Recruiter",
      "To: Admin",
    ]);
  });

  it("says sign-ins, refusals, imports, keys and stage moves in words", () => {
    const refused = entry(
      "access.denied",
      { missingPermission: "audit:read", kind: "page", page: "/admin/audit", address: "unknown" },
      { outcome: "denied" },
    );
    expect(text(describeAuditEntry(refused, en))).toEqual([
      "Permission needed: May read the audit log",
      "Refused: Page",
      "Page: /admin/audit",
      "Address: unknown",
    ]);
    const sso = entry(
      "auth.sign-in",
      { method: "sso", email: "a@b.c", reason: "domain" },
      { hasActor: false, actorName: null },
    );
    const ssoWords = describeAuditEntry(sso, de);
    expect(ssoWords.actor).toBe("Besucher:in (nicht angemeldet)");
    expect(text(ssoWords)).toEqual([
      "Angemeldet mit: Single Sign-on",
      "Eingegebene E-Mail-Adresse: a@b.c",
      "Grund: E-Mail-Domain nicht erlaubt",
    ]);
    expect(
      text(describeAuditEntry(entry("sso.configure", { reason: "unreachable", issuer: "https://idp" }), en)),
    ).toEqual(["Reason: Identity provider unreachable", "Issuer URL: https://idp"]);
    const imported = entry(
      "import.run",
      { fileName: "hires.csv", rows: 3, created: 2, updated: 0, unchanged: 0, rejected: 1, keptInPersonio: 0 },
      { target: { type: "import", id: "i1", name: "hires.csv" } },
    );
    const importWords = describeAuditEntry(imported, en);
    expect(importWords.target).toBe("Import: hires.csv");
    expect(text(importWords)).toContain("Created: 2");
    const moved = entry(
      "candidate.move-stage",
      { via: "api", apiKeyId: "k1", from: "OFFER", to: "HIRED" },
      { names: { "api-key:k1": "Greenhouse sync" } },
    );
    expect(text(describeAuditEntry(moved, en))).toEqual([
      "Through: the REST API",
      "API key: Greenhouse sync",
      "From: Offer",
      "To: Hired",
    ]);
    expect(
      text(describeAuditEntry(entry("api-key.create", { prefix: "hnd_abc", scopes: ["candidates:write"] }), de)),
    ).toEqual([
      "Schlüssel beginnt mit: hnd_abc",
      "Berechtigungen des Schlüssels: Kandidat:innen und Stellen anlegen und ändern",
    ]);
    const gone = describeAuditEntry(
      entry(
        "job.rename",
        { via: "screen", fields: ["title"], from: "Dev", to: "Developer" },
        { target: { type: "job", id: "j1", name: null } },
      ),
      en,
    );
    expect(gone.target).toBe("Job (deleted)");
    expect(text(gone)).toEqual(["Through: Handoff's screens", "Fields changed: Title", "From: Dev", "To: Developer"]);
  });

  it("says where a candidate change came from: a screen, an import, a webhook source, in English and German", () => {
    const names = { "import:i1": "hires.csv", "webhook-source:s1": "Greenhouse EU" };
    const fromScreen = entry("candidate.update", { via: "screen", fields: ["email"] });
    expect(text(describeAuditEntry(fromScreen, en))).toEqual(["Through: Handoff's screens", "Fields changed: Email"]);
    expect(text(describeAuditEntry(fromScreen, de))).toEqual([
      "Über: die Oberfläche von Handoff",
      "Geänderte Felder: E-Mail",
    ]);
    const imported = entry("candidate.create", { via: "import", importId: "i1" }, { names });
    expect(text(describeAuditEntry(imported, en))).toEqual(["Through: a spreadsheet import", "Import: hires.csv"]);
    expect(text(describeAuditEntry(imported, de))).toEqual(["Über: einen Tabellen-Import", "Import: hires.csv"]);
    const delivered = entry(
      "candidate.move-stage",
      { via: "webhook", sourceId: "s1", from: "OFFER", to: "HIRED" },
      { names },
    );
    expect(text(describeAuditEntry(delivered, en))).toEqual([
      "Through: a webhook",
      "ATS source: Greenhouse EU",
      "From: Offer",
      "To: Hired",
    ]);
    expect(text(describeAuditEntry(delivered, de))).toEqual([
      "Über: einen Webhook",
      "ATS-Quelle: Greenhouse EU",
      "Von: Angebot",
      "Zu: Eingestellt",
    ]);
    // Deleted since: said so, not shown as an id.
    const orphaned = entry("candidate.create", { via: "webhook", sourceId: "s2", externalSource: "greenhouse" });
    expect(text(describeAuditEntry(orphaned, en))).toEqual([
      "Through: a webhook",
      "ATS source: a deleted ATS source",
      "Source system: greenhouse",
    ]);
    expect(text(describeAuditEntry(entry("candidate.create", { via: "import", importId: "gone" }), de))).toEqual([
      "Über: einen Tabellen-Import",
      "Import: ein gelöschter Import",
    ]);
  });

  it("says an ATS source's vendor as the ATS, not as a refusal", () => {
    const created = entry(
      "webhook-source.create",
      { kind: "greenhouse", name: "Greenhouse EU" },
      { target: { type: "webhook-source", id: "s1", name: "Greenhouse EU" } },
    );
    const words = describeAuditEntry(created, en);
    expect(words.action).toBe("Added an ATS source");
    expect(words.target).toBe("ATS source: Greenhouse EU");
    expect(text(words)).toEqual(["ATS: Greenhouse", "Name: Greenhouse EU"]);
    expect(text(describeAuditEntry(entry("webhook-source.create", { kind: "handoff", name: "Zapier" }), de))).toEqual([
      "ATS: Handoff-Webhook",
      "Name: Zapier",
    ]);
  });

  it("still describes rows stored under an earlier shape", () => {
    // Jobs changed on a screen were recorded as via "app" before via named the screen.
    const before = storedEntry("job.update", { via: "app", fields: ["office"] });
    expect(text(describeAuditEntry(before, en))).toEqual(["Through: Handoff", "Fields changed: Office"]);
    // An action this version does not know: shown as recorded, its details labelled where known.
    const unknown = describeAuditEntry(storedEntry("candidate.archive", { via: "api" }), en);
    expect(unknown.action).toBe("candidate.archive");
    expect(text(unknown)).toEqual(["Through: the REST API"]);
  });

  it("shows no raw code value for any detail a writer records", () => {
    // One entry per kind of detail value the app writes (lib/, app/): none may come out as its code.
    const samples: AuditEntryRow[] = [
      entry("integration.test", { reason: "stored_secret_unreadable" }),
      entry("integration.connect", { reason: "missing_permission", clientId: "c", subdomain: "s", scopes: [] }),
      entry("auth.sign-in", {
        email: "x@y.z",
        address: "10.0.0.1",
        reason: "too_many_attempts",
        limit: "account",
        moreNotRecorded: true,
      }),
      entry("auth.sign-in", { method: "sso", reason: "token_refused", error: "invalid_grant" }),
      entry("auth.sign-in", { method: "sso", email: "x@y.z", created: true }),
      entry("user.invite", { roleId: "recruiter", linkExpiresAt: "2026-12-07T10:00:00.000Z" }),
      entry("user.create", { roleId: "interviewer", via: "sso", groups: ["hr"] }),
      entry("sso.configure", {
        preset: "entra",
        issuer: "https://login",
        clientId: "c",
        secretChanged: false,
        allowedDomains: ["acme.com"],
        provisioning: "jit",
        defaultRoleId: "interviewer",
        groupsClaim: null,
      }),
      entry("installation.setup", { source: "setup-page" }),
      entry("handoff.set-sendable-stages", { from: ["HIRED"], to: ["OFFER", "HIRED"] }),
      entry("candidate.update", { via: "import", fields: ["firstName", "startDate"], keptInPersonio: ["email"] }),
      entry("candidate.create", { via: "screen" }),
      entry("webhook.unhired-after-send", {
        sourceId: "s1",
        kind: "greenhouse",
        externalId: "35897443",
        handoffStatus: "SENT",
      }),
      entry("webhook-source.rotate-secret", { previousValidUntil: "2026-12-07T10:00:00.000Z" }),
      entry("sso.require", { breakGlassUserId: "u1" }, { names: { "user:u1": "Rita Recruiter" } }),
      entry("secrets.rotate-key", { keyId: "k2", previousKeyIds: ["k1"], reencrypted: 3, alreadyCurrent: 0 }),
      entry(
        "audit.export",
        { category: "sends", outcome: "failure", from: "2026-11-01", person: "u1", candidate: "anna" },
        { names: { "user:u1": "Rita Recruiter" } },
      ),
    ];
    const codes =
      /\b(stored_secret_unreadable|missing_permission|too_many_attempts|token_refused|setup-page|sso-groups|read_write|recruiter|interviewer|entra|jit|HIRED|OFFER|firstName|startDate|true|false|sends|failure|u1|screen|greenhouse|SENT|s1)\b/;
    for (const words of [en, de]) {
      for (const sample of samples) {
        const described = describeAuditEntry(sample, words);
        expect(described.action, sample.action).not.toBe(sample.action);
        for (const line of text(described)) expect(line, `${sample.action}: ${line}`).not.toMatch(codes);
      }
    }
  });
});

describe("the catalogue", () => {
  // Every action a writer may record is in the typed list (writeAuditLog takes no other), and its
  // words are chosen by an exhaustive switch (action-reading.ts): here, that they exist in each
  // language and that the category filter shows each action.
  it("lists the writers' actions", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(50);
    expect(AUDIT_ACTIONS).toContain("handoff.send");
    expect(AUDIT_ACTIONS).toContain("api-key.revoke");
    expect(AUDIT_ACTIONS).toContain("webhook-source.create");
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z-]+\.[a-z-]+$/);
  });

  it.each(["en", "de"])("names every action in %s, and a category shows each", (locale) => {
    const words = wordsFor(locale as "en" | "de");
    const areas: string[] = Object.values(AUDIT_CATEGORY_AREAS).flat();
    for (const action of AUDIT_ACTIONS) {
      expect(words.t.has(`actions.${action}`), action).toBe(true);
      expect(describeAuditEntry(storedEntry(action, {}), words).action, action).not.toBe(action);
      expect(areas, action).toContain(action.split(".")[0]);
    }
  });

  it("has words only for the actions in the list (none left for a renamed one)", () => {
    const { actions } = read("en", "audit.json").audit as { actions: Record<string, Record<string, string>> };
    const named = Object.entries(actions).flatMap(([area, verbs]) =>
      Object.keys(verbs).map((verb) => `${area}.${verb}`),
    );
    expect(named.length).toBe(AUDIT_ACTIONS.length);
    expect(named.filter((action) => !(AUDIT_ACTIONS as string[]).includes(action))).toEqual([]);
  });
});

describe("the details' schemas", () => {
  it("accept what the samples above record and refuse a wrong shape", () => {
    expect(AUDIT_DETAILS["candidate.update"].safeParse({ via: "screen", fields: ["email"] }).success).toBe(true);
    expect(AUDIT_DETAILS["candidate.update"].safeParse({ via: "app", fields: ["email"] }).success).toBe(false);
    expect(AUDIT_DETAILS["candidate.move-stage"].safeParse({ via: "api", from: "OFFER" }).success).toBe(false);
  });
});

describe("auditCsvRow", () => {
  it("neutralises cells a spreadsheet would run, and keeps the words", () => {
    const words = wordsFor("en");
    const row = auditCsvRow(
      entry(
        "auth.sign-in",
        { email: '=HYPERLINK("http://evil.example","x")', reason: "wrong_password" },
        { actorName: "@admin", target: { type: "user", id: "u1", name: "+Eve" } },
      ),
      words,
      "Europe/Berlin",
      ",",
    );
    expect(row).toBe(
      `2026-11-30 11:00:00,Europe/Berlin,'@admin,Sign-in,User: +Eve,Failed,"Email entered: =HYPERLINK(""http://evil.example"",""x""); Reason: Wrong password"\r\n`,
    );
    const formulaFirst = auditCsvRow(
      storedEntry(
        "job.create",
        {},
        { actorName: "=cmd|' /C calc'!A0", target: { type: "job", id: "j", name: "-2+3" } },
      ),
      words,
      "UTC",
      ";",
    );
    expect(formulaFirst.split(";").slice(2, 5)).toEqual(["'=cmd|' /C calc'!A0", "Created a job", "Job: -2+3"]);
    expect(auditCsvRow(storedEntry("job.create", {}, { actorName: "-1" }), wordsFor("de"), "UTC", ";")).toContain(
      ";'-1;Stelle angelegt;",
    );
  });
});

describe("details as people read them (issue 24)", () => {
  const en = wordsFor("en");
  const details = (row: AuditEntryRow, words = en) => describeAuditEntry(row, words).details;

  it("names fields in words, never as keys", () => {
    expect(details(storedEntry("candidate.update", { changed: "firstName,lastName" }))).toContainEqual({
      label: "changed",
      text: "First name, Last name",
    });
    expect(
      details(entry("handoff.update", { fields: ["firstName", "hireDate"], ignored: "first_name,gender" })),
    ).toEqual(
      expect.arrayContaining([
        { label: "Fields changed", text: "First name, Hire date" },
        { label: "Ignored by Personio", text: "First name, Gender" },
      ]),
    );
    // A key the catalogue has no words for is spelt out rather than shown as code.
    expect(details(storedEntry("candidate.update", { changed: "firstName,favouriteColour" }))[0]!.text).toBe(
      "First name, favourite colour",
    );
  });

  it("calls the server's own address 'this server', and leaves others as they are", () => {
    for (const address of ["::1", "127.0.0.1", "::ffff:127.0.0.1"]) {
      expect(details(entry("auth.sign-in", { address }))).toEqual([{ label: "Address", text: "this server" }]);
    }
    expect(details(entry("auth.sign-in", { address: "::1" }), wordsFor("de"))[0]!.text).toBe("dieser Server");
    expect(details(entry("auth.sign-in", { address: "203.0.113.9" }))[0]!.text).toBe("203.0.113.9");
  });

  it("marks a checksum as a hash (the page shortens it; the words keep it whole)", () => {
    const sha = "da4359329c10e6ae8f012858d01c94879c720ab4a63b256058a3280fb6672dde";
    expect(
      details(entry("import.run", { fileName: "a.csv", fileSha256: sha, created: 1, updated: 0, rejected: 0 })),
    ).toContainEqual({
      label: "File checksum (SHA-256)",
      text: sha,
      kind: "hash",
    });
  });
});
