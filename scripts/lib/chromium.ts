import fs from "node:fs";

// Debian's Chromium where it exists (these machines cannot download Playwright's browser);
// undefined elsewhere, so Playwright uses its own.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumExecutablePath(): string | undefined {
  return fs.existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined;
}

// Headless as root, and quiet on a closed network (without these Chromium keeps trying to reach
// Google's services and floods the machine's refused connections).
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];
