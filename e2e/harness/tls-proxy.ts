import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";

// An https front for an app process, as a load balancer would be: TLS with a certificate made
// for this test run (self-signed, for localhost and 127.0.0.1), requests passed on over plain
// http with X-Forwarded-Proto: https. Needs the openssl command (Debian's openssl package).
export type TlsProxy = { url: string; certificate: string; close: () => Promise<void> };

function makeCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-tls-"));
  try {
    const keyFile = path.join(dir, "key.pem");
    const certFile = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
      ],
      { stdio: "pipe" },
    );
    return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
  } catch (error) {
    throw new Error(
      `Could not make a test certificate with openssl (install Debian's openssl package): ${String(error)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startTlsProxy(options: { port: number; target: string }): Promise<TlsProxy> {
  const { key, cert } = makeCertificate();
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
