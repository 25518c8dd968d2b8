import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native modules are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  poweredByHeader: false,
  // forbidden(): a signed-in person without the permission gets the "no access" page with
  // status 403 (app/(app)/forbidden.tsx) rather than a 404 that hides why.
  experimental: { authInterrupts: true },
  // A self-contained server (server.js and only the node_modules it needs) for the container image:
  // built when scripts/image.ts builds the image, and by npm test, which checks the image's steps on
  // the build its E2E tests use. Only then: `next start` (npm start) serves a standalone build but
  // warns on every start that it should not.
  output: process.env.HANDOFF_STANDALONE_BUILD === "1" ? "standalone" : undefined,
  // The Content-Security-Policy is set per request with a nonce in proxy.ts; these apply everywhere.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          // Links out (the badge to Personio) carry no path or query of ours.
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  // `npm test` type-checks the whole project (tsc) before building; no need to do it twice.
  typescript: { ignoreBuildErrors: true },
};

// next-intl's plugin points its imports at lib/i18n/request.ts, a bundler alias that only the
// build and the dev server use. `next start` loads this file too, and the plugin would load
// @swc/core (for its message extractor) into the production server's memory for nothing.
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
