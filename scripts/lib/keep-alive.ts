// How long `next start` keeps an idle kept-alive connection open (Node's default is 5 s).
//
// A client that keeps connections alive reuses an idle one for its next request. When the server
// closes that connection at the same moment, the request is written to a socket that is already
// gone and fails with ECONNRESET ("socket hang up"); a POST (a server action) is not retried. Node's
// http.Agent without a timeout of its own (Playwright's request client, many proxies' upstream pools)
// keeps idle sockets indefinitely and only drops one when it has read the server's close, which a
// busy client reads late. So the server must be the side that waits longer: longer than the
// 60 s idle timeout of common load balancers and proxies, and than any pause in a test.
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** `next start` arguments (`next dev` has no such option); a later --keepAliveTimeout wins. */
export function keepAliveArgs(): string[] {
  return ["--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)];
}
