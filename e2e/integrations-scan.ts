import { expect, test, type Page, type Response } from "@playwright/test";

// Helpers for the secret scan in integrations-credentials.exclusive.spec.ts: collect every response
// the app sends a browser (HTML, RSC payloads, server action results, headers) and crawl the pages
// a user can reach.

export const SECRET_SCAN_LIMITS = { maxPages: 40, perPattern: 2, minimumPages: 8 };

function appOrigin() {
  return new URL(test.info().project.use.baseURL!).origin;
}

export type ResponseCollector = { add: (body: string) => void; stop: () => Promise<string[]> };

/** Records the body and headers of every response from the app to this page until `stop()`. */
export function collectResponses(page: Page): ResponseCollector {
  const origin = appOrigin();
  const pending: Array<Promise<string>> = [];
  const onResponse = (response: Response) => {
    if (new URL(response.url()).origin !== origin) return;
    pending.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        // Redirects and aborted requests have no body; their headers still count.
        const body = await response.text().catch(() => "");
        return `${response.url()}\n${headers}\n${body}`;
      })(),
    );
  };
  page.on("response", onResponse);
  const extra: string[] = [];
  return {
    add: (body) => extra.push(body),
    stop: async () => {
      page.off("response", onResponse);
      return [...(await Promise.all(pending)), ...extra];
    },
  };
}

// "/candidates/cmabc123…" and "/candidates/cmxyz…" are the same page to the scan.
function pattern(path: string) {
  const url = new URL(path, "http://x");
  const keys = [...url.searchParams.keys()].sort().join("&");
  return `${url.pathname.replace(/\/[a-z0-9]{20,}(?=\/|$)/g, "/:id")}?${keys}`;
}

/**
 * Visits the given paths and every same-origin page linked from them (breadth first, a few of
 * each kind), and fetches each one's RSC payload too. Returns the paths visited.
 */
export async function visitAll(page: Page, startPaths: string[], collector?: ResponseCollector): Promise<string[]> {
  const origin = appOrigin();
  const queue = [...startPaths];
  const seen = new Set<string>();
  const perPattern = new Map<string, number>();
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < SECRET_SCAN_LIMITS.maxPages) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const isStart = startPaths.includes(path);
    const count = perPattern.get(pattern(path)) ?? 0;
    if (!isStart && count >= SECRET_SCAN_LIMITS.perPattern) continue;
    perPattern.set(pattern(path), count + 1);

    const response = await page.goto(path);
    expect(response?.status() ?? 0, `${path} answered`).toBeLessThan(500);
    visited.push(path);
    const rsc = await page.request.get(path, { headers: { RSC: "1" } });
    collector?.add(`${path} (RSC)\n${await rsc.text()}`);

    const links = await page.locator("a[href]").evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        href: (anchor as HTMLAnchorElement).href,
        download: anchor.hasAttribute("download"),
      })),
    );
    for (const { href, download } of links) {
      const url = new URL(href);
      if (url.origin !== origin || url.pathname.startsWith("/api/")) continue;
      const next = url.pathname + url.search;
      if (seen.has(next)) continue;
      if (download) {
        // A file (the audit log's CSV export): not a page to open, but what it holds is scanned too.
        seen.add(next);
        const file = await page.request.get(next);
        expect(file.status(), `${next} answered`).toBeLessThan(500);
        collector?.add(`${next} (download)\n${JSON.stringify(file.headers())}\n${await file.text()}`);
      } else {
        queue.push(next);
      }
    }
  }
  return visited;
}
