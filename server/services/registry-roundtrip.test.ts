/**
 * The round trip: a registry exported from the app and imported into an empty
 * database gives the same registry (same document, byte for byte) and the same
 * verdicts. Checked for the demo registry and for every example document.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { DEMO_REGISTRY_PATH } from "@/server/demo/demo";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import type { RegistryDocument } from "@/server/domain/registry";
import { evaluateRegistry } from "@/server/domain/rules";
import { generateRegistry } from "@/server/scripts/generate-registry";
import { getCompiledKnowledgeBase } from "./knowledge-base";
import { applyRegistryImport, exportRegistryFile, previewRegistryImport } from "./registry-import";
import { readRegistryDocument } from "./registry-document";
import { verdictsAsOf } from "./verdicts";

/** The examples live in examples/ until they move to db/examples/; read each from wherever it is (db/examples first). */
function exampleFiles(): [string, string][] {
  const found = new Map<string, string>([["demo-registry.json", DEMO_REGISTRY_PATH]]);
  for (const dir of ["db/examples", "examples"]) {
    const abs = path.join(process.cwd(), dir);
    if (!fs.existsSync(abs)) continue;
    for (const name of fs.readdirSync(abs).filter((f) => f.endsWith(".json")).sort()) if (!found.has(name)) found.set(name, path.join(abs, name));
  }
  return [...found];
}

const AS_OF = ["2015-06-01", "2016-10-01", "2020-07-17", "2021-01-01", "2022-12-28", "2023-07-10", "2023-07-17", "2024-06-01", "2026-11-29"];

function importInto(db: Db, document: unknown) {
  return applyRegistryImport(db, SYSTEM_ACTOR, { document });
}

const files = exampleFiles();

describe("registry round trip", () => {
  it("finds the demo registry and the small examples", () => {
    expect(files.map(([name]) => name)).toEqual(expect.arrayContaining(["demo-registry.json", "eu-small.json", "uk-small.json", "ch-small.json"]));
  });

  it.each(files)("%s: export → import into an empty database → export gives the same document and the same verdicts", (_name, file) => {
    const source = JSON.parse(fs.readFileSync(file, "utf8")) as RegistryDocument;

    const first = createTestDb();
    importInto(first, source);
    const exported = readRegistryDocument(first);
    // Every entity of the file arrived, and the rules read the same registry as the file says.
    expect(exported.parties.map((p) => p.id).sort()).toEqual(source.parties.map((p) => p.id).sort());
    expect((exported.safeguards ?? []).length).toBe((source.safeguards ?? []).length);
    expect(exported.transfers.length).toBe(source.transfers.length);

    const second = createTestDb();
    const body = exportRegistryFile(first, "2026-11-29").body;
    const result = applyRegistryImport(second, SYSTEM_ACTOR, { text: body });
    expect(result.counts.parties.added).toBe(source.parties.length);

    expect(readRegistryDocument(second)).toEqual(exported);
    expect(exportRegistryFile(second, "2026-11-29").body).toBe(body);

    const ckb = getCompiledKnowledgeBase(first);
    for (const asOf of AS_OF) {
      const fromFile = evaluateRegistry(source, ckb, asOf);
      const fromFirst = evaluateRegistry(exported, ckb, asOf);
      const fromSecond = evaluateRegistry(readRegistryDocument(second), getCompiledKnowledgeBase(second), asOf);
      // Transfers are exported in id order; compare verdicts by transfer.
      const byTransfer = (d: typeof fromFile) => Object.fromEntries(d.verdicts.map((v) => [v.transfer, v]));
      expect(byTransfer(fromFirst)).toEqual(byTransfer(fromFile));
      expect(fromSecond).toEqual(fromFirst);
      expect(verdictsAsOf(second, asOf)).toEqual(verdictsAsOf(first, asOf));
    }
  });

  it.each(files)("%s: importing the export again into the same database changes nothing", (_name, file) => {
    const db = createTestDb();
    importInto(db, JSON.parse(fs.readFileSync(file, "utf8")));
    const body = exportRegistryFile(db, "2026-11-29").body;
    const preview = previewRegistryImport(db, { text: body });
    expect(preview.ok && preview.totalChanges).toBe(0);
    // The original file, too, matches what it created (defaults the export spells out are no change).
    const again = previewRegistryImport(db, { text: fs.readFileSync(file, "utf8") });
    expect(again.ok && again.totalChanges).toBe(0);
  });

  it("the demo registry tells its story: every verdict status occurs on 2026-11-29", () => {
    const db = createTestDb();
    importInto(db, JSON.parse(fs.readFileSync(DEMO_REGISTRY_PATH, "utf8")));
    const statuses = new Set([...verdictsAsOf(db, "2026-11-29").values()].map((v) => v.status));
    expect(statuses).toEqual(new Set(["unsafeguarded", "derogation", "safeguarded", "adequate", "not_restricted", "inactive"]));
  });
});

describe("a generated registry (server/scripts/generate-registry.ts, the benchmarks' input)", () => {
  const options = { transfers: 2_000, parties: 400, safeguards: 800, seed: 7 };

  it("is the same document for the same options, with exactly the numbers of entities asked for", () => {
    const doc = generateRegistry(options);
    expect(JSON.stringify(generateRegistry(options))).toBe(JSON.stringify(doc));
    expect(JSON.stringify(generateRegistry({ ...options, seed: 8 }))).not.toBe(JSON.stringify(doc));
    expect([doc.parties.length, doc.safeguards?.length, doc.transfers.length]).toEqual([400, 800, 2_000]);
    // Realistic: a tenth of the parties are affiliates, some recipients are certified, most transfers have a TIA.
    expect(doc.parties.filter((p) => p.relationship === "affiliate")).toHaveLength(40);
    expect(doc.parties.some((p) => p.certifications?.length)).toBe(true);
    expect(doc.transfers.filter((t) => t.tia).length).toBeGreaterThan(1_000);
  });

  it("imports whole; its export imports into an empty database as the same registry, and into the same one as no change", () => {
    const doc = generateRegistry(options);
    const certifications = doc.parties.reduce((n, p) => n + (p.certifications?.length ?? 0), 0);
    const tias = doc.transfers.filter((t) => t.tia).length;

    const first = createTestDb();
    const result = applyRegistryImport(first, SYSTEM_ACTOR, { text: JSON.stringify(doc), fileName: "generated.json" });
    expect(result.counts).toEqual({
      parties: { added: 400, changed: 0, unchanged: 0 },
      certifications: { added: certifications, changed: 0, unchanged: 0 },
      safeguards: { added: 800, changed: 0, unchanged: 0 },
      transfers: { added: 2_000, changed: 0, unchanged: 0 },
      tias: { added: tias, changed: 0, unchanged: 0 },
    });

    const body = exportRegistryFile(first, "2026-11-29").body;
    const again = previewRegistryImport(first, { text: body });
    expect(again.ok && again.totalChanges).toBe(0);

    const second = createTestDb();
    applyRegistryImport(second, SYSTEM_ACTOR, { text: body });
    expect(exportRegistryFile(second, "2026-11-29").body).toBe(body);
  });
});
