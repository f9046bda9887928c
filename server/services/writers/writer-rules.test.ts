import { beforeEach, describe, expect, it } from "vitest";
import { rawClient, type Db, type Tx } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { AppError, staleEdit } from "@/server/errors";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertCertification, insertSafeguard, insertTransfer, insertTransferParties } from "@/server/testing/factories-transfers";
import { getCompiledKnowledgeBase } from "../compiled-knowledge-base";
import { getParty } from "../parties";
import { getSafeguard } from "../safeguards";
import { getTransfer } from "../transfers";
import { writeCertifications } from "./certification-writer";
import { writeParties } from "./party-writer";
import { writeSafeguards, type SafeguardState } from "./safeguard-writer";
import { addTias } from "./tia-writer";
import { writeTransfers, type TransferState } from "./transfer-writer";

/*
 * Each aggregate's writer runs the record rules (server/domain/registry/record-rules.ts) itself, with the facts its
 * steps carry: called directly, bypassing the services, a step that breaks a rule throws the form's error and
 * nothing is written (no row, no child row, no audit row). The expected messages are written out here, from the
 * rules as the README and the forms state them.
 */

const AT = new Date("2026-03-01T10:00:00.000Z");
const STALE = { onStale: () => staleEdit("record") };

const count = (db: Db, sql: string, ...params: unknown[]) => rawClient(db).prepare(sql).pluck().get(...params) as number;
const audits = (db: Db) => count(db, "SELECT count(*) FROM audit_log");

/** Runs `write` in a transaction (as every caller does) and returns what it threw. */
function refusal(db: Db, write: (tx: Tx) => unknown): AppError {
  try {
    db.transaction((tx) => write(tx));
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("the writer accepted a step that breaks a record rule");
}

const transferState = (exporterId: string, recipientId: string, overrides: Partial<TransferState> = {}): TransferState => ({
  exporterId,
  recipientId,
  destination: "US",
  exporterRole: "controller",
  recipientRole: "processor",
  specialCategory: false,
  dataSubjects: ["customers"],
  frequency: "continuous",
  start: "2024-01-01",
  end: null,
  notes: null,
  extra: null,
  archivedAt: null,
  safeguardIds: [],
  dataCategories: ["contact"],
  purposes: ["it_hosting"],
  ...overrides,
});

describe("the transfer writer runs the transfer rules", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  const transferRows = (id: string) =>
    count(db, "SELECT count(*) FROM transfer WHERE id = ?", id) +
    count(db, "SELECT count(*) FROM transfer_data_category WHERE transfer_id = ?", id) +
    count(db, "SELECT count(*) FROM transfer_purpose WHERE transfer_id = ?", id) +
    count(db, "SELECT count(*) FROM transfer_safeguard WHERE transfer_id = ?", id);

  it("refuses a transfer whose exporter is not one of the group's affiliates, and writes nothing", () => {
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US"] });
    const recipient = insertParty(db, { name: "Stratus Hosting Inc.", country: "US", processingLocations: ["US"] });
    const before = audits(db);
    const facts = {
      exporter: { id: vendor.id, name: "Quanta Cloud Inc.", relationship: "service_provider", country: "US", processingLocations: ["US"] },
      recipient: { id: recipient.id, name: "Stratus Hosting Inc.", relationship: "service_provider", country: "US", processingLocations: ["US"] },
    };
    const error = refusal(db, (tx) =>
      writeTransfers(tx, SYSTEM_ACTOR, [{ action: "add", id: "t-not-affiliate", version: null, next: transferState(vendor.id, recipient.id), before: null, facts }], AT, STALE),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors).toEqual({ exporterId: "The exporter must be one of the group's affiliates." });
    expect(transferRows("t-not-affiliate")).toBe(0);
    expect(audits(db)).toBe(before);
  });

  it("refuses a destination outside the recipient's processing locations, and writes nothing", () => {
    const exporter = insertAffiliate(db, "DE");
    const recipient = insertParty(db, { name: "Stratus Hosting Inc.", country: "US", processingLocations: ["US"] });
    const before = audits(db);
    const facts = {
      exporter: { id: exporter.id, name: exporter.name, relationship: "affiliate", country: "DE", processingLocations: ["DE"] },
      recipient: { id: recipient.id, name: "Stratus Hosting Inc.", relationship: "service_provider", country: "US", processingLocations: ["US"] },
    };
    const step = { action: "add" as const, id: "t-to-india", version: null, next: transferState(exporter.id, recipient.id, { destination: "IN" }), before: null, facts };
    const error = refusal(db, (tx) => writeTransfers(tx, SYSTEM_ACTOR, [step], AT, STALE));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors).toEqual({
      destination: "Stratus Hosting Inc. does not process data in IN: choose one of its processing locations (US), or add the country to the party first.",
    });
    expect(error.message).toBe("Stratus Hosting Inc. does not process data in IN: choose one of its processing locations (US), or add the country to the party first.");
    expect(transferRows("t-to-india")).toBe(0);
    expect(audits(db)).toBe(before);

    // The same transfer to a country the recipient processes in is written: the refusal was the rule's.
    db.transaction((tx) => writeTransfers(tx, SYSTEM_ACTOR, [{ ...step, next: transferState(exporter.id, recipient.id, { destination: "US" }) }], AT, STALE));
    expect(transferRows("t-to-india")).toBe(3);
    expect(audits(db)).toBe(before + 1);
  });

  it("judges every step before writing any: one bad step in a batch and not even the good ones are written", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const before = audits(db);
    const good = {
      exporter: { id: exporter.id, name: exporter.name, relationship: "affiliate", country: "DE", processingLocations: ["DE"] },
      recipient: { id: recipient.id, name: recipient.name, relationship: "service_provider", country: "US", processingLocations: ["US"] },
    };
    const bad = { ...good, exporter: { ...good.exporter, relationship: "service_provider" } };
    const error = refusal(db, (tx) =>
      writeTransfers(
        tx,
        SYSTEM_ACTOR,
        [
          { action: "add", id: "t-first", version: null, next: transferState(exporter.id, recipient.id), before: null, facts: good },
          { action: "add", id: "t-second", version: null, next: transferState(exporter.id, recipient.id), before: null, facts: bad },
        ],
        AT,
        STALE,
      ),
    );
    expect(error.fieldErrors).toEqual({ exporterId: "The exporter must be one of the group's affiliates." });
    expect(transferRows("t-first") + transferRows("t-second")).toBe(0);
    expect(audits(db)).toBe(before);
  });

  it("refuses to write a live transfer without the facts of its rules; an archived one (history) needs none", () => {
    const t = insertTransfer(db);
    const before = audits(db);
    const { createdAt: _c, updatedAt: _u, version: _v, id: _i, ...stored } = t;
    expect(() =>
      db.transaction((tx) => writeTransfers(tx, SYSTEM_ACTOR, [{ action: "change", id: t.id, version: t.version, next: { ...stored, notes: "edited" }, before: t, facts: null }], AT, STALE)),
    ).toThrow(`writeTransfers: the live transfer "${t.id}" needs the facts of its rules`);
    expect(audits(db)).toBe(before);
    expect(getTransfer(db, t.id).notes).toBeNull();

    db.transaction((tx) =>
      writeTransfers(tx, SYSTEM_ACTOR, [{ action: "change", id: t.id, version: t.version, next: { ...stored, archivedAt: AT.toISOString() }, before: t, facts: null, auditAction: "transfer.archive" }], AT, STALE),
    );
    expect(getTransfer(db, t.id).archivedAt).toBe("2026-03-01T10:00:00.000Z");
    expect(audits(db)).toBe(before + 1);
  });
});

describe("the safeguard writer runs the safeguard rules", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  const safeguardState = (partyIds: string[], overrides: Partial<SafeguardState> = {}): SafeguardState => ({
    type: "scc",
    title: "SCCs Norvale – Stratus",
    sccVersion: "2010/87",
    modules: [],
    signed: "2024-03-01",
    approved: null,
    ended: null,
    dockingClause: false,
    ukAddendum: false,
    ukAddendumVersion: null,
    swissAdaptations: false,
    supervisoryAuthority: null,
    governingLaw: null,
    idtaVersion: null,
    bcrVariant: null,
    approvingAuthority: null,
    reference: null,
    derogationBasis: null,
    justification: null,
    saInformedOn: null,
    notes: null,
    extra: null,
    archivedAt: null,
    partyIds,
    ...overrides,
  });

  it("refuses 2010/87 SCCs signed in 2024 by an EU exporter (not after 2021-09-26, Decision 2021/914 Art. 4(2)), and writes nothing", () => {
    const exporter = insertParty(db, { name: "Norvale GmbH", relationship: "affiliate", serviceCategory: null, country: "DE", processingLocations: ["DE"] });
    const vendor = insertParty(db, { name: "Stratus Hosting Inc.", country: "US", processingLocations: ["US"] });
    const before = audits(db);
    const facts = {
      ckb: getCompiledKnowledgeBase(db),
      parties: [
        { id: exporter.id, name: "Norvale GmbH", relationship: "affiliate", country: "DE", processingLocations: [] },
        { id: vendor.id, name: "Stratus Hosting Inc.", relationship: "service_provider", country: "US", processingLocations: [] },
      ],
      relyingTransfers: [],
    };
    const step = { action: "add" as const, id: "sg-2010-in-2024", version: null, next: safeguardState([exporter.id, vendor.id]), before: null, facts };
    const error = refusal(db, (tx) => writeSafeguards(tx, SYSTEM_ACTOR, [step], AT, STALE));
    const message =
      "SCCs 2010/87 could not be signed after 2021-09-26 under the EU regime (Norvale GmbH is established in DE); new contracts must use the 2021/914 SCCs (GDPR Art. 46(2)(c) and 46(5)).";
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors).toEqual({ signed: message });
    expect(count(db, "SELECT count(*) FROM safeguard WHERE id = 'sg-2010-in-2024'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM safeguard_party WHERE safeguard_id = 'sg-2010-in-2024'")).toBe(0);
    expect(audits(db)).toBe(before);

    // Signed on the last allowed day, the same contract is written.
    db.transaction((tx) => writeSafeguards(tx, SYSTEM_ACTOR, [{ ...step, next: safeguardState([exporter.id, vendor.id], { signed: "2021-09-26" }) }], AT, STALE));
    expect(count(db, "SELECT count(*) FROM safeguard_party WHERE safeguard_id = 'sg-2010-in-2024'")).toBe(2);
    expect(audits(db)).toBe(before + 1);
  });

  it("refuses to archive a safeguard live transfers rely on, and writes nothing", () => {
    const exporter = insertAffiliate(db, "DE");
    const recipient = insertParty(db, { country: "US", processingLocations: ["US"] });
    const sg = insertSafeguard(db, { partyIds: [exporter.id, recipient.id] });
    const t = insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, safeguardIds: [sg.id] });
    const stored = getSafeguard(db, sg.id);
    const before = audits(db);
    const error = refusal(db, (tx) =>
      writeSafeguards(
        tx,
        SYSTEM_ACTOR,
        [
          {
            action: "change",
            id: sg.id,
            version: stored.version,
            next: { ...stored, archivedAt: AT.toISOString() },
            before: stored,
            auditAction: "safeguard.archive",
            facts: { ckb: getCompiledKnowledgeBase(db), parties: [], relyingTransfers: [{ id: t.id, archived: false }] },
          },
        ],
        AT,
        STALE,
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(`1 active transfer(s) rely on this safeguard (${t.id}). Record its end date instead, or remove it from those transfers first.`);
    expect(getSafeguard(db, sg.id)).toMatchObject({ archivedAt: null, version: stored.version, partyIds: [exporter.id, recipient.id] });
    expect(audits(db)).toBe(before);
  });
});

describe("the party writer runs the party rules", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("refuses to make a party that live transfers export from anything but an affiliate, and writes nothing", () => {
    const t = insertTransfer(db);
    const stored = getParty(db, t.exporterId);
    const before = audits(db);
    const error = refusal(db, (tx) =>
      writeParties(
        tx,
        SYSTEM_ACTOR,
        [
          {
            action: "change",
            id: stored.id,
            version: stored.version,
            next: { ...stored, relationship: "service_provider", processingLocations: ["DE", "FR"] },
            before: stored,
            facts: { knownDataCategories: new Set(["contact"]), dependents: { exporting: [t.id], receiving: [] } },
          },
        ],
        AT,
        STALE,
      ),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors).toEqual({
      relationship: `1 active transfer(s) export from this party (${t.id}): an exporter must be one of the group's affiliates. Archive those transfers first, or keep the relationship.`,
    });
    expect(getParty(db, stored.id)).toMatchObject({ relationship: "affiliate", version: stored.version, processingLocations: ["DE"] });
    expect(audits(db)).toBe(before);
  });

  it("refuses to drop a destination live transfers still send data to, and writes nothing", () => {
    const recipient = insertParty(db, { name: "Stratus Hosting Inc.", country: "US", processingLocations: ["US", "IN"], dataCategories: ["contact"] });
    const stored = getParty(db, recipient.id);
    const before = audits(db);
    const error = refusal(db, (tx) =>
      writeParties(
        tx,
        SYSTEM_ACTOR,
        [
          {
            action: "change",
            id: stored.id,
            version: stored.version,
            next: { ...stored, processingLocations: ["US"] },
            before: stored,
            facts: { knownDataCategories: new Set(["contact"]), dependents: { exporting: [], receiving: [{ id: "t-to-india", destination: "IN" }] } },
          },
        ],
        AT,
        STALE,
      ),
    );
    expect(error.fieldErrors).toEqual({
      processingLocations: "Active transfers send data to this party in IN (t-to-india): keep that country among its processing locations, or change those transfers first.",
    });
    expect(count(db, "SELECT count(*) FROM party_processing_location WHERE party_id = ?", stored.id)).toBe(2);
    expect(getParty(db, stored.id).version).toBe(stored.version);
    expect(audits(db)).toBe(before);
  });
});

describe("the certification writer runs the uniqueness rule", () => {
  it("refuses a second certification of a party under the same framework from the same date, and writes nothing", () => {
    const db = createTestDb();
    const party = insertParty(db, { country: "US", processingLocations: ["US"] });
    const first = insertCertification(db, party.id, { framework: "dpf_eu", from: "2023-07-17" });
    const before = audits(db);
    const next = { partyId: party.id, framework: "dpf_eu", from: "2023-07-17", to: null, coveredData: null, verifiedOn: null, verifiedBy: null, extra: null, position: 1 };
    const error = refusal(db, (tx) =>
      writeCertifications(tx, SYSTEM_ACTOR, [{ action: "add", id: "cert-twin", version: null, next, before: null, facts: { partyCertifications: [{ id: first.id, framework: "dpf_eu", from: "2023-07-17" }] } }], AT, STALE),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("This party already has a dpf_eu certification from 2023-07-17.");
    expect(error.fieldErrors).toEqual({ from: "A certification under this framework from this date is already recorded." });
    expect(count(db, "SELECT count(*) FROM certification WHERE party_id = ?", party.id)).toBe(1);
    expect(audits(db)).toBe(before);
  });
});

describe("the assessment writer runs the assessment rule", () => {
  it("refuses an assessment completed after the day of the write, and writes nothing", () => {
    const db = createTestDb();
    const t = insertTransfer(db);
    const before = audits(db);
    const next = { transferId: t.id, completed: "2026-03-02", assessor: null, outcome: "proceed", measuresTechnical: null, measuresContractual: null, measuresOrganisational: null, nextReview: null, documentRef: null, extra: null };
    const error = refusal(db, (tx) => addTias(tx, SYSTEM_ACTOR, [{ id: "tia-tomorrow", next }], AT));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("An assessment cannot be completed in the future.");
    expect(error.fieldErrors).toEqual({ completed: "Enter a date on or before 2026-03-01." });
    expect(count(db, "SELECT count(*) FROM transfer_impact_assessment WHERE transfer_id = ?", t.id)).toBe(0);
    expect(audits(db)).toBe(before);
  });
});
