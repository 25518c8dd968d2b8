// npm test: every check and test, on a fresh clone, with nothing installed by hand.
// Order: cheap and fast first, so a type error fails in seconds rather than after the build.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const BIN = "node_modules/.bin";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(title: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}

// Debian's Chromium (Playwright cannot download its own browser on offline machines);
// elsewhere, Playwright's browser is installed instead.
function ensureBrowser() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  if (process.platform === "linux" && fs.existsSync("/usr/bin/apt-get")) {
    const sudo = isRoot ? [] : ["sudo", "-n"];
    console.log("▶ Installing Chromium from Debian's packages");
    try {
      execFileSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(isRoot ? [] : ["apt-get"]), "update", "-qq"], { stdio: "inherit" });
      execFileSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(isRoot ? [] : ["apt-get"]), "install", "-y", "-qq", "chromium"], {
        stdio: "inherit",
        env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
      });
      if (fs.existsSync(chromiumPath)) return;
    } catch {
      console.log("Could not install Debian's Chromium; trying Playwright's own browser.");
    }
  }
  run("Install Playwright's Chromium", `${BIN}/playwright`, ["install", "chromium"]);
}

ensureBrowser();
run("Type check", `${BIN}/tsc`, ["--noEmit", "-p", "."]);
run("Unit and integration tests (vitest)", `${BIN}/vitest`, ["run"]);
run("Production build", `${BIN}/next`, ["build"]);
run("End-to-end tests (Playwright, Chromium)", `${BIN}/playwright`, ["test"]);
console.log("\nAll tests passed.");
