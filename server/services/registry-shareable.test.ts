/**
 * The whole-registry JSON export in its two variants (issue 11, item 4): the shareable one leaves out
 * contacts and internal notes and is still a valid `transfer-registry/v1` document with the same verdicts;
 * the full one (administrators) keeps them and round-trips through the import.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_REGISTRY_PATH } from "@/server/demo/demo";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { applyRegistryImport, exportRegistryFile, previewRegistryImport } from "./registry-import";
import { verdictsAsOf } from "./verdicts";

const demo = fs.readFileSync(DEMO_REGISTRY_PATH, "utf8");

describe("registry JSON export: shareable and full", () => {
  const db = createTestDb();
  applyRegistryImport(db, SYSTEM_ACTOR, { text: demo });

  it("the shareable file has no contact name, contact e-mail or notes anywhere, and is otherwise the same registry", () => {
    const shareable = exportRegistryFile(db, "2026-11-30", { shareable: true });
    expect(shareable.fileName).toBe("transfer-registry-shareable-2026-11-30.json");
    // The demo registry has contacts and notes (45 contact names, 53 notes in the file): none survive.
    expect(demo).toContain('"contactEmail"');
    expect(demo).toContain('"notes"');
    for (const field of ['"contactName"', '"contactEmail"', '"notes"']) expect(shareable.body).not.toContain(field);
    expect(shareable.body).not.toMatch(/@[a-z0-9-]+\.(example|test|com)\b/i);

    const full = JSON.parse(exportRegistryFile(db, "2026-11-30").body) as { parties: { id: string }[]; transfers: { id: string }[] };
    const doc = JSON.parse(shareable.body) as typeof full & { format: string };
    expect(doc.format).toBe("transfer-registry/v1");
    expect(doc.parties.map((p) => p.id)).toEqual(full.parties.map((p) => p.id));
    expect(doc.transfers.map((t) => t.id)).toEqual(full.transfers.map((t) => t.id));

    // A valid document, and the verdicts do not depend on what it leaves out.
    const other = createTestDb();
    expect(previewRegistryImport(other, { text: shareable.body }).ok).toBe(true);
    applyRegistryImport(other, SYSTEM_ACTOR, { text: shareable.body });
    expect(verdictsAsOf(other, "2026-06-01")).toEqual(verdictsAsOf(db, "2026-06-01"));
  }, 60_000);

  it("the full file keeps contacts and notes and round-trips byte for byte", () => {
    const full = exportRegistryFile(db, "2026-11-30");
    expect(full.fileName).toBe("transfer-registry-2026-11-30.json");
    expect(full.body).toContain('"contactEmail"');
    expect(full.body).toContain('"notes"');
    const other = createTestDb();
    applyRegistryImport(other, SYSTEM_ACTOR, { text: full.body });
    expect(exportRegistryFile(other, "2026-11-30").body).toBe(full.body);
  }, 60_000);
});
