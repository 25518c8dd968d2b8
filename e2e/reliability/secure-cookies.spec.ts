import { chromium } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumExecutablePath } from "@/scripts/lib/chromium";
import { freePort } from "@/scripts/lib/free-port";

import { createTestUser, DATABASE_INDEPENDENT, expect, test, TEST_PASSWORD } from "../fixtures";
import { startAppCluster } from "../harness/app-cluster";
import { startTlsProxy } from "../harness/tls-proxy";

test(
  "behind https (NEXTAUTH_URL https): Secure, prefixed cookies and Strict-Transport-Security, in a real browser over TLS",
  DATABASE_INDEPENDENT,
  async () => {
    // The https address must be known before the app starts: it is the app's NEXTAUTH_URL.
    const port = await freePort();
    const publicUrl = `https://127.0.0.1:${port}`;
    const cluster = await startAppCluster({
      name: "reliability-cookies",
      instances: 1,
      env: { NEXTAUTH_URL: publicUrl },
    });
    const proxy = await startTlsProxy({ port, target: cluster.apps[0]!.url });
    const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
    try {
      const user = await createTestUser("recruiter", { client: cluster.db });
      // The certificate was made by this test; the browser is told to accept it.
      const context = await browser.newContext({ baseURL: proxy.url, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const setCookies: string[] = [];
      const reading: Array<Promise<void>> = [];
      page.on("response", (response) => {
        reading.push(
          response.headersArray().then(
            (headers) => {
              for (const header of headers)
                if (header.name.toLowerCase() === "set-cookie") setCookies.push(header.value);
            },
            // A late response (a prefetch) may still be read while the context closes.
            () => undefined,
          ),
        );
      });

      const signInPage = await page.goto("/sign-in");
      expect(signInPage!.url()).toBe(`${publicUrl}/sign-in`);
      expect(signInPage!.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Signing in worked: the browser kept the Secure cookies over https and sends them back.
      await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
      const candidates = await page.reload();
      expect(candidates!.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");

      const cookies = await context.cookies();
      const byName = new Map(cookies.map((cookie) => [cookie.name, cookie]));
      const authCookies = cookies.filter((cookie) => cookie.name.includes("next-auth"));
      expect(authCookies.map((cookie) => cookie.name).sort()).toEqual([
        "__Host-next-auth.csrf-token",
        "__Secure-next-auth.callback-url",
        "__Secure-next-auth.session-token",
      ]);
      // Every cookie is Secure; the sign-in cookies are also out of scripts' reach. (The sign-in
      // page's script writes the browser's time zone into a cookie of its own: Secure, not secret.)
      expect([...byName.keys()].sort()).toEqual(
        [...authCookies.map((cookie) => cookie.name), "handoff-time-zone"].sort(),
      );
      for (const cookie of cookies) {
        expect(cookie.secure, cookie.name).toBe(true);
        expect(cookie.sameSite, cookie.name).toBe("Lax");
      }
      for (const cookie of authCookies) expect(cookie.httpOnly, cookie.name).toBe(true);
      // __Host-: no Domain and Path=/, so no other host or path can set or read it.
      expect(byName.get("__Host-next-auth.csrf-token")).toMatchObject({ domain: "127.0.0.1", path: "/" });
      await Promise.all(reading);
      expect(setCookies.length).toBeGreaterThan(0);
      for (const header of setCookies) expect(header).toMatch(/^__(Host|Secure)-next-auth\.[^=]+=[^;]*;.*; Secure/);
      console.log(
        `https front with a test certificate: ${cookies.length} cookies, all Secure + HttpOnly + SameSite=Lax with __Host-/__Secure- names; HSTS on every page`,
      );
      await context.close();
    } finally {
      await browser.close();
      await proxy.close();
      await cluster.stop();
    }
  },
);
