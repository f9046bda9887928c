#!/usr/bin/env node
/**
 * `npm start`: builds the app if needed, migrates the embedded SQLite database,
 * loads the demo data into an empty database (demo mode, on by default here),
 * then serves the app on http://localhost:3000.
 *
 * Environment: PORT (3000), DATABASE_PATH (data/registry.db), TR_DEMO (1),
 * BETTER_AUTH_SECRET, BETTER_AUTH_URL. `npm start -- --rebuild` forces a build.
 */
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serveArgs } from "./server-heap.mjs";

const root = process.cwd();
const env = {
  ...process.env,
  TR_DEMO: process.env.TR_DEMO ?? "1",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: process.env.PORT ?? "3000",
};
env.BETTER_AUTH_URL ??= `http://localhost:${env.PORT}`;
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(tsx?|css|json|sql|mjs|js)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (process.argv.includes("--rebuild")) return true;
  const stamp = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = Math.max(...["app", "server", "db"].map((d) => newestSource(path.join(root, d))), fs.statSync(path.join(root, "package-lock.json")).mtimeMs);
  return sources > built;
}

function run(cmd, args, label) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const rebuild = needsBuild();
if (rebuild) run(bin("next"), ["build"], "Building the app (next build)");
if (rebuild || !fs.existsSync(path.join(root, ".next", "jobs", "registry-job.cjs"))) {
  run(process.execPath, [path.join(root, "server", "scripts", "build-jobs.mjs")], "Bundling the registry job (imports and exports run in their own process)");
}
run(bin("tsx"), ["server/demo/seed.ts"], "Migrating the database and loading demo data if it is empty");

console.log(`\n▶ Serving Transfer Registry on http://localhost:${env.PORT}${env.TR_DEMO === "1" ? " (demo mode: demo accounts are listed on the sign-in page)" : ""}`);
const server = spawn(process.execPath, serveArgs(root, ["-p", env.PORT]), { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
