import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

import { handleAdmin } from "./admin-routes";
import { handleApi } from "./api-routes";
import { generateCredential } from "./credentials";
import { createEmployee } from "./employees";
import { holdsCleared, statusFault, takeFaults } from "./faults";
import { matchApiEndpoint, v1Error, type SandboxRequest, type SandboxResponse } from "./http-types";
import { checkRateLimit, rateLimitHeaders } from "./rate-limit";
import { createState, type CredentialInput, type SandboxState } from "./state";
import { handleWebPage } from "./web-pages";

export type SandboxSeedEmployee = { firstName: string; lastName: string; email: string; position?: string };

export type PersonioSandboxOptions = {
  port?: number;
  host?: string;
  credentials?: CredentialInput[];
  employees?: SandboxSeedEmployee[];
  /** Silence per-request errors (tests). */
  quiet?: boolean;
};

export type PersonioSandbox = {
  url: string;
  port: number;
  state: SandboxState;
  reset(): void;
  close(): Promise<void>;
};

const MAX_LOGGED_REQUESTS = 2000;

/** Starts the Personio stand-in. Port 0 picks a free port; the returned url has no trailing slash. */
export async function startPersonioSandbox(options: PersonioSandboxOptions = {}): Promise<PersonioSandbox> {
  const state = createState();
  const reset = () => {
    Object.assign(state, createState());
    for (const credential of options.credentials ?? []) generateCredential(state, credential);
    for (const employee of options.employees ?? []) {
      const { department, office } = employee as { department?: string; office?: string };
      createEmployee(
        state,
        {
          email: employee.email,
          first_name: employee.firstName,
          last_name: employee.lastName,
          position: employee.position,
          department,
          office,
        },
        [],
        { seed: true },
      );
    }
  };
  reset();

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(state, reset, req, res).catch((error: unknown) => {
      if (!options.quiet) console.error("[personio-sandbox]", error);
      if (!res.headersSent) send(res, v1Error(500, "Something went wrong", 500));
    });
  });
  // Idle keep-alive sockets stay open longer than any pause in a test: with Node's default 5 s, a
  // test that blocks the event loop for longer (the contract check compiling Personio's files) finds
  // its pooled socket closed under it and the next request fails with ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    state,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        // Hung-connection faults keep sockets open on purpose; end them so close() returns.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  state: SandboxState,
  reset: () => void,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const request = await readRequest(req);
  if (request.path.startsWith("/__sandbox/") || request.path === "/__sandbox") {
    return send(res, handleAdmin({ state, reset }, request));
  }
  const match = matchApiEndpoint(request.method, request.path);
  if (!match) {
    const page = handleWebPage(state, request);
    return send(res, page ?? v1Error(404, "Not Found", 404));
  }
  const { endpoint, id, subId } = match;
  state.counters.set(endpoint, (state.counters.get(endpoint) ?? 0) + 1);
  const exchange = {
    at: Date.now(),
    endpoint,
    method: request.method,
    path: request.path,
    query: queryObject(request.query),
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
    contentType: request.contentType,
    body: request.body,
  } as SandboxState["requests"][number];
  if (state.requests.length < MAX_LOGGED_REQUESTS) state.requests.push(exchange);

  const faults = takeFaults(state, endpoint);
  if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
  await holdsCleared(state, faults.holds);
  if (faults.terminal?.kind === "hang") return; // never answer; the client's timeout must fire
  if (faults.terminal?.kind === "reset") return void req.socket.destroy();
  let response: SandboxResponse;
  if (faults.terminal?.kind === "status") {
    response = statusFault(faults.terminal);
  } else {
    const limit = checkRateLimit(state, endpoint);
    response = limit.allowed
      ? handleApi(state, endpoint, id, request, subId)
      : rateLimited(state, limit.retryAfterSeconds);
  }
  const budgetHeaders = rateLimitHeaders(state, endpoint, state.behaviour.rateLimitHeaders);
  if (Object.keys(budgetHeaders).length) response = { ...response, headers: { ...response.headers, ...budgetHeaders } };
  exchange.status = response.status;
  exchange.responseBody = response.json;
  // The request was fully processed (e.g. the employee exists) but the answer is lost on the way.
  if (faults.terminal?.kind === "lose-response") return void req.socket.destroy();
  if (faults.terminal?.kind === "hang-after-processing") return;
  send(res, response);
}

export function rateLimited(state: SandboxState, retryAfterSeconds: number): SandboxResponse {
  const headers: Record<string, string> = state.behaviour.retryAfterOn429
    ? { "retry-after": String(retryAfterSeconds) }
    : {};
  return { ...v1Error(429, "Too Many Requests", 429), headers };
}

async function readRequest(req: IncomingMessage): Promise<SandboxRequest> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
  const request: SandboxRequest = {
    method: (req.method ?? "GET").toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    contentType,
    body: undefined,
    files: {},
  };
  if (raw.length === 0) return request;
  if (contentType.startsWith("application/json")) {
    try {
      request.body = JSON.parse(raw.toString("utf8"));
    } catch {
      request.body = undefined;
    }
  } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
    request.body = formObject(new URLSearchParams(raw.toString("utf8")));
  } else if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, {
      headers: { "content-type": String(req.headers["content-type"]) },
    }).formData();
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") fields[key] = value;
      else request.files[key] = { name: value.name, size: value.size };
    }
    request.body = {
      ...fields,
      ...Object.fromEntries(Object.entries(request.files).map(([k, f]) => [k, `<file ${f.name}>`])),
    };
  }
  return request;
}

function formObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return result;
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  return formObject(params);
}

function send(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload = "";
  if (response.html !== undefined) {
    headers["content-type"] ??= "text/html; charset=utf-8";
    payload = response.html;
  } else if (response.json !== undefined) {
    headers["content-type"] ??= "application/json";
    payload = JSON.stringify(response.json);
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
