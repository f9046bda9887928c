/**
 * Benchmark of the registry import (`npm run bench:import`). Not a test: it prints timings.
 *
 * For each size it generates a deterministic registry (./generate-registry.ts), serialises it as the text a
 * user uploads, opens a FRESH temporary SQLite file (migrated, reference knowledge base loaded, as the app
 * opens its database) and times, each once:
 *   - preview: parse + validate + plan (`previewRegistryImport`), changes nothing;
 *   - apply: the same again plus every write, audit rows and the verdict-store sync, in one transaction
 *     (`applyRegistryImport` with the preview's plan hash);
 * and then, for the largest size, the app's own export of that registry (its size in MB) and the preview and
 * apply of that export into a second fresh file (the round trip the 256 MB upload limit exists for).
 *
 * Sizes: BENCH_IMPORT_SIZES="10000,100000" (transfers; parties are a fifth, safeguards two fifths of that).
 * Targets on the project machine: apply of 10k < 5 s; apply of 100k transfers / 20k parties / 40k safeguards < 60 s.
 * Each line shows the wall-clock time and, in brackets, the CPU time of this process (the machine is shared:
 * under load the wall-clock time is mostly waiting). The apply includes the verdict-store sync.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase, type Db } from "../../db/client";
import { ensureReferenceKnowledgeBase } from "../../db/kb-loader";
import { SYSTEM_ACTOR } from "../auth/actor";
import { applyRegistryImport, exportRegistryFile, MAX_IMPORT_BYTES, previewRegistryImport, registryStats } from "../services/registry-import";
import { benchListExports, benchPartyCsvImport, benchXlsxExport } from "./bench-exports";
import { generateRegistry } from "./generate-registry";

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? "10000,100000").split(",").map((s) => Number(s.trim()));

function freshDatabase(): { db: Db; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  const db = openDatabase(join(dir, "registry.db"));
  migrateDatabase(db);
  ensureReferenceKnowledgeBase(db);
  return {
    db,
    path: join(dir, "registry.db"),
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Wall-clock time, and the CPU time this process used (user + system): on a shared machine the second is steadier. */
function time<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, value };
}

const row = (label: string, t: { ms: number; cpuMs: number }) =>
  `${label.padEnd(64)} ${(t.ms / 1000).toFixed(2).padStart(7)} s   (CPU ${(t.cpuMs / 1000).toFixed(2)} s)`;
const mb = (text: string) => `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`;

/** Previews then applies `text` into `db`; prints both timings; returns the apply time. */
function previewAndApply(db: Db, text: string, label: string): number {
  const preview = time(() => previewRegistryImport(db, { text, fileName: `${label}.json` }));
  if (!preview.value.ok) throw new Error(`${label}: the preview refused the document: ${JSON.stringify(preview.value.errors.slice(0, 5))}`);
  console.log(row(`${label}: preview (${preview.value.totalChanges.toLocaleString("en")} changes)`, preview));
  const apply = time(() => applyRegistryImport(db, SYSTEM_ACTOR, { text, fileName: `${label}.json`, planHash: preview.value.ok ? preview.value.planHash : undefined }));
  console.log(row(`${label}: apply (${apply.value.auditRows.toLocaleString("en")} audit rows)`, apply));
  return apply.ms;
}

function main(): void {
  const results: { transfers: number; applyMs: number }[] = [];
  let largest: Db | null = null;
  let largestPath: { path: string; transfers: number } | null = null;
  const cleanups: (() => void)[] = [];
  try {
    for (const transfers of SIZES) {
      const options = { transfers, parties: Math.max(2, transfers / 5), safeguards: Math.max(3, (transfers * 2) / 5), seed: 20261129 };
      const doc = generateRegistry(options);
      const text = JSON.stringify(doc);
      console.log(
        `\n${transfers.toLocaleString("en")} transfers, ${doc.parties.length.toLocaleString("en")} parties, ${doc.safeguards!.length.toLocaleString("en")} safeguards (${mb(text)}), fresh SQLite file`,
      );
      const { db, path, cleanup } = freshDatabase();
      cleanups.push(cleanup);
      results.push({ transfers, applyMs: previewAndApply(db, text, `${transfers / 1000}k`) });
      console.log(`  registry now holds ${JSON.stringify(registryStats(db))}`);
      largest = db;
      largestPath = { path, transfers };
    }
    // ---- issue 11 (server/scripts/bench-exports.ts): the party CSV import, and the streamed XLSX export of the largest registry.
    {
      const { db, cleanup } = freshDatabase();
      cleanups.push(cleanup);
      benchPartyCsvImport(db, 10_000);
      if (largestPath) benchXlsxExport(largestPath.path, largestPath.transfers);
      if (largestPath) benchListExports(largestPath.path);
    }
    if (largest) {
      const exported = time(() => exportRegistryFile(largest!, "2026-11-29").body);
      const size = Buffer.byteLength(exported.value);
      console.log(`\nThe app's export of that registry: ${mb(exported.value)} (import limit ${(MAX_IMPORT_BYTES / 1e6).toFixed(0)} MB), ${(exported.ms / 1000).toFixed(2)} s`);
      if (size > MAX_IMPORT_BYTES) console.log("  MISS: the export is larger than the import accepts");
      const { db, cleanup } = freshDatabase();
      cleanups.push(cleanup);
      previewAndApply(db, exported.value, "export");
      previewAndApply(db, exported.value, "export again (no changes)");
    }
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
  console.log("");
  for (const { transfers, applyMs } of results) {
    const target = transfers <= 10_000 ? 5_000 : 60_000;
    console.log(`target: apply ${transfers.toLocaleString("en")} transfers < ${target / 1000} s   ${applyMs < target ? "PASS" : "MISS"} (${(applyMs / 1000).toFixed(2)} s)`);
  }
}

main();
