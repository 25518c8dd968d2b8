import http from "node:http";
import https from "node:https";

import { makeTestCertificate } from "./test-certificate";

// An https front for an app process, as a load balancer would be: TLS with a certificate made
// for this test run (self-signed, for localhost and 127.0.0.1), requests passed on over plain
// http with X-Forwarded-Proto: https.
export type TlsProxy = { url: string; certificate: string; close: () => Promise<void> };

export async function startTlsProxy(options: { port: number; target: string }): Promise<TlsProxy> {
  const { key, cert } = makeTestCertificate({ dns: ["localhost"], ip: ["127.0.0.1"] });
  const target = new URL(options.target);
  const server = https.createServer({ key, cert }, (request, response) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: {
          ...request.headers,
          "x-forwarded-proto": "https",
          "x-forwarded-for": request.socket.remoteAddress ?? "",
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return {
    url: `https://127.0.0.1:${options.port}`,
    certificate: cert,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
