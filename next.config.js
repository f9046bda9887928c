/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addon, and libraries that read their own files at run time (pdfjs-dist its worker module, pdfkit its
  // font metrics, exceljs its templates): load them from node_modules instead of bundling them.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist", "pdfkit", "exceljs"],
  poweredByHeader: false,
  // A separate build directory lets a second build (e.g. a screenshot run) not disturb the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project with tsc first; NEXT_SKIP_TYPECHECK=1 lets a local
  // screenshot build skip Next's second pass.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  typedRoutes: false,
  // `forbidden()` and app/forbidden.tsx: forms a role may not submit answer 403 with a "Not allowed" page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
