import path from "node:path";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // "server-only" throws outside a React Server environment; tests run server code directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "e2e/support/server-only-stub.ts") },
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
