import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

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
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
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
