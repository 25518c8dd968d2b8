import "server-only";

import { headers } from "next/headers";

// The app's origin as the admin reached it (behind a proxy: the forwarded host and scheme), to
// show the full endpoint URL the ATS must call.
export async function getEndpointBase() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0]!.trim()}://${host}`;
}
