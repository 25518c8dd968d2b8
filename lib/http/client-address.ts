import "server-only";

import { isIP } from "node:net";

import { PEER_ADDRESS_HEADER, peerAddressFromHeader } from "@/lib/http/peer-address";

// Who is on the other end of a request, for limits and the audit log. With no trusted proxy
// (TRUSTED_PROXY_HOPS=0, the default) it is the connection's own address and X-Forwarded-For is
// ignored: anyone can write that header. Behind N proxies that each append the address they
// received from to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), the client is the entry
// N places from the right of "X-Forwarded-For, connection address": entries further left were
// written by whoever sent the request and are not believed.

type HeaderSource = Headers | Record<string, unknown>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string").join(", ");
  return null;
}

/** An address as written by Node or a proxy, without an IPv4-mapped prefix, brackets or a port. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return address.toLowerCase().slice(0, 64);
}

export function clientAddress(headers: HeaderSource, trustedProxyHops: number): string | null {
  const peer = peerAddressFromHeader(header(headers, PEER_ADDRESS_HEADER));
  if (!peer) return null;
  if (trustedProxyHops <= 0) return normaliseAddress(peer);
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!);
}

function expandIPv6(address: string): number[] | null {
  let text = address;
  // A trailing dotted IPv4 part ("::ffff:1.2.3.4", "64:ff9b::1.2.3.4") becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}

/**
 * The key an address is limited under. An IPv6 client usually has a whole /64 to pick addresses
 * from, so that prefix counts as one client; IPv4 addresses count one by one.
 */
export function addressLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const groups = expandIPv6(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
