import { Writable } from "node:stream";

import { afterEach, describe, expect, it, vi } from "vitest";

import { ForbiddenError } from "@/lib/errors";
import { logger as appLogger, createLogger, logFailure, REDACTED, requestLogger } from "@/lib/logger";

// What a log line may carry: ids, never names, emails or secrets, and the request's id when there
// is a request. The request scope is stood in for by mocking next/headers.
const requestScope = vi.hoisted(() => ({ headers: null as Headers | null }));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!requestScope.headers) throw new Error("`headers` was called outside a request scope.");
    return requestScope.headers;
  },
}));

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      );
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", pretty: false }, destination) };
}

afterEach(() => {
  requestScope.headers = null;
  vi.restoreAllMocks();
});

describe("logger", () => {
  it("blanks secrets, names and emails, at the top level and nested, and keeps ids", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        candidateId: "cand_1",
        email: "ada@example.com",
        password: "hunter22",
        candidate: { id: "cand_1", firstName: "Ada", lastName: "Lovelace", name: "Ada Lovelace" },
        req: { headers: { authorization: "Bearer hnd_secret", cookie: "session=abc" } },
        personio: { clientSecret: "papi-secret", token: "eyJ" },
      },
      "Sent",
    );
    const [line] = lines;
    expect(line).toMatchObject({
      msg: "Sent",
      candidateId: "cand_1",
      email: REDACTED,
      password: REDACTED,
      candidate: { id: "cand_1", firstName: REDACTED, lastName: REDACTED, name: REDACTED },
      req: { headers: { authorization: REDACTED, cookie: REDACTED } },
      personio: { clientSecret: REDACTED, token: REDACTED },
    });
    const text = JSON.stringify(line);
    for (const secret of ["ada@example.com", "hunter22", "Lovelace", "hnd_secret", "session=abc", "papi-secret", "eyJ"])
      expect(text).not.toContain(secret);
  });

  it("writes one JSON object per line with a level and an ISO time", () => {
    const { lines, logger } = capture();
    logger.warn({ importId: "imp_1" }, "Slow");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, importId: "imp_1", msg: "Slow" });
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
  });
});

describe("requestLogger", () => {
  // The module's own logger is silent in tests; its children are read through a spy on child().
  async function requestIdOfNextLogger() {
    const child = vi.spyOn(appLogger, "child");
    const log = await requestLogger();
    return { bindings: child.mock.calls[0]?.[0], isPlain: log === appLogger };
  }

  it("carries the request id that proxy.ts set", async () => {
    requestScope.headers = new Headers({ "x-request-id": "req-12345678" });
    expect(await requestIdOfNextLogger()).toEqual({ bindings: { requestId: "req-12345678" }, isPlain: false });
  });

  it("gives an API request (not behind proxy.ts) one id for all its lines, never a caller's unsafe one", async () => {
    requestScope.headers = new Headers({ "x-request-id": "bad id; injected" });
    const first = (await requestIdOfNextLogger()).bindings as { requestId: string };
    vi.restoreAllMocks();
    const second = (await requestIdOfNextLogger()).bindings as { requestId: string };
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.requestId).toBe(first.requestId);
  });

  it("is the plain logger outside a request, without an error", async () => {
    expect(await requestIdOfNextLogger()).toEqual({ bindings: undefined, isPlain: true });
  });
});

describe("logFailure", () => {
  async function logged(error: unknown) {
    const info = vi.spyOn(appLogger, "info").mockImplementation(() => undefined);
    const fail = vi.spyOn(appLogger, "error").mockImplementation(() => undefined);
    await logFailure(error, { operation: "action candidates:send", userId: "user_1" });
    return { info: info.mock.calls, error: fail.mock.calls };
  }

  it("logs an expected refusal (an AppError) as info, with its code", async () => {
    const refusal = await logged(new ForbiddenError("candidates:send"));
    expect(refusal.error).toEqual([]);
    expect(refusal.info).toEqual([
      [
        { operation: "action candidates:send", userId: "user_1", code: "forbidden", reason: "candidates:send" },
        "Refused",
      ],
    ]);
  });

  it("logs anything else as an unexpected error, with the error", async () => {
    const bug = new TypeError("x is undefined");
    const unexpected = await logged(bug);
    expect(unexpected.info).toEqual([]);
    expect(unexpected.error).toEqual([
      [{ operation: "action candidates:send", userId: "user_1", err: bug }, "Unexpected error"],
    ]);
  });
});
