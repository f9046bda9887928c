#!/usr/bin/env node
/**
 * `npm test`: every check, in order — typecheck, lint, Vitest, then a
 * production build and Playwright against it on a throwaway database.
 * Every step runs even if an earlier one failed; the last line sums them:
 * `N passed, N failed` (typecheck, lint and the build count as one check each).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
fs.mkdirSync(path.join(root, "reports"), { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];

function step(label, cmd, args, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: r.status === 0, seconds };
}

function check(label, cmd, args) {
  const { ok, seconds } = step(label, cmd, args);
  totals[ok ? "passed" : "failed"] += 1;
  lines.push(`${ok ? "✔" : "✖"} ${label} (${seconds} s)`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function suite(label, cmd, args, reportFile, count, extraEnv) {
  fs.rmSync(reportFile, { force: true });
  const { ok, seconds } = step(label, cmd, args, extraEnv);
  const report = readJson(reportFile);
  if (!report) {
    totals.failed += 1;
    lines.push(`✖ ${label}: no report written (${seconds} s)`);
    return;
  }
  const { passed, failed } = count(report);
  totals.passed += passed;
  totals.failed += failed;
  // A runner that failed without failing a test (a crash, a config error) still counts as a failure.
  if (!ok && failed === 0) totals.failed += 1;
  lines.push(`${ok ? "✔" : "✖"} ${label}: ${passed} passed, ${failed} failed (${seconds} s)`);
}

check("Typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]);
check("Lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]);

const vitestReport = path.join(root, "reports", "vitest.json");
suite(
  "Unit and integration tests (vitest)",
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  vitestReport,
  (r) => ({ passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0) }),
);

const built = check("Production build (next build)", bin("next"), ["build"]) && check("Registry job bundle (server/scripts/build-jobs.mjs)", process.execPath, [path.join(root, "server", "scripts", "build-jobs.mjs")]);
const pwReport = path.join(root, "reports", "playwright.json");
if (built) {
  suite(
    "Browser tests (playwright)",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    pwReport,
    (r) => {
      const s = r.stats ?? {};
      return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (r.errors?.length ?? 0) };
    },
    { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport },
  );
} else {
  totals.failed += 1;
  lines.push("✖ Browser tests (playwright): not run, the build failed");
}

console.log("\n━━ Summary ━━");
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
