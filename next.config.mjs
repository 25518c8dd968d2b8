import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native modules are loaded by Node at run time rather than bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before building; no need to do it twice.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
