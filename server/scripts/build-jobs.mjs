#!/usr/bin/env node
/**
 * Part of `npm run build`, after `next build`: bundles the registry job's child process
 * (server/jobs/registry-job.child.ts) into `<dist>/jobs/registry-job.cjs`, a plain Node script (better-sqlite3
 * stays external: it is a native addon). The server forks it for imports and exports
 * (server/jobs/run-registry-job.ts).
 */
import path from "node:path";
import { build } from "esbuild";

const dist = process.env.NEXT_DIST_DIR || ".next";
const outfile = path.resolve(process.cwd(), dist, "jobs", "registry-job.cjs");
await build({
  entryPoints: [path.join(process.cwd(), "server", "jobs", "registry-job.child.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["better-sqlite3"],
  tsconfig: path.join(process.cwd(), "tsconfig.json"),
  logLevel: "warning",
});
console.log(`Registry job bundled: ${path.relative(process.cwd(), outfile)}`);
