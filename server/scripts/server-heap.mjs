/**
 * How the server process is started: `node --max-old-space-size=<SERVER_HEAP_MB> server/scripts/serve.mjs …`,
 * by `npm start` (start.mjs), the browser tests (e2e/start-server.mjs) and `npm run bench:app` alike (and
 * `npm run serve`, whose package.json line repeats the number). The cap keeps the server's memory under 500 MB at
 * 100,000 transfers: without it V8 lets garbage pile up to 1 GB and more before collecting. What needs the whole
 * registry in memory at once (an import or an export) runs in a child process with its own limit
 * (server/jobs/run-registry-job.ts). TR_SERVER_HEAP_MB overrides it (0: no cap).
 */
import path from "node:path";

export const SERVER_HEAP_MB = Number(process.env.TR_SERVER_HEAP_MB ?? 320);

/** The arguments of `node` that start the server on `args` (e.g. ["-p", "3000"]). */
export function serveArgs(root, args) {
  return [...(SERVER_HEAP_MB > 0 ? [`--max-old-space-size=${SERVER_HEAP_MB}`] : []), path.join(root, "server", "scripts", "serve.mjs"), ...args];
}
