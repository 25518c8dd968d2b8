import "server-only";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";

type RequestHeaders = Awaited<ReturnType<typeof headers>>;

/**
 * The current request's headers, or null where there is no request: unit tests, the background
 * import, the start-up check. Code that runs in both (the logger, the audit of a refusal) reads
 * them through this instead of letting headers() throw.
 */
export async function requestHeaders(): Promise<RequestHeaders | null> {
  try {
    return await headers();
  } catch (error) {
    // While a page is prerendered, headers() throws to mark the page dynamic; Next.js must see that.
    unstable_rethrow(error);
    return null;
  }
}
