// Formatting is Prettier's, imports sorted by its plugin: built-ins, packages, the project (@/),
// then relative paths, each group apart. `npm run lint` checks both (prettier --check).
/** @type {import("prettier").Config & import("@ianvs/prettier-plugin-sort-imports").PluginConfig} */
const config = {
  printWidth: 120,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.0.0",
};

export default config;
