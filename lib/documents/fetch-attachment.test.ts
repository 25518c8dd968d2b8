import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const allowed = vi.hoisted(() => ({ hosts: "" }));
vi.mock("@/lib/env", () => ({
  env: {
    get ATTACHMENT_FETCH_ALLOWED_HOSTS() {
      return allowed.hosts;
    },
  },
}));

const { fetchAttachment, isBlockedAddress } = await import("./fetch-attachment");

// A local file host: redirect chains of any length, and a file.
let server: http.Server;
let origin = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const hops = /^\/hop\/(\d+)$/.exec(req.url ?? "");
    if (hops) {
      const left = Number(hops[1]);
      return res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : "/file" }).end();
    }
    if (req.url === "/file") return res.writeHead(200).end("%PDF-1.4 test");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function refusal(url: string) {
  try {
    const { body } = await fetchAttachment(url);
    body.destroy();
    return null;
  } catch (error) {
    return (error as { reason?: string }).reason ?? String(error);
  }
}

describe("fetching an ATS attachment", () => {
  it("tells the app's own network from the internet", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1"])
      expect(isBlockedAddress(address), address).toBe(true);
    for (const address of ["::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::"])
      expect(isBlockedAddress(address), address).toBe(true);
    for (const address of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"])
      expect(isBlockedAddress(address), address).toBe(false);
  });

  it("refuses plain http, private and metadata addresses, and names that resolve to loopback", async () => {
    allowed.hosts = "";
    expect(await refusal(`http://example.com/cv.pdf`)).toBe("not_https");
    expect(await refusal(`https://169.254.169.254/latest/meta-data/`)).toBe("private_address");
    expect(await refusal(`https://[::1]/cv.pdf`)).toBe("private_address");
    // "localhost" is a name: refused by the lookup the socket itself makes.
    expect(await refusal(`https://localhost:1/cv.pdf`)).toBe("private_address");
    expect(await refusal(`http://${origin}/file`)).toBe("not_https");
  });

  it("fetches from a host on the allow-list, following at most three redirects", async () => {
    allowed.hosts = origin;
    expect(await refusal(`http://${origin}/hop/2`)).toBeNull(); // 3 redirects
    expect(await refusal(`http://${origin}/hop/3`)).toBe("too_many_redirects"); // 4
    expect(await refusal(`http://${origin}/missing`)).toBe("http_error");
  });
});
