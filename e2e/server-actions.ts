import fs from "node:fs";

import type { APIRequestContext } from "@playwright/test";

// React's reply encoding (what the browser's action call sends) escapes strings that start
// with "$" and spells out values JSON cannot carry; without it the payload means something else.
function encodeLikeReact(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (value === undefined) return "$undefined";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "$NaN";
    if (value === Infinity) return "$Infinity";
    if (value === -Infinity) return "$-Infinity";
    if (Object.is(value, -0)) return "$-0";
    return value;
  }
  if (Array.isArray(value)) return value.map(encodeLikeReact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, encodeLikeReact(entry)]));
  }
  return value;
}

type ManifestEntry = { filename: string; exportedName: string };

// Calls a server action the way the browser does (POST with a Next-Action header), but with
// any input and from any session: the server must refuse what the UI would never offer.
export async function callServerAction(
  request: APIRequestContext,
  options: { exportedName: string; path: string; input: unknown },
): Promise<{ status: number; result: unknown; body: string; redirectedTo?: string }> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const actionId = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === options.exportedName)?.[0];
  if (!actionId) throw new Error(`No server action named ${options.exportedName} in the build`);

  const response = await request.post(options.path, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([encodeLikeReact(options.input)]),
  });
  const body = await response.text();
  // An action that calls redirect() answers 200 with the target in this header ("path;push")
  // and the target page's payload as the body: there is no return value to read then.
  const redirect = response.headers()["x-action-redirect"];
  if (redirect) return { status: response.status(), result: undefined, body, redirectedTo: redirect.split(";")[0] };
  // The RSC payload's row 1 holds the action's return value.
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  return { status: response.status(), result: row ? (JSON.parse(row.slice(2)) as unknown) : undefined, body };
}

/** A recruiter's Send to Personio for a candidate, with the candidate's own details and a position. */
export async function callSendToPersonio(
  context: APIRequestContext,
  candidate: { id: string; firstName: string; lastName: string; email: string },
): Promise<{ data?: { outcome: string; employee?: { id: number } }; serverError?: unknown }> {
  const { result } = await callServerAction(context, {
    exportedName: "sendToPersonioAction",
    path: `/candidates/${candidate.id}`,
    input: {
      candidateId: candidate.id,
      fields: {
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        email: candidate.email,
        position: "Engineer",
      },
    },
  });
  return result as { data?: { outcome: string; employee?: { id: number } }; serverError?: unknown };
}
