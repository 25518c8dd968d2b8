import { DATABASE_INDEPENDENT, expect, test } from "./fixtures";

// The server, not the client, ends an idle kept-alive connection, and only after the clients' and
// proxies' own idle limits (scripts/lib/keep-alive.ts): with Node's default 5 s, a busy client's
// next POST went out on a socket the server had just closed and failed with ECONNRESET.
test("the app keeps idle connections open for 65 s and says so", DATABASE_INDEPENDENT, async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.headers()["connection"]).toBe("keep-alive");
  expect(response.headers()["keep-alive"]).toBe("timeout=65");
});
