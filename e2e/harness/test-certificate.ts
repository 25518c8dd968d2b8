import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A self-signed certificate made for one test run, valid for a day, for the names given (DNS
// names and IP addresses). Whoever trusts it (as its own CA) trusts exactly these names. Needs
// the openssl command (Debian's openssl package).
export function makeTestCertificate(names: { dns: string[]; ip?: string[] }): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handoff-tls-"));
  const subjectAltName = [...names.dns.map((name) => `DNS:${name}`), ...(names.ip ?? []).map((ip) => `IP:${ip}`)];
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
        `/CN=${names.dns[0] ?? names.ip?.[0]}`,
        "-addext",
        `subjectAltName=${subjectAltName.join(",")}`,
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
