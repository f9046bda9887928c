/**
 * Issue 11's benchmarks, called from `npm run bench:import` (server/scripts/bench-import.ts):
 *   - the bulk CSV import of parties: 10,000 rows previewed, then applied, into a fresh database
 *     (target: preview + apply < 5 s);
 *   - the XLSX export of every transfer with its verdict, streamed by the route's own service, in a CHILD
 *     process on the benchmark's largest registry (target at 100,000 transfers: < 10 s, peak RSS < 500 MB).
 *     The child measures its own resident set size every 20 ms while the file streams to /dev/null.
 *   - the list exports of the same registry (every flag, every safeguard, the whole audit log), each as XLSX,
 *     the same way (held to the same bar: < 10 s and peak RSS < 500 MB each).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import type { Db } from "../../db/client";
import { SYSTEM_ACTOR, type Actor } from "../auth/actor";
import { exportAudit, exportFlags, exportSafeguards, exportTransfers, type ExportFile } from "../services/exports";
import { applyPartyImport, previewPartyImport } from "../services/party-import";

const COUNTRIES = ["DE", "France", "US", "gb", "Netherlands", "IE", "India", "CH", "Japan", "Brazil"];
const RELATIONSHIPS = ["Service provider", "Reseller", "Advertising partner", "affiliate", "Other"];

/** A CSV of `rows` distinct vendors as procurement keeps them (names, choices and countries in words). */
export function vendorCsv(rows: number): string {
  const lines = ["Vendor name,Type,Country,Category,Website,Contact e-mail"];
  for (let i = 0; i < rows; i++) {
    const relationship = RELATIONSHIPS[i % RELATIONSHIPS.length]!;
    const category = relationship === "Service provider" ? "IT hosting" : "";
    lines.push(`Bench Vendor ${i.toString(36)} ${i},${relationship},${COUNTRIES[i % COUNTRIES.length]},${category},https://vendor${i}.example,privacy@vendor${i}.example`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

const BENCH_ACTOR: Actor = SYSTEM_ACTOR;

/** Preview and apply of `rows` CSV rows into `db`; prints the figures and returns whether the target holds. */
export function benchPartyCsvImport(db: Db, rows = 10_000): boolean {
  const csv = vendorCsv(rows);
  const mapping = { name: "Vendor name", relationship: "Type", country: "Country", serviceCategory: "Category", website: "Website", contactEmail: "Contact e-mail" };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = performance.now();
  const c0 = cpu();
  const preview = previewPartyImport(db, BENCH_ACTOR, { csv, mapping, fileName: "bench.csv" });
  const t1 = performance.now();
  const c1 = cpu();
  const result = applyPartyImport(db, BENCH_ACTOR, { csv, mapping, fileName: "bench.csv", allOrNothing: true });
  const t2 = performance.now();
  const c2 = cpu();
  if (preview.validRows !== rows || result.created !== rows) throw new Error(`party CSV import: ${preview.validRows} valid, ${result.created} created of ${rows}: ${JSON.stringify(preview.problemRows.slice(0, 3))}`);
  const total = t2 - t0;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\nParty CSV import, ${rows.toLocaleString("en")} rows (${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB): preview ${s(t1 - t0)} (CPU ${s(c1 - c0)}), apply ${s(t2 - t1)} (CPU ${s(c2 - c1)})`,
  );
  const pass = total < 5_000;
  console.log(`target: party CSV import of ${rows.toLocaleString("en")} rows, preview + apply < 5 s   ${pass ? "PASS" : "MISS"} (${s(total)}; CPU ${s(c2 - c0)})`);
  return pass;
}

/** Runs the XLSX export of every transfer of the database at `dbPath` in a child process; prints the figures. */
export function benchXlsxExport(dbPath: string, transfers: number): boolean {
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bench-exports.ts"), "--child", dbPath], { encoding: "utf8", timeout: 300_000, env: process.env });
  if (child.status !== 0) {
    console.log(`XLSX export: the child failed (${child.status ?? child.signal}): ${child.stderr.slice(-2000)}`);
    return false;
  }
  const figures = JSON.parse(child.stdout.trim().split("\n").pop()!) as { ms: number; cpuMs: number; rows: number; bytes: number; peakRssMb: number; baseRssMb: number };
  console.log(
    `\nXLSX export of ${figures.rows.toLocaleString("en")} transfers with their verdicts (streamed, child process): ${(figures.ms / 1000).toFixed(2)} s (CPU ${(figures.cpuMs / 1000).toFixed(2)} s), ${(figures.bytes / 1e6).toFixed(1)} MB, peak RSS ${figures.peakRssMb} MB (${figures.baseRssMb} MB before)`,
  );
  const pass = figures.ms < 10_000 && figures.peakRssMb < 500;
  console.log(`target: XLSX export of ${transfers.toLocaleString("en")} transfers < 10 s, peak RSS < 500 MB   ${pass ? "PASS" : "MISS"} (${(figures.ms / 1000).toFixed(2)} s, ${figures.peakRssMb} MB)`);
  return pass;
}

/** Runs the XLSX exports of every flag, safeguard and audit entry of the database at `dbPath`, each in a child process; prints the figures. */
export function benchListExports(dbPath: string): boolean {
  let ok = true;
  for (const list of ["flags", "safeguards", "audit"] as const) {
    const child = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bench-exports.ts"), "--child", dbPath, list], { encoding: "utf8", timeout: 300_000, env: process.env });
    if (child.status !== 0) {
      console.log(`XLSX export of ${list}: the child failed (${child.status ?? child.signal}): ${child.stderr.slice(-2000)}`);
      ok = false;
      continue;
    }
    const f = JSON.parse(child.stdout.trim().split("\n").pop()!) as { ms: number; cpuMs: number; rows: number; bytes: number; peakRssMb: number; baseRssMb: number };
    const pass = f.ms < 10_000 && f.peakRssMb < 500;
    ok &&= pass;
    console.log(
      `XLSX export of ${list} (${f.rows.toLocaleString("en")} rows, streamed, child process): ${(f.ms / 1000).toFixed(2)} s (CPU ${(f.cpuMs / 1000).toFixed(2)} s), ${(f.bytes / 1e6).toFixed(1)} MB, peak RSS ${f.peakRssMb} MB (${f.baseRssMb} MB before)   ${pass ? "PASS" : "MISS"} (< 10 s, < 500 MB)`,
    );
  }
  return ok;
}

/** The child: opens the database, streams the export to /dev/null, prints one JSON line of figures. */
async function child(dbPath: string, list = "transfers"): Promise<void> {
  const { openDatabase } = await import("../../db/client");
  const db = openDatabase(dbPath);
  const mb = () => Math.round(process.memoryUsage().rss / 1e6);
  const baseRssMb = mb();
  let peak = baseRssMb;
  const poll = setInterval(() => (peak = Math.max(peak, mb())), 20);
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const exports: Record<string, () => ExportFile> = {
    transfers: () => exportTransfers(db, BENCH_ACTOR, { archived: "all", sort: "id", dir: "asc" }, "xlsx"),
    flags: () => exportFlags(db, BENCH_ACTOR, { state: "all" }, "xlsx"),
    safeguards: () => exportSafeguards(db, BENCH_ACTOR, { archived: "all" }, "xlsx"),
    audit: () => exportAudit(db, BENCH_ACTOR, {}, "xlsx"),
  };
  const file = exports[list]!();
  const out = createWriteStream("/dev/null");
  let bytes = 0;
  for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (!out.write(chunk)) await once(out, "drain");
    peak = Math.max(peak, mb());
  }
  out.end();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(poll);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: file.rows, bytes, peakRssMb: Math.max(peak, mb()), baseRssMb }));
}

if (process.argv[2] === "--child") await child(process.argv[3]!, process.argv[4]);
