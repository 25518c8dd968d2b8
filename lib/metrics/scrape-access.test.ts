import { describe, expect, it } from "vitest";

import { checkScrapeAccess } from "./scrape-access";

const TOKEN = "m".repeat(40);

describe("checkScrapeAccess", () => {
  it("is disabled without a configured token, whatever the request sends", () => {
    expect(checkScrapeAccess(`Bearer ${TOKEN}`, undefined)).toBe("disabled");
    expect(checkScrapeAccess(null, undefined)).toBe("disabled");
  });

  it("allows only the configured bearer token", () => {
    expect(checkScrapeAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    expect(checkScrapeAccess(`bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    expect(checkScrapeAccess(null, TOKEN)).toBe("refused");
    expect(checkScrapeAccess("Bearer ", TOKEN)).toBe("refused");
    expect(checkScrapeAccess(`Bearer ${TOKEN}x`, TOKEN)).toBe("refused");
    expect(checkScrapeAccess(`Basic ${TOKEN}`, TOKEN)).toBe("refused");
    expect(checkScrapeAccess(TOKEN, TOKEN)).toBe("refused");
  });
});
