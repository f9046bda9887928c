import { asc, count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rawClient, type Db } from "@/db/client";
import type * as DbClient from "@/db/client";
import { insertParty, insertUser, partyFields } from "@/server/testing/factories";
import { auditLog, parties, safeguards, transferImpactAssessments, transfers } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import type { SessionUser } from "@/server/api/trpc";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { MAX_IMPORT_BYTES } from "@/server/schemas/registry-import";
import { getParty, updateParty } from "./parties";
import { applyRegistryImport, previewRegistryImport, RegistryImportRejected, type RegistryImportPreview } from "./registry-import";
import { readRegistryDocument } from "./registry-document";
import { syncVerdicts } from "./verdict-store";
import type * as VerdictStore from "./verdict-store";

/*
 * The import route (app/api/registry/import/route.ts) is exercised as the app runs it: its database and its
 * session lookup are the only things replaced (getDb → the test's database, the session → the test's user).
 * The verdict store is the real one, observed (a spy that calls through).
 */
const route = vi.hoisted(() => ({ db: null as unknown, user: null as unknown }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof DbClient>()), getDb: () => route.db }));
vi.mock("@/server/api/context", () => ({ sessionUserFromHeaders: async () => route.user }));
vi.mock("./verdict-store", async (importOriginal) => {
  const original = await importOriginal<typeof VerdictStore>();
  return { ...original, syncVerdicts: vi.fn(original.syncVerdicts) };
});

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

});

/** `levels` objects nested in one another: { a: { a: … 1 } }. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The JSON text of `levels` objects or arrays nested in one another (JSON.stringify itself overflows on 10,000). */
const nestedJson = (levels: number, kind: "object" | "array") =>
  kind === "object" ? `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}` : `${"[".repeat(levels)}1${"]".repeat(levels)}`;

/** The document's text with `value` as raw JSON in place of the string "$RAW". */
const withRaw = (doc: unknown, json: string) => text(doc).replace('"$RAW"', () => json);

const counted = (db: Db) => ({
  parties: db.select({ n: count() }).from(parties).get()?.n ?? 0,
  transfers: db.select({ n: count() }).from(transfers).get()?.n ?? 0,
  audit: auditCount(db),
});

/** What the documented limits (server/schemas/registry-import.ts) refuse, and where. */
const REFUSED: [name: string, build: () => string, pathPrefix: string, message: RegExp][] = [
  [
    "a party id of 1 MB",
    () => {
      const doc = smallDoc();
      doc.parties[0]!.id = "a".repeat(1_000_000);
      return text(doc);
    },
    "parties[0].id",
    /1–64 characters of a-z 0-9 \. _ -/,
  ],
  [
    "a transfer id with a NUL character",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.id = "crm\u0000";
      return text(doc);
    },
    "transfers[0].id",
    /1–64 characters of a-z 0-9 \. _ -/,
  ],
  [
    "a transfer id of 65 characters",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.id = "t".repeat(65);
      return text(doc);
    },
    "transfers[0].id",
    /1–64 characters/,
  ],
  [
    "a safeguard id that is HTML",
    () => {
      const doc = smallDoc();
      doc.safeguards[0]!.id = "<img src=x onerror=alert(1)>";
      doc.transfers[0]!.safeguards = ["<img src=x onerror=alert(1)>"];
      return text(doc);
    },
    "safeguards[0].id",
    /1–64 characters of a-z 0-9 \. _ -/,
  ],
  [
    "a safeguard id that is a path",
    () => {
      const doc = smallDoc();
      doc.safeguards[0]!.id = "x/../../..//evil.test";
      doc.transfers[0]!.safeguards = ["x/../../..//evil.test"];
      return text(doc);
    },
    "safeguards[0].id",
    /1–64 characters of a-z 0-9 \. _ -/,
  ],
  [
    "a TIA id with a slash",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.tias = [{ id: "tia/1", completed: "2021-10-15", nextReview: "2023-10-15" }];
      return text(doc);
    },
    "transfers[0].tias[0].id",
    /1–64 characters of a-z 0-9 \. _ -/,
  ],
  [
    "a TIA id of 1 MB",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.tias = [{ id: "t".repeat(1_000_000), completed: "2021-10-15", nextReview: "2023-10-15" }];
      return text(doc);
    },
    "transfers[0].tias[0].id",
    /1–64 characters/,
  ],
  [
    "an extra field nested 10,000 levels deep",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.ticket = "$RAW";
      return withRaw(doc, nestedJson(10_000, "object"));
    },
    "transfers[0].ticket.a.a",
    /more than 32 levels deep/,
  ],
  [
    "arrays nested 10,000 levels deep in a party",
    () => {
      const doc = smallDoc();
      doc.parties[1]!.legalForm = "$RAW";
      return withRaw(doc, nestedJson(10_000, "array"));
    },
    "parties[1].legalForm[0][0]",
    /more than 32 levels deep/,
  ],
  [
    "an extra field one level deeper than the limit",
    () => {
      const doc = smallDoc();
      // document (1) → transfers (2) → transfer (3) → ticket (4) … level 33.
      doc.transfers[0]!.ticket = nested(30);
      return text(doc);
    },
    "transfers[0].ticket",
    /more than 32 levels deep/,
  ],
  [
    "an extra string of 1 MB",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.ticket = "x".repeat(1_000_000);
      return text(doc);
    },
    "transfers[0].ticket",
    /is 1,000,000 characters long; the most is 10,000/,
  ],
  [
    "a field name of 1,000 characters",
    () => {
      const doc = smallDoc();
      doc.parties[0]!["k".repeat(1000)] = true;
      return text(doc);
    },
    "parties[0]",
    /a field name may be at most 200 characters/,
  ],
  [
    "__proto__ as a field name",
    () => text(smallDoc()).replace('"ticket":"PRIV-42"', '"__proto__":{"isAdmin":true}'),
    "transfers[0].__proto__",
    /__proto__ is not allowed/,
  ],
  [
    "a reference of 301 characters",
    () => {
      const doc = smallDoc();
      doc.safeguards.push({ id: "coc-1", type: "code_of_conduct", approved: "2020-01-01", ended: null, reference: "r".repeat(301) });
      return text(doc);
    },
    "safeguards[1].reference",
    /at most 300 characters/,
  ],
  [
    "notes of 5,001 characters",
    () => {
      const doc = smallDoc();
      doc.parties[0]!.notes = "n".repeat(5001);
      return text(doc);
    },
    "parties[0].notes",
    /at most 5,000 characters/,
  ],
  [
    "the same certification twice (party, framework, from)",
    () => {
      const doc = smallDoc();
      (doc.parties[1]!.certifications as Record<string, unknown>[]).push({ framework: "dpf_eu", from: "2023-07-17", to: "2024-12-31" });
      return text(doc);
    },
    "parties[1].certifications[1]",
    /"dpf_eu" from "2023-07-17" is listed twice for this party \(also at parties\[1\]\.certifications\[0\]\)/,
  ],
  [
    "a derogation naming a party that is not in the document",
    () => {
      const doc = smallDoc();
      doc.safeguards.push({ id: "der-1", type: "derogation", basis: "49(1)(a)", parties: ["ghost"] });
      return text(doc);
    },
    "safeguards[1].parties[0]",
    /unknown party id "ghost"/,
  ],
];

/** Documents at the edge of the limits, which both steps accept. */
const ACCEPTED: [name: string, build: () => string][] = [
  ["the small registry", () => text(smallDoc())],
  [
    "an extra field exactly at the nesting limit, and an extra string of exactly 10,000 characters",
    () => {
      const doc = smallDoc();
      doc.transfers[0]!.ticket = nested(29);
      doc.parties[0]!.memo = "m".repeat(10_000);
      return text(doc);
    },
  ],
  [
    "an assessment id the document gives that another assessment's generated id would take",
    () => {
      const doc = smallDoc();
      // crm's `tia` summary gets the id crm.tia.2021-10-15 unless the document already uses it.
      const { tia: _tia, ...crm } = doc.transfers[0]!;
      doc.transfers.push({ ...crm, id: "crm2", tias: [{ id: "crm.tia.2021-10-15", completed: "2021-03-01" }] });
      return text(doc);
    },
  ],
  [
    "a derogation naming parties of the document",
    () => {
      const doc = smallDoc();
      doc.safeguards.push({ id: "der-1", type: "derogation", basis: "49(1)(b)", parties: ["acme-de", "cloudco"], justification: "Contract with the data subject." });
      return text(doc);
    },
  ],
  [
    "64-character ids everywhere, and a TIA summary whose generated id would be longer",
    () => {
      const doc = smallDoc();
      const long = (c: string) => c.repeat(64);
      doc.safeguards[0]!.id = long("s");
      doc.transfers[0]!.id = long("t");
      doc.transfers[0]!.safeguards = [long("s")];
      return text(doc);
    },
  ],
];

describe("registry import: input limits, the same in the preview and the apply", () => {
  it.each(REFUSED)("%s: refused with its JSON path by the preview and the apply alike, and nothing is written", (_name, build, pathPrefix, message) => {
    const db = createTestDb();
    const before = counted(db);
    const source = { text: build() };

    const preview = previewRegistryImport(db, source);
    if (preview.ok) throw new Error("the preview accepted the document");
    const hit = preview.errors.find((e) => e.path.startsWith(pathPrefix));
    expect(hit, JSON.stringify(preview.errors).slice(0, 500)).toBeDefined();
    expect(hit!.message).toMatch(message);
    // A message names the problem; it never echoes a huge value back.
    for (const e of preview.errors) expect(e.path.length + e.message.length).toBeLessThan(2_000);

    let thrown: unknown;
    try {
      applyRegistryImport(db, SYSTEM_ACTOR, source);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RegistryImportRejected);
    expect((thrown as RegistryImportRejected).errors).toEqual(preview.errors);
    expect(counted(db)).toEqual(before);
  });

  it.each(ACCEPTED)("%s: the preview accepts it and the apply writes exactly what the preview said", (_name, build) => {
    const db = createTestDb();
    const source = { text: build() };
    const preview = okPreview(previewRegistryImport(db, source));
    const result = applyRegistryImport(db, SYSTEM_ACTOR, { ...source, planHash: preview.planHash });
    for (const kind of ["parties", "certifications", "safeguards", "transfers", "tias"] as const) expect(result.counts[kind]).toEqual(preview.kinds[kind].counts);
    // What was written is read back, and importing the export again changes nothing.
    const again = okPreview(previewRegistryImport(db, { text: text(readRegistryDocument(db)) }));
    expect(again.totalChanges).toBe(0);
  });

  it("gives an assessment without an id an id of its own: never one the document uses, never longer than 64 characters", () => {
    const db = createTestDb();
    const doc = smallDoc();
    const { tia: _tia, ...crm } = doc.transfers[0]!;
    doc.transfers.push({ ...crm, id: "crm2", tias: [{ id: "crm.tia.2021-10-15", completed: "2021-03-01" }] });
    doc.transfers.push({ ...doc.transfers[0]!, id: "t".repeat(64) });
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc) });
    const rows = db.select({ id: transferImpactAssessments.id, transferId: transferImpactAssessments.transferId }).from(transferImpactAssessments).all();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.transferId === "crm2")?.id).toBe("crm.tia.2021-10-15");
    expect(rows.find((r) => r.transferId === "crm")?.id).toBe("crm.tia.2021-10-15-2");
    const long = rows.find((r) => r.transferId === "t".repeat(64))!.id;
    expect(long).toMatch(/^[a-z0-9._-]{1,64}$/);
    expect(long.startsWith("tttt")).toBe(true);
  });
});

describe("registry import: the verdict store", () => {
  const spy = vi.mocked(syncVerdicts);
  beforeEach(() => {
    spy.mockClear();
  });

  it("is brought up to date at the end of the apply, inside its transaction, after every write", async () => {
    const { syncVerdicts: realSync } = await vi.importActual<typeof VerdictStore>("./verdict-store");
    const db = createTestDb();
    okPreview(previewRegistryImport(db, { text: text(smallDoc()) }));
    expect(spy).not.toHaveBeenCalled();

    const seen: { inTransaction: boolean; transfers: number; importAudited: number }[] = [];
    spy.mockImplementationOnce((tx, asOf) => {
      const client = rawClient(tx);
      seen.push({
        inTransaction: client.inTransaction,
        transfers: client.prepare("SELECT count(*) FROM transfer").pluck().get() as number,
        importAudited: client.prepare("SELECT count(*) FROM audit_log WHERE action = 'registry.import'").pluck().get() as number,
      });
      return realSync(tx, asOf);
    });
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) });
    expect(seen).toEqual([{ inTransaction: true, transfers: 1, importAudited: 1 }]);
  });

  it("is part of the all-or-nothing: when it fails, nothing of the import stays", () => {
    const db = createTestDb();
    const before = counted(db);
    spy.mockImplementationOnce(() => {
      throw new Error("verdicts unavailable");
    });
    expect(() => applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) })).toThrow(/verdicts unavailable/);
    expect(counted(db)).toEqual(before);
  });

  it("is not called for a refused document", () => {
    const db = createTestDb();
    const doc = smallDoc();
    doc.transfers[0]!.recipient = "ghost";
    expect(() => applyRegistryImport(db, SYSTEM_ACTOR, { text: text(doc) })).toThrow(RegistryImportRejected);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("POST /api/registry/import", () => {
  let POST: (request: Request) => Promise<Response>;
  let db: Db;
  beforeEach(async () => {
    ({ POST } = await import("@/app/api/registry/import/route"));
    db = createTestDb();
    route.db = db;
    route.user = null;
  });
  const signIn = (role: SessionUser["role"]) => {
    const user = insertUser(db, role);
    route.user = user;
    return user;
  };
  const post = (query: string, body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
    POST(new Request(`http://localhost/api/registry/import?${query}`, { method: "POST", headers, body, duplex: "half" } as RequestInit));

  it("needs a session and the registry.import permission (procurement, DPO): 401 signed out, 403 for auditors and admins", async () => {
    expect((await post("mode=preview", text(smallDoc()))).status).toBe(401);
    for (const role of ["auditor", "admin"] as const) {
      signIn(role);
      const response = await post("mode=apply", text(smallDoc()));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toContain(`Your role (${role}) may not import`);
    }
    expect(counted(db).parties).toBe(0);
  });

  it("previews and applies a document sent as the body, recording who imported it", async () => {
    signIn("procurement");
    const preview = (await (await post("mode=preview&fileName=small.json", text(smallDoc()))).json()) as RegistryImportPreview;
    const planHash = okPreview(preview).planHash;
    expect(counted(db).parties).toBe(0);

    const dpo = signIn("dpo");
    const response = await post(`mode=apply&fileName=small.json&planHash=${planHash}`, text(smallDoc()));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { counts: { transfers: { added: number } } }).counts.transfers.added).toBe(1);
    const summary = db.select().from(auditLog).where(eq(auditLog.action, "registry.import")).get();
    expect(summary?.actorEmail).toBe(dpo.email);
    expect(JSON.parse(summary!.after!)).toMatchObject({ fileName: "small.json" });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "transfer.create")).get()?.actorEmail).toBe(dpo.email);
  });

  it("answers 400 with the errors for a document with errors, 409 when the registry changed since the preview", async () => {
    signIn("dpo");
    const bad = smallDoc();
    bad.transfers[0]!.recipient = "ghost";
    const rejected = await post("mode=apply", text(bad));
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { errors: unknown[] }).errors).toEqual([{ path: "transfers[0].recipient", message: 'unknown party id "ghost"' }]);

    const preview = okPreview((await (await post("mode=preview", text(smallDoc()))).json()) as RegistryImportPreview);
    insertParty(db, { name: "Meanwhile Ltd", country: "GB", processingLocations: ["GB"] });
    applyRegistryImport(db, SYSTEM_ACTOR, { text: text(smallDoc()) });
    const stale = await post(`mode=apply&planHash=${preview.planHash}`, text(smallDoc()));
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toMatch(/changed after your preview/);
  });

  it("refuses a missing mode (400) and a body that is not declared JSON (415)", async () => {
    signIn("procurement");
    expect((await post("", text(smallDoc()))).status).toBe(400);
    expect((await post("mode=preview", text(smallDoc()), { "content-type": "text/plain" })).status).toBe(415);
  });

  it("accepts a document larger than the former 50 MB limit (the app's export of 100,000 transfers is ~80–110 MB)", async () => {
    signIn("procurement");
    const body = Buffer.concat([Buffer.from(text(smallDoc())), Buffer.alloc(60_000_000, " ")]);
    const response = await post("mode=preview", body);
    expect(response.status).toBe(200);
    expect(okPreview((await response.json()) as RegistryImportPreview).totalChanges).toBe(6);
  });

  it("refuses a body over 256 MB with 413 and a clear message, without reading the rest, and writes nothing", async () => {
    signIn("dpo");
    const declared = await post("mode=apply", "{}", { "content-type": "application/json", "content-length": String(MAX_IMPORT_BYTES + 1) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: string }).error).toMatch(/^The document is larger than 256 MB, the most the registry imports at once\. Nothing was imported\./);

    // Without a declared length: the body is streamed and cut off just past the limit (16 MiB chunks, one reused buffer).
    const chunk = new Uint8Array(16 * 1024 * 1024).fill(0x20);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await post("mode=apply", stream);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(MAX_IMPORT_BYTES / chunk.byteLength + 2);
    expect(counted(db).parties).toBe(0);
  });
});
