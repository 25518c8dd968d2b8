import fs from "node:fs";

import type { APIRequestContext } from "@playwright/test";

type ManifestEntry = { filename: string; exportedName: string };

// Calls a server action the way the browser does (POST with a Next-Action header), but with
// any input and from any session: the server must refuse what the UI would never offer.
export async function callServerAction(
  request: APIRequestContext,
  options: { exportedName: string; path: string; input: unknown },
): Promise<{ status: number; result: unknown; body: string }> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const actionId = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === options.exportedName)?.[0];
  if (!actionId) throw new Error(`No server action named ${options.exportedName} in the build`);

  const response = await request.post(options.path, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([options.input]),
  });
  const body = await response.text();
  // The RSC payload's row 1 holds the action's return value.
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  return { status: response.status(), result: row ? (JSON.parse(row.slice(2)) as unknown) : undefined, body };
}
