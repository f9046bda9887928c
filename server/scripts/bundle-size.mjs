#!/usr/bin/env node
/**
 * Client JavaScript per route of the last `next build`, gzipped, against a budget.
 *
 *   node server/scripts/bundle-size.mjs [--dir .next] [--budget-kb 200] [--json]
 *
 * A route's client JS is what a browser loads for a first visit: the app's root main files
 * (`build-manifest.json` → `rootMainFiles`: React, Next's runtime, Turbopack's loader) plus every
 * chunk its layouts and page need (`server/app/<route>_client-reference-manifest.js` →
 * `entryJSFiles`). Polyfills (loaded only by browsers without ES modules) are left out. Each file is
 * counted once per route and gzipped on its own (zlib level 9, like a server's static gzip).
 *
 * Prints one line per route, `PASS`/`FAIL` against the budget (kB = 1000 bytes), and exits 1 when a
 * route is over it (2 when there is no build to read). `--json` prints the same as JSON.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const dist = path.resolve(arg("--dir", process.env.NEXT_DIST_DIR || ".next"));
const budgetKb = Number(arg("--budget-kb", "200"));
const asJson = process.argv.includes("--json");

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const buildManifestFile = path.join(dist, "build-manifest.json");
const routesFile = path.join(dist, "app-path-routes-manifest.json");
if (!fs.existsSync(buildManifestFile) || !fs.existsSync(routesFile)) {
  console.error(`No Next.js build in ${dist}: run \`npm run build\` first.`);
  process.exit(2);
}

const rootMainFiles = readJson(buildManifestFile).rootMainFiles ?? [];
const routes = readJson(routesFile);

/** The entry chunks of one app route, from its client-reference manifest (a small JS file that sets a global). */
function entryFiles(entry) {
  const file = path.join(dist, "server", "app", `${entry}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) return null;
  const sandbox = { globalThis: {} };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[`/${entry}`] ?? Object.values(sandbox.globalThis.__RSC_MANIFEST ?? {})[0];
  if (!manifest) return null;
  return Object.values(manifest.entryJSFiles ?? {}).flat();
}

const gzipCache = new Map();
function gzipSize(rel) {
  if (!gzipCache.has(rel)) {
    const full = path.join(dist, rel.replace(/^\/?_next\//, ""));
    const bytes = fs.readFileSync(full);
    gzipCache.set(rel, { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  return gzipCache.get(rel);
}

const rows = [];
for (const [entry, route] of Object.entries(routes)) {
  if (!entry.endsWith("/page")) continue; // route handlers ship no client JS
  const files = entryFiles(entry.replace(/^\//, ""));
  if (!files) continue;
  const unique = [...new Set([...rootMainFiles, ...files])];
  let raw = 0;
  let gzip = 0;
  for (const f of unique) {
    const s = gzipSize(f);
    raw += s.raw;
    gzip += s.gzip;
  }
  rows.push({ route, files: unique.length, rawKb: raw / 1000, gzipKb: gzip / 1000, pass: gzip / 1000 < budgetKb });
}
rows.sort((a, b) => a.route.localeCompare(b.route));

if (asJson) {
  console.log(JSON.stringify({ dist, budgetKb, routes: rows }, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.route.length), 5);
  console.log(`Client JS per route (${path.relative(process.cwd(), dist) || dist}), gzip, budget < ${budgetKb} kB`);
  console.log(`${"route".padEnd(width)}  files    raw kB   gzip kB  result`);
  for (const r of rows) {
    console.log(`${r.route.padEnd(width)}  ${String(r.files).padStart(5)}  ${r.rawKb.toFixed(1).padStart(8)}  ${r.gzipKb.toFixed(1).padStart(8)}  ${r.pass ? "PASS" : "FAIL"}`);
  }
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`${rows.length - failed} of ${rows.length} routes under ${budgetKb} kB gzip${failed ? `; ${failed} over` : ""}.`);
}
process.exit(rows.length > 0 && rows.every((r) => r.pass) ? 0 : 1);
