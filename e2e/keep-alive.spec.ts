import net from "node:net";

import { DATABASE_INDEPENDENT, expect, test } from "./fixtures";

// The server, not the client, ends an idle kept-alive connection, and only after the clients' and
// proxies' own idle limits (scripts/lib/keep-alive.ts): with Node's default 5 s, a busy client's
// next POST went out on a socket the server had just closed and failed with ECONNRESET.
test.describe("kept-alive connections", DATABASE_INDEPENDENT, () => {
  test("the app announces 65 s", async ({ request }) => {
    const response = await request.get("/sign-in");
    expect(response.headers()["connection"]).toBe("keep-alive");
    expect(response.headers()["keep-alive"]).toBe("timeout=65");
  });

  test("an idle connection is still open after Node's default 5 s", async ({ baseURL }) => {
    const { hostname, port } = new URL(baseURL!);
    const socket = net.connect(Number(port), hostname);
    try {
      let closedByServer = false;
      socket.on("end", () => (closedByServer = true));
      const firstResponse = new Promise<void>((resolve) =>
        socket.on("data", (chunk: Buffer) => chunk.toString().includes("\r\n\r\n") && resolve()),
      );
      socket.write(`GET /sign-in HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
      await firstResponse;
      // Node closes after its timeout and a second of grace: 7 s idle is past both with the default.
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      expect(closedByServer).toBe(false);
    } finally {
      socket.destroy();
    }
  });
});
