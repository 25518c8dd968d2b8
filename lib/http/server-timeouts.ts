import diagnosticsChannel from "node:diagnostics_channel";
import type { Server } from "node:http";

// The HTTP servers of this process, as Node announces them on their first request (Next.js does
// not hand its server to the app), for two things:
// - headersTimeout above keepAliveTimeout: `next start --keepAliveTimeout` (scripts/lib/keep-alive.ts)
//   and the standalone server's KEEP_ALIVE_TIMEOUT set only the latter, and a load balancer's
//   reused connection must not be cut by the headers timer before the keep-alive one;
// - stopping accepting connections at the start of a shutdown (lib/shutdown.ts).
// No "server-only": instrumentation-node.ts switches it on.

const STATE = Symbol.for("handoff.httpServers");
type GlobalWithServers = typeof globalThis & { [STATE]?: Set<Server> };

/** headersTimeout one second above keepAliveTimeout, where it is not already above. */
export function alignHeadersTimeout(server: Pick<Server, "keepAliveTimeout" | "headersTimeout">) {
  if (server.headersTimeout <= server.keepAliveTimeout) server.headersTimeout = server.keepAliveTimeout + 1_000;
}

const IDLE_SWEEP_MS = 50;

export function watchHttpServers() {
  const global = globalThis as GlobalWithServers;
  if (global[STATE]) return;
  const servers = new Set<Server>();
  global[STATE] = servers;
  diagnosticsChannel.subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (servers.has(server)) return;
    servers.add(server);
    alignHeadersTimeout(server);
  });
}

/**
 * Stops accepting new connections now and ends kept-alive ones as they fall idle; a later
 * server.close() (Next.js's, at the end of the shutdown) waits for the same end instead of failing
 * on a server that is no longer listening.
 *
 * server.close() closes only the connections idle at that moment: one busy with a request stays
 * kept alive and goes on taking requests afterwards (a load balancer's pool would never notice the
 * shutdown). So every response from now on says `Connection: close`, and connections that finish
 * a response begun earlier are closed as they fall idle.
 */
export function stopAccepting() {
  for (const server of (globalThis as GlobalWithServers)[STATE] ?? []) {
    if (!server.listening) continue;
    const closed = new Promise<Error | undefined>((resolve) => server.close(resolve));
    server.on("request", (_request, response) => response.setHeader("Connection", "close"));
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
    void closed.then(() => clearInterval(sweep));
    server.close = ((callback?: (error?: Error) => void) => {
      void closed.then(() => callback?.());
      return server;
    }) as Server["close"];
  }
}
