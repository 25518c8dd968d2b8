// Every request gets an id (proxy.ts) that the log lines written for it carry, so one request's
// lines can be found together. A caller's own X-Request-Id (a load balancer's) is kept when it is
// a plain token, so our lines match theirs; anything else could inject text into the log.
export const REQUEST_ID_HEADER = "x-request-id";

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(incoming: string | null): string {
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
