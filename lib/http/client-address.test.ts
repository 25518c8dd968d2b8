import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addressLimitKey, clientAddress, normaliseAddress } from "@/lib/http/client-address";
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from "@/lib/http/peer-address";

// A real server in this process: the headers a request arrives with, after the peer address
// was recorded, as Next.js would pass them on.
let server: http.Server;
let url: string;

beforeAll(async () => {
  recordPeerAddresses();
  server = http.createServer((request, response) => response.end(JSON.stringify(request.headers)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function headersAsReceived(sent: Record<string, string> = {}): Promise<Record<string, string>> {
  return (await (await fetch(url, { headers: sent })).json()) as Record<string, string>;
}

describe("clientAddress", () => {
  it("with no trusted proxy, is the connection's address whatever X-Forwarded-For says", async () => {
    const received = await headersAsReceived({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" });
    expect(clientAddress(received, 0)).toBe("127.0.0.1");
  });

  it("ignores a peer-address header the client wrote itself", async () => {
    const received = await headersAsReceived({ [PEER_ADDRESS_HEADER]: "forged 203.0.113.9" });
    expect(received[PEER_ADDRESS_HEADER]).not.toContain("203.0.113.9");
    expect(clientAddress(received, 0)).toBe("127.0.0.1");
    // Headers that never passed through this process's server (or carry another token) give nothing.
    expect(clientAddress({ [PEER_ADDRESS_HEADER]: "forged 203.0.113.9" }, 0)).toBeNull();
    expect(clientAddress(new Headers(), 0)).toBeNull();
  });

  it("behind trusted proxies, takes the entry that many places from the right", async () => {
    // What a client sent, then what one proxy appended (the address it saw).
    const received = await headersAsReceived({ "x-forwarded-for": "10.6.6.6, 198.51.100.7" });
    expect(clientAddress(received, 1)).toBe("198.51.100.7");
    expect(clientAddress(received, 2)).toBe("10.6.6.6");
    // More hops than entries: the farthest address known.
    expect(clientAddress(received, 5)).toBe("10.6.6.6");
    expect(clientAddress(new Headers(received), 1)).toBe("198.51.100.7");
  });
});

describe("address forms", () => {
  it("normalises what Node and proxies write", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress(" 192.0.2.1:4711 ")).toBe("192.0.2.1");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8::1");
  });

  it("limits IPv6 clients by their /64, IPv4 by address", () => {
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(addressLimitKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(addressLimitKey("192.0.2.1")).toBe("192.0.2.1");
  });
});
