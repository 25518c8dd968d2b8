import { describe, expect, it } from "vitest";

import { negotiateLocale } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it("takes the person's own choice over the browser", () => {
    expect(negotiateLocale({ chosen: "de", acceptLanguage: "en-US,en;q=0.9", fallback: "en" })).toBe("de");
    expect(negotiateLocale({ chosen: "en", acceptLanguage: "de-DE", fallback: "de" })).toBe("en");
  });

  it("ignores a choice that is not one of ours", () => {
    expect(negotiateLocale({ chosen: "fr", acceptLanguage: "de-AT", fallback: "en" })).toBe("de");
  });

  it.each([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["de-CH", "de"],
    ["en-GB,en;q=0.9,de;q=0.8", "en"],
    // Quality values decide, not the order written.
    ["en;q=0.5,de;q=0.9", "de"],
    // A language we do not offer is passed over for the next one the browser accepts.
    ["fr-FR,fr;q=0.9,de;q=0.7", "de"],
  ])("follows Accept-Language %s → %s", (header, expected) => {
    expect(negotiateLocale({ chosen: null, acceptLanguage: header, fallback: "en" })).toBe(expected);
  });

  it.each([null, "", "*", "fr-FR,es;q=0.5", "not a language tag!!"])(
    "falls back to DEFAULT_LOCALE for %j",
    (header) => {
      expect(negotiateLocale({ chosen: undefined, acceptLanguage: header, fallback: "de" })).toBe("de");
      expect(negotiateLocale({ chosen: undefined, acceptLanguage: header, fallback: "en" })).toBe("en");
    },
  );
});
