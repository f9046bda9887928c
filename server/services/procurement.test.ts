import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty, insertUser } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard, insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "@/server/auth/actor";
import { attachSafeguardToTransfers, findDuplicateTransfers, searchAttachableTransfers } from "./procurement";
import { searchSafeguards } from "./search";
import { archiveTransfer, getTransfer, updateTransfer } from "./transfers";
import { archiveSafeguard } from "./safeguards";
import { transferFields } from "@/server/testing/factories-transfers";

const statusOf = (db: Db, id: string) => (db.$client.prepare("SELECT status FROM transfer_verdict WHERE transfer_id = ?").get(id) as { status: string } | undefined)?.status;
const auditRows = (db: Db, id: string) =>
  db.$client.prepare("SELECT action, before, after, actor_email AS actorEmail FROM audit_log WHERE entity_type = 'transfer' AND entity_id = ? ORDER BY id").all(id) as {
    action: string;
    before: string | null;
    after: string | null;
    actorEmail: string;
  }[];

describe("attaching a safeguard from its page", () => {
  let db: Db;
  let actor: Actor;
  beforeEach(() => {
    db = createTestDb();
    const user = insertUser(db, "procurement");
    actor = { kind: "user", id: user.id, email: user.email, name: "Procurement", role: "procurement" };
  });

  it("offers only live transfers between parties it binds, not those already relying on it", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US"] });
    const other = insertParty(db, { name: "Other Vendor LLC", country: "US", processingLocations: ["US"] });
    const between = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id });
    insertTransfer(db, { exporterId: exporter.id, recipientId: other.id }); // the safeguard does not bind Other Vendor
    const archived = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, destination: "US", start: "2023-01-01" });
    archiveTransfer(db, SYSTEM_ACTOR, { id: archived.id, version: archived.version });
    const sg = insertSafeguard(db, { partyIds: [exporter.id, vendor.id] });
    const relying = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, start: "2024-01-01", safeguardIds: [sg.id] });

    const page = searchAttachableTransfers(db, { safeguardId: sg.id });
    expect(page.items.map((t) => t.id)).toEqual([between.id]);
    expect(page.items[0]).toMatchObject({ version: between.version, exporter: { id: exporter.id }, recipient: { id: vendor.id, name: "Quanta Cloud Inc." }, destination: "US", status: "unsafeguarded" });
    expect(page.bindsParties).toBe(true);
    expect(page.items.map((t) => t.id)).not.toContain(relying.id);
    expect(searchAttachableTransfers(db, { safeguardId: sg.id, q: "quanta" }).items.map((t) => t.id)).toEqual([between.id]);
    expect(searchAttachableTransfers(db, { safeguardId: sg.id, q: "nothing-like-this" }).items).toEqual([]);
  });

  it("pages at most 20 candidates per call", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Many Transfers Ltd", country: "US", processingLocations: ["US"] });
    for (let n = 0; n < 23; n++) insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id });
    const sg = insertSafeguard(db, { partyIds: [exporter.id, vendor.id] });
    const first = searchAttachableTransfers(db, { safeguardId: sg.id });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toBe(20);
    const second = searchAttachableTransfers(db, { safeguardId: sg.id, cursor: first.nextCursor });
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(() => searchAttachableTransfers(db, { safeguardId: sg.id, limit: 21 })).toThrow();
  });

  it("attaches, bumps the version, audits a transfer edit and re-evaluates the verdict in the same transaction", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US"] });
    const t = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, start: "2022-06-01" });
    const sg = insertSafeguard(db, { partyIds: [exporter.id, vendor.id], signed: "2022-01-01", modules: [2] });
    expect(statusOf(db, t.id)).toBe("unsafeguarded");

    const result = attachSafeguardToTransfers(db, actor, { safeguardId: sg.id, transfers: [{ id: t.id, version: t.version }] });
    expect(result.attached).toEqual([{ id: t.id, version: t.version + 1 }]);
    expect(getTransfer(db, t.id).safeguardIds).toEqual([sg.id]);
    expect(getTransfer(db, t.id).version).toBe(t.version + 1);
    expect(statusOf(db, t.id)).toBe("safeguarded");
    const last = auditRows(db, t.id).at(-1)!;
    expect(last.action).toBe("transfer.update");
    expect(last.actorEmail).toBe(actor.email);
    // The transfer writer's row, as for any edit of the transfer: the whole transfer before and after.
    expect(JSON.parse(last.before!)).toMatchObject({ id: t.id, exporterId: t.exporterId, safeguardIds: [], version: t.version });
    expect(JSON.parse(last.after!)).toMatchObject({ id: t.id, exporterId: t.exporterId, safeguardIds: [sg.id], version: t.version + 1 });
    expect(searchAttachableTransfers(db, { safeguardId: sg.id }).items).toEqual([]);
  });

  it("refuses a stale version, changing nothing (all or nothing over several transfers)", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US"] });
    const a = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id });
    const b = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, start: "2023-01-01" });
    const sg = insertSafeguard(db, { partyIds: [exporter.id, vendor.id] });
    // Someone edits b after the user listed it.
    updateTransfer(db, SYSTEM_ACTOR, { id: b.id, version: b.version, fields: transferFields({ exporterId: exporter.id, recipientId: vendor.id, start: "2023-01-01", notes: "edited" }) });
    const auditBefore = auditRows(db, a.id).length;
    expect(() => attachSafeguardToTransfers(db, actor, { safeguardId: sg.id, transfers: [{ id: a.id, version: a.version }, { id: b.id, version: b.version }] })).toThrow(/changed by someone else/);
    expect(getTransfer(db, a.id).safeguardIds).toEqual([]);
    expect(getTransfer(db, a.id).version).toBe(a.version);
    expect(auditRows(db, a.id)).toHaveLength(auditBefore);
    expect(statusOf(db, a.id)).toBe("unsafeguarded");
  });

  it("a safeguard that names no party (a derogation) can be attached to any live transfer", () => {
    const t = insertTransfer(db);
    const derogation = insertSafeguard(db, { type: "derogation", title: "Contract with the data subject", derogationBasis: "49(1)(b)", justification: "Bookings the customer asked for.", sccVersion: null, modules: [], signed: null, partyIds: [] });
    const page = searchAttachableTransfers(db, { safeguardId: derogation.id });
    expect(page.bindsParties).toBe(false);
    expect(page.items.map((x) => x.id)).toContain(t.id);
    attachSafeguardToTransfers(db, actor, { safeguardId: derogation.id, transfers: [{ id: t.id, version: t.version }] });
    expect(getTransfer(db, t.id).safeguardIds).toEqual([derogation.id]);
    expect(searchAttachableTransfers(db, { safeguardId: derogation.id }).items.map((x) => x.id)).not.toContain(t.id);
  });

  it("refuses transfers between parties it does not bind, archived transfers and an archived safeguard", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US"] });
    const other = insertParty(db, { name: "Other Vendor LLC", country: "US", processingLocations: ["US"] });
    const sg = insertSafeguard(db, { partyIds: [exporter.id, vendor.id] });
    const elsewhere = insertTransfer(db, { exporterId: exporter.id, recipientId: other.id });
    expect(() => attachSafeguardToTransfers(db, actor, { safeguardId: sg.id, transfers: [{ id: elsewhere.id, version: elsewhere.version }] })).toThrow(/does not bind both parties/);
    const gone = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id });
    const archived = archiveTransfer(db, SYSTEM_ACTOR, { id: gone.id, version: gone.version });
    expect(() => attachSafeguardToTransfers(db, actor, { safeguardId: sg.id, transfers: [{ id: gone.id, version: archived.version }] })).toThrow(/archived/);
    const unused = insertSafeguard(db, { partyIds: [exporter.id, vendor.id] });
    archiveSafeguard(db, SYSTEM_ACTOR, { id: unused.id, version: unused.version });
    const live = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, start: "2024-05-01" });
    expect(() => attachSafeguardToTransfers(db, actor, { safeguardId: unused.id, transfers: [{ id: live.id, version: live.version }] })).toThrow(/archived/);
    expect(() => attachSafeguardToTransfers(db, actor, { safeguardId: sg.id, transfers: [] })).toThrow();
    expect(getTransfer(db, live.id).safeguardIds).toEqual([]);
  });
});

describe("the transfer form's safeguard search: both parties first", () => {
  it("lists the safeguards that bind both chosen parties; the exporter's others only when asked", () => {
    const db = createTestDb();
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Brand New Vendor", country: "US", processingLocations: ["US"] });
    const elsewhere = insertParty(db, { name: "Another Vendor", country: "US", processingLocations: ["US"] });
    const both = insertSafeguard(db, { title: "SCCs with the new vendor", partyIds: [exporter.id, vendor.id] });
    const exporterOnly = insertSafeguard(db, { title: "SCCs with another vendor", partyIds: [exporter.id, elsewhere.id] });
    insertSafeguard(db, { title: "SCCs between strangers", partyIds: [insertAffiliate(db, "FR").id, elsewhere.id] });
    const ids = (partyIds: string[]) => searchSafeguards(db, { partyIds }).items.map((s) => s.id);
    expect(ids([exporter.id, vendor.id])).toEqual([both.id]);
    expect(ids([exporter.id]).sort()).toEqual([both.id, exporterOnly.id].sort());
    expect(() => searchSafeguards(db, { partyIds: [exporter.id], limit: 21 })).toThrow();
  });
});

describe("duplicate-transfer check", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("finds a live transfer with the same parties and destination sharing a category and a purpose", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US", "IE"] });
    const existing = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, destination: "US", dataCategories: ["contact"], purposes: ["it_hosting"] });
    const draft = { exporterId: exporter.id, recipientId: vendor.id, destination: "US" };
    expect(findDuplicateTransfers(db, { ...draft, dataCategories: ["contact"], purposes: ["it_hosting"] }).map((d) => d.id)).toEqual([existing.id]);
    expect(findDuplicateTransfers(db, { ...draft, dataCategories: ["contact"], purposes: ["it_hosting"] })[0]).toMatchObject({ recipientName: "Quanta Cloud Inc.", destination: "US" });
    // Nothing named yet: the parties and destination alone match.
    expect(findDuplicateTransfers(db, draft).map((d) => d.id)).toEqual([existing.id]);
  });

  it("does not warn for another destination, category, purpose, an archived transfer, or the transfer being edited", () => {
    const exporter = insertAffiliate(db, "DE");
    const vendor = insertParty(db, { name: "Quanta Cloud Inc.", country: "US", processingLocations: ["US", "IE"] });
    const existing = insertTransfer(db, { exporterId: exporter.id, recipientId: vendor.id, destination: "US", dataCategories: ["contact"], purposes: ["it_hosting"] });
    const draft = { exporterId: exporter.id, recipientId: vendor.id, destination: "US", dataCategories: ["contact"], purposes: ["it_hosting"] };
    expect(findDuplicateTransfers(db, { ...draft, destination: "IE" })).toEqual([]);
    expect(findDuplicateTransfers(db, { ...draft, dataCategories: ["financial"] })).toEqual([]);
    expect(findDuplicateTransfers(db, { ...draft, purposes: ["marketing"] })).toEqual([]);
    expect(findDuplicateTransfers(db, { ...draft, excludeId: existing.id })).toEqual([]);
    archiveTransfer(db, SYSTEM_ACTOR, { id: existing.id, version: existing.version });
    expect(findDuplicateTransfers(db, draft)).toEqual([]);
  });
});
