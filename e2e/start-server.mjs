#!/usr/bin/env node
/**
 * Playwright's web server: a throwaway database (deleted, migrated, demo data
 * loaded), then the production build served on 127.0.0.1 by server/scripts/serve.mjs (as `npm start`).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serveArgs } from "../server/scripts/server-heap.mjs";

const root = process.cwd();
const dbFile = process.env.DATABASE_PATH;
if (!dbFile || !dbFile.includes("e2e")) {
  console.error("Refusing to start: DATABASE_PATH must name a throwaway e2e database.");
  process.exit(1);
}
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.resolve(dbFile + suffix), { force: true });
const seed = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["server/demo/seed.ts"], { stdio: "inherit", env: process.env });
if (seed.status !== 0) process.exit(seed.status ?? 1);
const server = spawn(process.execPath, serveArgs(root, ["-H", "127.0.0.1", "-p", process.env.PORT ?? "3100"]), {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
