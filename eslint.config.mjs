import { readdirSync } from "node:fs";
import path from "node:path";

import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const root = import.meta.dirname;

// minimatch reads ( ) [ ] and the like as pattern syntax; route folders are named with them.
const escapeGlob = (text) => text.replace(/[()[\]{}!*?+@|\\]/g, "\\$&");

// A route's _components are private to that route: the folder that holds _components and the
// routes nested in it (they render inside its layout and call its actions) may import them; any
// other route may not, sibling or parent alike. app/(app)/admin/integrations/ats/new/page.tsx may
// use ats/_components; app/(app)/to-send/review/ may not use candidates/[candidateId]/_components,
// nor may candidates/page.tsx. A component two routes use belongs in components/ (actions passed
// in as props). One zone per _components folder; its targets are the globs for "everything in
// app/ outside the owning route", one sibling pattern per level of the owner's path.
function privateComponentZones() {
  const owners = readdirSync(path.join(root, "app"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name === "_components")
    .map((entry) => path.relative(root, entry.parentPath).split(path.sep));
  return owners.map((segments) => {
    const outside = segments.slice(1).flatMap((segment, index) => {
      const other = `${escapeGlob(path.join(root, ...segments.slice(0, index + 1)))}/!(${escapeGlob(segment)})`;
      return [other, `${other}/**`];
    });
    const owner = segments.join("/");
    return {
      target: outside,
      from: `${escapeGlob(path.join(root, ...segments))}/_components/**`,
      message: `${owner}/_components belongs to that route and the routes inside it; a component two routes use lives in components/ (actions passed in as props).`,
    };
  });
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    ignores: [
      ".next/**",
      "generated/**",
      "node_modules/**",
      "data/**",
      "bench/results/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      // Unused values are allowed when their name says so (`_password` in a destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The layering (README "Project layout"). Shared components never reach into routes: a
    // component that calls a server action lives beside its route in app/…/_components/. lib/
    // is the code that ships, so it imports no routes or components, and nothing that only
    // development and tests use (scripts/, e2e/, the Personio sandbox); its unit tests may.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    // Unit tests beside the code may use the sandbox and the test support in e2e/support/.
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./components",
              from: "./app",
              message:
                "Move a component that calls server actions beside its route (app/…/_components/), or pass the action in as a prop.",
            },
            {
              target: "./lib",
              from: ["./app", "./components"],
              message: "lib/ is the server code pages and actions call; it imports no routes or components.",
            },
            {
              target: "./lib",
              from: ["./scripts", "./e2e"],
              message: "lib/ holds only what the app runs in production: no scripts, tests or the Personio sandbox.",
            },
            ...privateComponentZones(),
          ],
        },
      ],
    },
  },
  {
    // The server logs through lib/logger.ts (structured, with the request id, redacted), never
    // console.*. Scripts and tests print to the terminal as they like.
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: { "no-console": "error" },
  },
  {
    // Plain CommonJS helpers that Node loads directly.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
