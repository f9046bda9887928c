import { asc } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { certificationFieldsSchema } from "@/server/schemas/certification";
import { partyFieldsSchema } from "@/server/schemas/party";
import { safeguardFieldsSchema } from "@/server/schemas/safeguard";
import { tiaFieldsSchema } from "@/server/schemas/tia";
import { transferFieldsSchema } from "@/server/schemas/transfer";
import { createCertification, deleteCertification, listCertifications, updateCertification } from "../certifications";
import { archiveParty, createParty, getParty, restoreParty, updateParty } from "../parties";
import { applyRegistryImport } from "../registry-import";
import { archiveSafeguard, createSafeguard, getSafeguard, restoreSafeguard, updateSafeguard } from "../safeguards";
import { createTia } from "../tias";
import { archiveTransfer, createTransfer, getTransfer, restoreTransfer, updateTransfer } from "../transfers";

/*
 * One write path per aggregate (issue 8, item 1): the forms' services and the registry import write through the same
 * writers, so the audit rows of the same entity have the same field names and the same before/after shape whichever
 * path wrote them. The key lists below are written from the entities' details (PartyDetail, TransferDetail…:
 * server/services/parties.ts, transfers.ts, safeguards.ts; the certification and TIA rows) without their timestamps
 * (the audit row's own `at` is the time), not computed.
 */
const KEYS = {
  party: [
    "id", "name", "relationship", "serviceCategory", "adviserType", "country", "registrationNumber", "website", "contactName", "contactEmail",
    "ccpaRole", "ccpaSale", "ccpaShare", "notes", "extra", "archivedAt", "processingLocations", "dataCategories", "version",
  ],
  certification: ["id", "partyId", "framework", "from", "to", "coveredData", "verifiedOn", "verifiedBy", "extra", "position", "version"],
  safeguard: [
    "id", "type", "title", "sccVersion", "modules", "signed", "approved", "ended", "dockingClause", "ukAddendum", "ukAddendumVersion", "swissAdaptations",
    "supervisoryAuthority", "governingLaw", "idtaVersion", "bcrVariant", "approvingAuthority", "reference", "derogationBasis", "justification", "saInformedOn",
    "notes", "extra", "archivedAt", "partyIds", "version",
  ],
  transfer: [
    "id", "exporterId", "recipientId", "destination", "exporterRole", "recipientRole", "specialCategory", "dataSubjects", "frequency", "start", "end",
    "notes", "extra", "archivedAt", "safeguardIds", "dataCategories", "purposes", "version",
  ],
  tia: ["id", "transferId", "completed", "assessor", "outcome", "measuresTechnical", "measuresContractual", "measuresOrganisational", "nextReview", "documentRef", "extra"],
} as const;

type Entity = keyof typeof KEYS;
type Snapshot = Record<string, unknown>;
interface AuditRow {
  action: string;
  entityType: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

function auditRows(db: Db): AuditRow[] {
  return db
    .select()
    .from(auditLog)
    .orderBy(asc(auditLog.id))
    .all()
    .filter((r) => r.action !== "registry.import")
    .map((r) => ({
      action: r.action,
      entityType: r.entityType,
      before: r.before ? (JSON.parse(r.before) as Snapshot) : null,
      after: r.after ? (JSON.parse(r.after) as Snapshot) : null,
    }));
}

/** The row of `action` (the first one). */
function rowOf(rows: AuditRow[], action: string): AuditRow {
  const row = rows.find((r) => r.action === action);
  if (!row) throw new Error(`no audit row ${action} among ${rows.map((r) => r.action).join(", ")}`);
  return row;
}

/** A snapshot without the ids each path generates for itself (certifications, TIAs). */
function withoutIds(s: Snapshot | null, drop: readonly string[] = []): Snapshot | null {
  if (!s) return s;
  const out = { ...s };
  for (const k of drop) delete out[k];
  return out;
}

/** The same registry as an import document: an EU affiliate, a US processor with a DPF certification, SCCs, a transfer with a TIA. */
function document(notes: string | null) {
  return {
    format: "transfer-registry/v1",
    parties: [
      { id: "acme-de", name: "Acme GmbH", relationship: "affiliate", country: "DE", processingLocations: ["DE"], dataCategories: ["contact"], notes },
      {
        id: "cloudco",
        name: "CloudCo Inc.",
        relationship: "service_provider",
        serviceCategory: "it_hosting",
        country: "US",
        processingLocations: ["US", "IE"],
        certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null, coveredData: notes === null ? "non_hr" : "both" }],
      },
    ],
    safeguards: [{ id: "scc-cloudco", type: "scc", title: "SCCs Acme – CloudCo", version: "2021/914", modules: [2], parties: ["acme-de", "cloudco"], signed: "2021-10-01", ended: null, notes }],
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
        tias: [{ id: "crm-tia", completed: "2021-10-15", nextReview: "2023-10-15", outcome: "proceed", assessor: "Privacy team" }],
        dataCategories: ["online_identifiers", "contact"],
        purposes: ["provide_services"],
        dataSubjects: ["customers"],
        notes,
      },
    ],
  };
}

/** The same registry through the forms' services. */
function throughForms(db: Db, notes: string | null) {
  const acme = partyFieldsSchema.parse({ name: "Acme GmbH", relationship: "affiliate", country: "DE", processingLocations: ["DE"], dataCategories: ["contact"], notes });
  const cloud = partyFieldsSchema.parse({ name: "CloudCo Inc.", relationship: "service_provider", serviceCategory: "it_hosting", country: "US", processingLocations: ["US", "IE"] });
  const sgFields = (n: string | null) =>
    safeguardFieldsSchema.parse({ type: "scc", title: "SCCs Acme – CloudCo", sccVersion: "2021/914", modules: [2], partyIds: ["acme-de", "cloudco"], signed: "2021-10-01", notes: n });
  const tFields = (n: string | null) =>
    transferFieldsSchema.parse({
      exporterId: "acme-de",
      recipientId: "cloudco",
      destination: "US",
      exporterRole: "controller",
      recipientRole: "processor",
      start: "2021-10-01",
      frequency: "continuous",
      safeguardIds: ["scc-cloudco"],
      dataCategories: ["online_identifiers", "contact"],
      purposes: ["provide_services"],
      dataSubjects: ["customers"],
      notes: n,
    });
  return {
    create() {
      createParty(db, SYSTEM_ACTOR, acme, { id: "acme-de" });
      createParty(db, SYSTEM_ACTOR, cloud, { id: "cloudco" });
      createCertification(db, SYSTEM_ACTOR, { partyId: "cloudco", fields: certificationFieldsSchema.parse({ framework: "dpf_eu", from: "2023-07-17", coveredData: "non_hr" }) });
      createSafeguard(db, SYSTEM_ACTOR, { id: "scc-cloudco", fields: sgFields(notes) });
      createTransfer(db, SYSTEM_ACTOR, { id: "crm", fields: tFields(notes) });
      createTia(db, SYSTEM_ACTOR, { transferId: "crm", fields: tiaFieldsSchema.parse({ completed: "2021-10-15", nextReview: "2023-10-15", outcome: "proceed", assessor: "Privacy team" }) });
    },
    update(next: string) {
      updateParty(db, SYSTEM_ACTOR, { id: "acme-de", version: getParty(db, "acme-de").version, fields: { ...acme, notes: next } });
      const cert = listCertifications(db, "cloudco")[0]!;
      updateCertification(db, SYSTEM_ACTOR, { id: cert.id, version: cert.version, fields: certificationFieldsSchema.parse({ framework: "dpf_eu", from: "2023-07-17", coveredData: "both" }) });
      updateSafeguard(db, SYSTEM_ACTOR, { id: "scc-cloudco", version: getSafeguard(db, "scc-cloudco").version, fields: sgFields(next) });
      updateTransfer(db, SYSTEM_ACTOR, { id: "crm", version: getTransfer(db, "crm").version, fields: tFields(next) });
    },
  };
}

describe("audit rows have one shape whichever path writes the entity", () => {
  let formDb: Db;
  let importDb: Db;
  beforeEach(() => {
    formDb = createTestDb();
    importDb = createTestDb();
  });

  it("create: the form's and the import's rows name the same fields (the detail's), and hold the same values but generated ids", () => {
    throughForms(formDb, null).create();
    applyRegistryImport(importDb, SYSTEM_ACTOR, { document: document(null) });
    const form = auditRows(formDb);
    const imported = auditRows(importDb);
    for (const entity of Object.keys(KEYS) as Entity[]) {
      const a = rowOf(form, `${entity}.create`);
      const b = rowOf(imported, `${entity}.create`);
      expect(a.before, `${entity}: form before`).toBeNull();
      expect(b.before, `${entity}: import before`).toBeNull();
      expect(Object.keys(a.after!).sort(), `${entity}: form after`).toEqual([...KEYS[entity]].sort());
      expect(Object.keys(b.after!).sort(), `${entity}: import after`).toEqual([...KEYS[entity]].sort());
      // Certifications and TIAs get generated ids (a UUID from the form, a readable id from the import).
      const drop = entity === "certification" || entity === "tia" ? ["id"] : [];
      expect(withoutIds(b.after, drop), `${entity}: same values`).toEqual(withoutIds(a.after, drop));
    }
    // Unordered lists read the same (sorted) on both paths; ordered ones keep their order.
    expect(rowOf(form, "transfer.create").after!.dataCategories).toEqual(["contact", "online_identifiers"]);
    expect(rowOf(imported, "transfer.create").after!.dataCategories).toEqual(["contact", "online_identifiers"]);
    expect(rowOf(imported, "safeguard.create").after!.partyIds).toEqual(["acme-de", "cloudco"]);
    expect(rowOf(imported, "transfer.create").after!.exporterId).toBe("acme-de");
    expect(rowOf(imported, "transfer.create").after).not.toHaveProperty("exporter");
  });

  it("update: before and after have the same fields on both paths, and say the same change", () => {
    const forms = throughForms(formDb, null);
    forms.create();
    forms.update("Reviewed in 2024");
    applyRegistryImport(importDb, SYSTEM_ACTOR, { document: document(null) });
    applyRegistryImport(importDb, SYSTEM_ACTOR, { document: document("Reviewed in 2024") });
    const form = auditRows(formDb);
    const imported = auditRows(importDb);
    for (const entity of ["party", "certification", "safeguard", "transfer"] as const) {
      const a = rowOf(form, `${entity}.update`);
      const b = rowOf(imported, `${entity}.update`);
      for (const [path, row] of [["form", a], ["import", b]] as const) {
        expect(Object.keys(row.before!).sort(), `${entity}: ${path} before`).toEqual([...KEYS[entity]].sort());
        expect(Object.keys(row.after!).sort(), `${entity}: ${path} after`).toEqual([...KEYS[entity]].sort());
        expect(row.after!.version, `${entity}: ${path} version`).toBe((row.before!.version as number) + 1);
      }
      const drop = entity === "certification" ? ["id"] : [];
      expect(withoutIds(b.before, drop), `${entity}: same before`).toEqual(withoutIds(a.before, drop));
      expect(withoutIds(b.after, drop), `${entity}: same after`).toEqual(withoutIds(a.after, drop));
    }
    expect(rowOf(imported, "transfer.update").after!.notes).toBe("Reviewed in 2024");
    expect(rowOf(imported, "transfer.update").before!.notes).toBeNull();
    expect(rowOf(form, "certification.update").after!.coveredData).toBe("both");
  });

  it("archive and restore are written by the same writers: the detail's fields before and after", () => {
    throughForms(formDb, null).create();
    archiveTransfer(formDb, SYSTEM_ACTOR, { id: "crm", version: getTransfer(formDb, "crm").version });
    restoreTransfer(formDb, SYSTEM_ACTOR, { id: "crm", version: getTransfer(formDb, "crm").version });
    archiveTransfer(formDb, SYSTEM_ACTOR, { id: "crm", version: getTransfer(formDb, "crm").version });
    archiveSafeguard(formDb, SYSTEM_ACTOR, { id: "scc-cloudco", version: getSafeguard(formDb, "scc-cloudco").version });
    restoreSafeguard(formDb, SYSTEM_ACTOR, { id: "scc-cloudco", version: getSafeguard(formDb, "scc-cloudco").version });
    archiveParty(formDb, SYSTEM_ACTOR, { id: "cloudco", version: getParty(formDb, "cloudco").version });
    restoreParty(formDb, SYSTEM_ACTOR, { id: "cloudco", version: getParty(formDb, "cloudco").version });
    const rows = auditRows(formDb);
    for (const entity of ["party", "safeguard", "transfer"] as const) {
      for (const action of ["archive", "restore"]) {
        const row = rowOf(rows, `${entity}.${action}`);
        expect(Object.keys(row.before!).sort(), `${entity}.${action} before`).toEqual([...KEYS[entity]].sort());
        expect(Object.keys(row.after!).sort(), `${entity}.${action} after`).toEqual([...KEYS[entity]].sort());
        expect(row.before!.archivedAt === null, `${entity}.${action}: archived before`).toBe(action === "archive");
        expect(row.after!.archivedAt === null, `${entity}.${action}: archived after`).toBe(action === "restore");
      }
    }
  });

  it("deleting a certification recorded in error: its writer's row, the certification's fields before and nothing after", () => {
    throughForms(formDb, null).create();
    const cert = listCertifications(formDb, "cloudco")[0]!;
    deleteCertification(formDb, SYSTEM_ACTOR, { id: cert.id, version: cert.version });
    const row = rowOf(auditRows(formDb), "certification.delete");
    expect(Object.keys(row.before!).sort()).toEqual([...KEYS.certification].sort());
    expect(row.before).toMatchObject({ id: cert.id, partyId: "cloudco", framework: "dpf_eu", from: "2023-07-17", version: cert.version });
    expect(row.after).toBeNull();
    expect(listCertifications(formDb, "cloudco")).toEqual([]);
  });
});
