import type { TRPCError } from "@trpc/server";
import { asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty, insertUser, partyFields } from "@/db/factories";
import { auditLog, parties, safeguards, transfers } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { createCaller } from "@/server/api/root";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { getParty, updateParty } from "./parties";
import { applyRegistryImport, previewRegistryImport, RegistryImportRejected, type RegistryImportPreview } from "./registry-import";
import { readRegistryDocument } from "./registry-document";

type Doc = { format: string; parties: Record<string, unknown>[]; safeguards: Record<string, unknown>[]; transfers: Record<string, unknown>[] };

/** A small registry: an EU affiliate sends CRM data to a US processor under the 2021 SCCs. */
function smallDoc(): Doc {
  return {
    format: "transfer-registry/v1",
    parties: [
      { id: "acme-de", name: "Acme GmbH", relationship: "affiliate", country: "DE", processingLocations: ["DE"], dataCategories: ["contact"] },
      {
        id: "cloudco",
        name: "CloudCo Inc.",
        relationship: "service_provider",
        serviceCategory: "it_hosting",
        country: "US",
        processingLocations: ["US", "IE"],
        certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null, coveredData: "non_hr" }],
        legalForm: { kind: "Inc.", state: "DE" },
      },
    ],
    safeguards: [
      { id: "scc-cloudco", type: "scc", version: "2021/914", modules: [2], parties: ["acme-de", "cloudco"], signed: "2021-10-01", ended: null, contractRef: "C-17" },
    ],
    transfers: [
      {
        id: "crm",
        exporter: "acme-de",
        recipient: "cloudco",
        destination: "US",
        exporterRole: "controller",
        recipientRole: "processor",
        start: "2021-10-01",
        end: null,
        frequency: "continuous",
        safeguards: ["scc-cloudco"],
        tia: { completed: "2021-10-15", nextReview: "2023-10-15" },
        dataCategories: ["contact", "online_identifiers"],
        purposes: ["provide_services"],
        dataSubjects: ["customers"],
        ticket: "PRIV-42",
      },
    ],
  };
}

const text = (doc: unknown) => JSON.stringify(doc);
const auditCount = (db: Db) => db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
const actionsLogged = (db: Db) => db.select({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.id)).all().map((r) => r.action);

function okPreview(p: RegistryImportPreview) {
  if (!p.ok) throw new Error(`expected a preview, got errors: ${JSON.stringify(p.errors)}`);
  return p;
}

describe("registry import: preview", () => {
  it("lists what a new document adds, per kind, and writes nothing", () => {
    const db = createTestDb();
    const before = auditCount(db);
    const preview = okPreview(previewRegistryImport(db, { text: text(smallDoc()) }));
    expect(preview.kinds.parties.counts).toEqual({ added: 2, changed: 0, unchanged: 0 });
    expect(preview.kinds.certifications.counts.added).toBe(1);
    expect(preview.kinds.safeguards.added.map((s) => s.id)).toEqual(["scc-cloudco"]);
    expect(preview.kinds.transfers.added).toEqual([{ id: "crm", label: "Acme GmbH → CloudCo Inc. (US)", fields: [] }]);
    expect(preview.kinds.tias.counts.added).toBe(1);
    expect(preview.totalChanges).toBe(6);
    expect(preview.planHash).toMatch(/^[0-9a-f]{32}$/);
    expect(db.select({ n: count() }).from(parties).get()?.n).toBe(0);
    expect(auditCount(db)).toBe(before);
  });

  it("reports every error with its JSON path: the format's rules and the database's codes", () => {
    const db = createTestDb();
    const doc = smallDoc();
    doc.transfers[0]!.recipient = "nobody";
    doc.transfers[0]!.start = "2021-02-30";
    doc.transfers[0]!.dataCategories = ["contact", "shoe_size"];
    doc.transfers[0]!.purposes = ["world_domination"];
    doc.parties[1]!.website = "javascript:alert(1)";
    doc.parties[1]!.processingLocations = ["US", "US"];
    const preview = previewRegistryImport(db, { text: text(doc) });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    const paths = preview.errors.map((e) => e.path);
    expect(paths).toEqual([
      "parties[1].website",
      "parties[1].processingLocations[1]",
      "transfers[0].recipient",
      "transfers[0].start",
      "transfers[0].dataCategories[1]",
      "transfers[0].purposes[0]",
    ]);
    expect(preview.errors.find((e) => e.path === "transfers[0].recipient")?.message).toContain('unknown party id "nobody"');
    expect(preview.errors.find((e) => e.path === "transfers[0].dataCategories[1]")?.message).toMatch(/unknown data category "shoe_size" \(known: .*contact/);
  });

  it("keeps unknown fields of certifications and assessments, so they round-trip", () => {
    const db = createTestDb();
    const doc = smallDoc();
    (doc.parties[1]!.certifications as Record<string, unknown>[])[0]!.dpfListUrl = "https://example.test/dpf/cloudco";
    const transfer = doc.transfers[0]! as Record<string, unknown>;
    delete transfer.tia;
    transfer.tias = [{ id: "tia-crm-1", completed: "2021-10-15", nextReview: "2023-10-15", reviewBoard: { chair: "DPO", minutes: "M-7" } }];
    transfer.tia = { completed: "2021-10-15", nextReview: "2023-10-15" };
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc) });
    const exported = readRegistryDocument(db) as unknown as Doc;
    const cert = (exported.parties.find((p) => p.id === "cloudco")!.certifications as Record<string, unknown>[])[0]!;
    expect(cert.dpfListUrl).toBe("https://example.test/dpf/cloudco");
    const tias = (exported.transfers[0] as Record<string, unknown>).tias as Record<string, unknown>[];
    expect(tias[0]!.reviewBoard).toEqual({ chair: "DPO", minutes: "M-7" });
    // Importing the export again changes nothing.
    const again = okPreview(previewRegistryImport(db, { text: text(exported) }));
    expect(again.kinds.certifications.counts).toEqual({ added: 0, changed: 0, unchanged: 1 });
    expect(again.kinds.tias.counts).toEqual({ added: 0, changed: 0, unchanged: 1 });
  });

  it("explains text that is not JSON", () => {
    const preview = previewRegistryImport(createTestDb(), { text: '{"format": "transfer-registry/v1",' });
    expect(preview).toMatchObject({ ok: false, errors: [{ path: "$", message: expect.stringMatching(/^This is not valid JSON: /) }] });
    expect(previewRegistryImport(createTestDb(), { text: "  " })).toEqual({ ok: false, errors: [{ path: "$", message: "The document is empty." }] });
  });

  it("names the changed fields, including extra fields, and leaves what is not in the document alone", () => {
    const db = createTestDb();
    const bystander = insertParty(db, { name: "Not In The File Ltd", country: "GB", processingLocations: ["GB"] });
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) });

    const doc = smallDoc();
    doc.parties[1]!.notes = "Renewed in 2024.";
    doc.parties[1]!.legalForm = { kind: "LLC", state: "DE" };
    doc.safeguards[0]!.ended = "2025-01-31";
    doc.transfers[0]!.purposes = ["provide_services", "security"];
    (doc.parties[1]!.certifications as Record<string, unknown>[])[0]!.to = "2025-06-30";
    const preview = okPreview(previewRegistryImport(db, { text: text(doc) }));
    expect(preview.kinds.parties.changed).toEqual([{ id: "cloudco", label: "CloudCo Inc.", fields: ["notes", "legalForm"] }]);
    expect(preview.kinds.parties.counts).toEqual({ added: 0, changed: 1, unchanged: 1 });
    expect(preview.kinds.safeguards.changed[0]?.fields).toEqual(["ended"]);
    expect(preview.kinds.transfers.changed[0]?.fields).toEqual(["purposes"]);
    expect(preview.kinds.certifications.changed[0]?.fields).toEqual(["to"]);
    expect(preview.kinds.tias.counts).toEqual({ added: 0, changed: 0, unchanged: 1 });

    const result = applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc), planHash: preview.planHash });
    expect(result.counts.parties).toEqual({ added: 0, changed: 1, unchanged: 1 });
    const cloudco = getParty(db, "cloudco");
    expect(cloudco.version).toBe(2);
    expect(cloudco.notes).toBe("Renewed in 2024.");
    expect(cloudco.extra).toEqual({ legalForm: { kind: "LLC", state: "DE" } });
    expect(db.select().from(safeguards).where(eq(safeguards.id, "scc-cloudco")).get()?.version).toBe(2);
    // The party that is not in the document is untouched.
    expect(getParty(db, bystander.id)).toEqual(bystander);
    const update = db.select().from(auditLog).where(eq(auditLog.action, "party.update")).get();
    expect(JSON.parse(update!.before!)).toMatchObject({ notes: null, version: 1 });
    expect(JSON.parse(update!.after!)).toMatchObject({ notes: "Renewed in 2024.", version: 2 });
  });

  it("warns about fields the database cannot keep: details on the `tia` summary belong in tias[]", () => {
    const doc = smallDoc();
    (doc.transfers[0] as Record<string, unknown>).tia = { completed: "2021-10-15", nextReview: "2023-10-15", assessor: "Dana" };
    const preview = okPreview(previewRegistryImport(createTestDb(), { text: text(doc) }));
    expect(preview.warnings).toEqual([{ path: "transfers[0].tia.assessor", message: expect.stringContaining("is not kept") }]);
  });
});

describe("registry import: apply", () => {
  it("writes every entity with its audit row and one registry.import summary", () => {
    const db = createTestDb();
    const before = auditCount(db);
    const result = applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()), fileName: "small.json" });
    expect(result.counts.parties.added).toBe(2);
    expect(result.auditRows).toBe(7);
    expect(auditCount(db) - before).toBe(7);
    expect(actionsLogged(db).slice(-7)).toEqual(["party.create", "party.create", "certification.create", "safeguard.create", "transfer.create", "tia.create", "registry.import"]);
    const summary = db.select().from(auditLog).where(eq(auditLog.action, "registry.import")).get();
    expect(JSON.parse(summary!.after!)).toMatchObject({ fileName: "small.json", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), counts: { transfers: { added: 1 } } });

    const exported = readRegistryDocument(db);
    expect(exported.transfers[0]).toMatchObject({ id: "crm", safeguards: ["scc-cloudco"], tia: { completed: "2021-10-15", nextReview: "2023-10-15" }, ticket: "PRIV-42" });
    expect(exported.parties.find((p) => p.id === "cloudco")).toMatchObject({ legalForm: { kind: "Inc.", state: "DE" }, processingLocations: ["IE", "US"] });
    expect(exported.safeguards?.[0]).toMatchObject({ contractRef: "C-17", title: "SCCs 2021: Acme GmbH – CloudCo Inc." });
  });

  it("rejects a document with any error whole: no row changes", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) });
    const registryBefore = readRegistryDocument(db);
    const auditBefore = auditCount(db);

    const doc = smallDoc();
    doc.parties[0]!.name = "Acme Renamed GmbH";
    doc.parties.push({ id: "newco", name: "NewCo Ltd", relationship: "other", country: "GB" });
    doc.transfers.push({ ...doc.transfers[0]!, id: "bad", recipient: "ghost", end: "2020-13-01" });
    let thrown: unknown;
    try {
      applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc) });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RegistryImportRejected);
    expect((thrown as RegistryImportRejected).errors.map((e) => e.path)).toEqual(["transfers[1].recipient", "transfers[1].end"]);
    expect(readRegistryDocument(db)).toEqual(registryBefore);
    expect(auditCount(db)).toBe(auditBefore);
  });

  it("rolls back everything when a write fails half-way", () => {
    const db = createTestDb();
    db.$client.exec(`CREATE TRIGGER fail_crm BEFORE INSERT ON "transfer" WHEN NEW.id = 'crm' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;`);
    expect(() => applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) })).toThrow(/disk on fire/);
    expect(db.select({ n: count() }).from(parties).get()?.n).toBe(0);
    expect(db.select({ n: count() }).from(transfers).get()?.n).toBe(0);
    expect(auditCount(db)).toBe(0);
  });

  it("refuses to apply a preview when the registry changed in between (optimistic concurrency)", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) });
    const doc = smallDoc();
    doc.parties[0]!.notes = "Imported note";
    const preview = okPreview(previewRegistryImport(db, { text: text(doc) }));

    const acme = getParty(db, "acme-de");
    updateParty(db, SYSTEM_ACTOR, { id: "acme-de", version: acme.version, fields: partyFields({ name: "Acme GmbH", relationship: "affiliate", country: "DE", processingLocations: ["DE"], notes: "Edited meanwhile" }) });
    const registryBefore = readRegistryDocument(db);

    expect(() => applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc), planHash: preview.planHash })).toThrow(AppError);
    expect(() => applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc), planHash: preview.planHash })).toThrow(/changed after your preview/);
    expect(readRegistryDocument(db)).toEqual(registryBefore);
  });

  it("keeps recorded assessments: the same TIA again is unchanged, a changed one with the same id is an error", () => {
    const db = createTestDb();
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) });
    const exported = readRegistryDocument(db) as unknown as Doc;
    const transfer = exported.transfers[0]!;
    const tias = transfer.tias as Record<string, unknown>[];
    expect(tias).toHaveLength(1);

    // A newer assessment is added; the recorded one stays.
    transfer.tias = [...tias, { completed: "2023-10-01", nextReview: "2025-10-01", outcome: "proceed" }];
    transfer.tia = { completed: "2023-10-01", nextReview: "2025-10-01" };
    const preview = okPreview(previewRegistryImport(db, { text: text(exported) }));
    expect(preview.kinds.tias.counts).toEqual({ added: 1, changed: 0, unchanged: 1 });

    // `tia` must be the latest of `tias`.
    transfer.tia = { completed: "2021-10-15", nextReview: "2023-10-15" };
    expect(previewRegistryImport(db, { text: text(exported) })).toMatchObject({ ok: false, errors: [{ path: "transfers[0].tia" }] });

    // A recorded assessment is never rewritten by an import.
    transfer.tias = [{ ...tias[0], nextReview: "2030-01-01" }];
    transfer.tia = { completed: "2021-10-15", nextReview: "2030-01-01" };
    const rejected = previewRegistryImport(db, { text: text(exported) });
    expect(rejected).toMatchObject({ ok: false, errors: [{ path: "transfers[0].tias[0]", message: expect.stringContaining("nextReview") }] });
  });

  it("through tRPC: an editor previews and applies, a rejected document is BAD_REQUEST", async () => {
    const db = createTestDb();
    const user = insertUser(db, "dpo");
    const caller = createCaller({ db, user });
    const preview = await caller.registry.preview({ text: text(smallDoc()) });
    expect(preview.ok).toBe(true);
    const result = await caller.registry.import({ text: text(smallDoc()), planHash: preview.ok ? preview.planHash : undefined });
    expect(result.counts.transfers.added).toBe(1);
    const created = db.select().from(auditLog).where(eq(auditLog.action, "transfer.create")).get();
    expect(created?.actorEmail).toBe(user.email);

    const bad = smallDoc();
    bad.transfers[0]!.recipient = "ghost";
    await expect(caller.registry.import({ text: text(bad) })).rejects.toMatchObject({ code: "BAD_REQUEST" } satisfies Partial<TRPCError>);
    expect((await caller.registry.stats()).transfers).toBe(1);
  });
});
