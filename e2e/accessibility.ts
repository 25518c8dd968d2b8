import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.1 A and AA, as axe-core tags them (2.0's rules are tagged wcag2a/wcag2aa only).
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core on the page as it is now and fails with every violation spelled out: the rule,
 * its help text and the elements it found. Call it once the page has rendered what it shows.
 */
export async function expectAccessible(page: Page, context = page.url()) {
  const results = await new AxeBuilder({ page })
    .options({
      runOnly: { type: "tag", values: WCAG_21_AA },
      // axe marks its WCAG 2.5.3 check (a control's name contains its visible text) experimental
      // and leaves it out unless asked; issue 24 found exactly that fault, so it runs too.
      rules: { "label-content-name-mismatch": { enabled: true } },
    })
    // Run in the page itself: the default mode opens a blank page per run for axe's last step
    // (for cross-origin frames, which this app has none of), which cost about 1.5 s per page on
    // CI's two cores, a third of the walk.
    .setLegacyMode(true)
    .analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
  }));
  expect(violations, `axe-core violations on ${context}`).toEqual([]);
}
