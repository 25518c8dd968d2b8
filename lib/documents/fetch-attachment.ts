import "server-only";

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import type { Readable } from "node:stream";

import { env } from "@/lib/env";

import { MAX_DOCUMENT_BYTES } from "./limits";

// Fetches a file an ATS links in a webhook (Greenhouse's attachments: short-lived signed URLs).
// The URL comes from outside, so the fetch must not become a way into the app's own network:
// https only; every address the host resolves to is checked when the connection is made (the
// check is the socket's own DNS lookup, so a name cannot resolve to a public address for the
// check and a private one for the connection); loopback, private, link-local, carrier-grade NAT,
// multicast and the cloud metadata address are refused unless ATTACHMENT_FETCH_ALLOWED_HOSTS
// names the host (tests name their local server; plain http is then allowed for it too);
// at most MAX_REDIRECTS redirects, each checked again; the body is capped at Personio's 30 MB.

export const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 30_000;

export type FetchRefusal =
  "invalid_url" | "not_https" | "private_address" | "too_many_redirects" | "too_large" | "http_error" | "unreachable";

export class AttachmentFetchError extends Error {
  constructor(
    readonly reason: FetchRefusal,
    readonly host: string,
  ) {
    super(`Attachment fetch refused: ${reason}`);
    this.name = "AttachmentFetchError";
  }
}

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, with the cloud metadata address 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local, with AWS's IPv6 metadata address fd00:ec2::254
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  BLOCKED.addSubnet(network, prefix, "ipv6");

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, "ipv4");
  return BLOCKED.check(address, "ipv6");
}

export function allowedHosts(): Set<string> {
  return new Set(
    env.ATTACHMENT_FETCH_ALLOWED_HOSTS.split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );
}

function isAllowListed(url: URL, allowed: Set<string>) {
  return allowed.has(url.host.toLowerCase()) || allowed.has(url.hostname.toLowerCase());
}

/** A lookup that refuses blocked addresses: used by the socket itself, so what is checked is what is connected to. */
function guardedLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      if (list.length === 0 || list.some((entry) => isBlockedAddress(entry.address))) {
        return callback(new AttachmentFetchError("private_address", host), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export type FetchedAttachment = { body: Readable; host: string };

/** Opens the attachment's body as a stream (the caller stores it through lib/documents/storage.ts). */
export async function fetchAttachment(rawUrl: string, signal?: AbortSignal): Promise<FetchedAttachment> {
  const allowed = allowedHosts();
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new AttachmentFetchError("invalid_url", "");
  }
  for (let redirects = 0; ; redirects += 1) {
    const response = await request(url, allowed, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (redirects >= MAX_REDIRECTS) throw new AttachmentFetchError("too_many_redirects", url.host);
      try {
        url = new URL(response.headers.location, url);
      } catch {
        throw new AttachmentFetchError("invalid_url", url.host);
      }
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new AttachmentFetchError("http_error", url.host);
    }
    if (Number(response.headers["content-length"] ?? 0) > MAX_DOCUMENT_BYTES) {
      response.destroy();
      throw new AttachmentFetchError("too_large", url.host);
    }
    return { body: response, host: url.host };
  }
}

function request(url: URL, allowed: Set<string>, signal?: AbortSignal): Promise<http.IncomingMessage> {
  const listed = isAllowListed(url, allowed);
  if (url.protocol !== "https:" && !(listed && url.protocol === "http:")) {
    return Promise.reject(new AttachmentFetchError("not_https", url.host));
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!listed && isIP(literal) && isBlockedAddress(literal)) {
    return Promise.reject(new AttachmentFetchError("private_address", url.host));
  }
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.get(url, {
      timeout: TIMEOUT_MS,
      signal,
      // No credentials of any kind travel with it; the URL's own signature is all it needs.
      headers: { accept: "*/*", "user-agent": "Handoff attachment fetch" },
      ...(listed ? {} : { lookup: guardedLookup(url.host) }),
    });
    req.on("response", resolve);
    req.on("timeout", () => req.destroy(new AttachmentFetchError("unreachable", url.host)));
    req.on("error", (error) =>
      reject(error instanceof AttachmentFetchError ? error : new AttachmentFetchError("unreachable", url.host)),
    );
  });
}
