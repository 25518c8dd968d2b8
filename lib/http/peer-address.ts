import "server-only";

import { randomBytes, timingSafeEqual } from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// The address of the connection a request came in on. Next.js hands pages and route handlers a
// copy of the request's headers, never the socket, and only fills X-Forwarded-For from the socket
// when the client did not send one itself. So, the moment Node receives a request (before Next.js
// sees it), the socket's address is written into a header of our own, together with a token only
// this process knows: a client that sends the header itself is overwritten, and a request that
// arrived before this was switched on carries no valid token and counts as "address unknown".
// Switched on from instrumentation.ts when the server starts.

export const PEER_ADDRESS_HEADER = "x-handoff-peer-address";

const STATE = Symbol.for("handoff.peerAddress");
type State = { token: Buffer; onRequest: (message: unknown) => void };
type GlobalWithState = typeof globalThis & { [STATE]?: State };

export function recordPeerAddresses() {
  const global = globalThis as GlobalWithState;
  if (global[STATE]) return;
  const token = randomBytes(18);
  const tokenText = token.toString("base64url");
  const onRequest = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = socket.remoteAddress;
    if (address) request.headers[PEER_ADDRESS_HEADER] = `${tokenText} ${address}`;
    else delete request.headers[PEER_ADDRESS_HEADER];
  };
  // Published synchronously for every request of every http(s) server in this process, before
  // its "request" event (Node's documented built-in channel).
  diagnosticsChannel.subscribe("http.server.request.start", onRequest);
  global[STATE] = { token, onRequest };
}

/** The connection's address from the header written above, or null if it is missing or forged. */
export function peerAddressFromHeader(value: string | null | undefined): string | null {
  const state = (globalThis as GlobalWithState)[STATE];
  if (!state || !value) return null;
  const [tokenText, address] = value.split(" ");
  if (!tokenText || !address) return null;
  const token = Buffer.from(tokenText, "base64url");
  if (token.length !== state.token.length || !timingSafeEqual(token, state.token)) return null;
  return address;
}
