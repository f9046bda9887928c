import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertSafeguard, insertTia, insertTransfer, insertTransferParties, transferFields } from "@/server/testing/factories-transfers";
import { auditLog } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { getParty, listParties, updateParty } from "./parties";
import { partyFieldsSchema } from "@/server/schemas/party";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import {
  archiveTransfer,
  createTransfer,
  describeTransfer,
  listTransfers,
  restoreTransfer,
  transferHistory,
  transfersOfParty,
  updateTransfer,
  viewTransfer,
} from "./transfers";

const AS_OF = "2024-06-01";

describe("transfers", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("creates a transfer with a slug id from exporter and recipient, and writes its audit row", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const t = createTransfer(db, SYSTEM_ACTOR, { fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id, dataSubjects: ["customers", "employees"] }) });
    expect(t.id).toBe(`${exporter.id}-${recipient.id}`.slice(0, 56));
    expect(t.dataSubjects).toEqual(["customers", "employees"]);
    const audit = db.select().from(auditLog).where(and(eq(auditLog.entityType, "transfer"), eq(auditLog.entityId, t.id))).all();
    expect(audit.map((a) => a.action)).toEqual(["transfer.create"]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ exporterId: exporter.id, purposes: ["it_hosting"] });
  });

  it("refuses a non-affiliate exporter and a destination where the recipient does not process data, field by field", () => {
    const vendor = insertParty(db);
    const recipient = insertParty(db, { country: "US", processingLocations: ["US"] });
    try {
      createTransfer(db, SYSTEM_ACTOR, { fields: transferFields({ exporterId: vendor.id, recipientId: recipient.id, destination: "IN" }) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fieldErrors).toMatchObject({ exporterId: expect.stringMatching(/affiliate/), destination: expect.stringMatching(/processing locations/) });
    }
  });

  it("refuses a stale edit and keeps the first one", () => {
    const t = insertTransfer(db);
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, notes: "first" }) });
    expect(() =>
      updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, notes: "stale" }) }),
    ).toThrow(/changed by someone else/);
    expect(viewTransfer(db, t.id, AS_OF).notes).toBe("first");
    expect(transferHistory(db, t.id).map((a) => a.action)).toEqual(["transfer.update", "transfer.create"]);
  });

  it("archives and restores, audited, and leaves archived transfers out of the default list", () => {
    const t = insertTransfer(db);
    const archived = archiveTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version });
    expect(listTransfers(db, { asOf: AS_OF }).items.map((i) => i.id)).not.toContain(t.id);
    expect(listTransfers(db, { archived: "archived", asOf: AS_OF }).items.map((i) => i.id)).toEqual([t.id]);
    restoreTransfer(db, SYSTEM_ACTOR, { id: t.id, version: archived.version });
    expect(transferHistory(db, t.id).map((a) => a.action)).toEqual(["transfer.restore", "transfer.archive", "transfer.create"]);
  });

  it("goes from unsafeguarded to safeguarded with 2021 SCCs module 2, with tia_missing until a TIA is recorded", () => {
    const t = insertTransfer(db);
    expect(viewTransfer(db, t.id, AS_OF).verdict.status).toBe("unsafeguarded");
    const scc = insertSafeguard(db, { partyIds: [t.exporterId, t.recipientId], modules: [2], signed: "2022-01-01" });
    const v1 = updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, safeguardIds: [scc.id] }) });
    const verdict = viewTransfer(db, v1.id, AS_OF).verdict;
    expect(verdict.status).toBe("safeguarded");
    expect(verdict.issues.map((i) => i.code)).toContain("tia_missing");
    insertTia(db, t.id, { completed: "2022-02-01" });
    expect(viewTransfer(db, t.id, AS_OF).verdict.issues.map((i) => i.code)).not.toContain("tia_missing");
    expect(transferHistory(db, t.id)[0]!.action).toBe("tia.create");
  });

  it("flags SCCs whose module does not match the transfer's roles (module_mismatch), in the verdict and in the form preview", () => {
    const t = insertTransfer(db, {});
    const scc = insertSafeguard(db, { partyIds: [t.exporterId, t.recipientId], modules: [1] });
    updateTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, safeguardIds: [scc.id] }) });
    const verdict = viewTransfer(db, t.id, AS_OF).verdict;
    expect(verdict.status).toBe("unsafeguarded");
    expect(verdict.issues.map((i) => i.code)).toContain("module_mismatch");
    expect(listTransfers(db, { issue: "module_mismatch", asOf: AS_OF }).items.map((i) => i.id)).toEqual([t.id]);

    const preview = describeTransfer(db, { exporterId: t.exporterId, recipientId: t.recipientId, destination: "US", exporterRole: "controller", recipientRole: "processor", safeguardIds: [scc.id] }, AS_OF);
    expect(preview.preview?.issues.map((i) => i.code)).toContain("module_mismatch");
  });

  it("describes the destination and suggests SCC module 2 for controller→processor from Germany", () => {
    const { exporter, recipient } = insertTransferParties(db, "IN");
    const d = describeTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, destination: "IN", exporterRole: "controller", recipientRole: "processor" }, AS_OF);
    expect(d.destination?.regime).toBe("EU");
    expect(d.destination?.thirdCountry).toBe(true);
    expect(d.destinationOptions).toEqual(["IN"]);
    expect(d.suggestions[0]).toMatchObject({ type: "scc", version: "2021/914", modules: [2] });
    const inside = describeTransfer(db, { exporterId: exporter.id, destination: "FR" }, AS_OF);
    expect(inside.destination?.insideArea).toBe(true);
  });

  it("filters and sorts the list by live status, and gives each party its worst status", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const intraEu = insertParty(db, { country: "FR", processingLocations: ["FR"] });
    const bad = insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id });
    const fine = insertTransfer(db, { exporterId: exporter.id, recipientId: intraEu.id, destination: "FR" });
    expect(listTransfers(db, { status: "not_restricted", asOf: AS_OF }).items.map((i) => i.id)).toEqual([fine.id]);
    expect(listTransfers(db, { sort: "status", dir: "desc", asOf: AS_OF }).items.map((i) => i.id)).toEqual([bad.id, fine.id]);
    expect(listTransfers(db, { sort: "status", dir: "asc", asOf: AS_OF }).items.map((i) => i.id)).toEqual([fine.id, bad.id]);
    expect(listTransfers(db, { regime: "EU", pageSize: 5, page: 1, asOf: AS_OF }).total).toBe(2);
    const ofExporter = transfersOfParty(db, exporter.id, AS_OF);
    expect(ofExporter.asExporter).toHaveLength(2);
    expect(ofExporter.worstStatus).toBe("unsafeguarded");
    expect(transfersOfParty(db, intraEu.id, AS_OF).worstStatus).toBe("not_restricted");
  });

  it("filters and sorts the party list by each party's worst live status", () => {
    const { exporter, recipient } = insertTransferParties(db);
    const fr = insertParty(db, { country: "FR", processingLocations: ["FR"] });
    const idle = insertParty(db);
    insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id });
    insertTransfer(db, { exporterId: exporter.id, recipientId: fr.id, destination: "FR" });
    expect(listParties(db, { status: "unsafeguarded" }, AS_OF).items.map((p) => p.id).sort()).toEqual([exporter.id, recipient.id].sort());
    expect(listParties(db, { status: "not_restricted" }, AS_OF).items.map((p) => p.id)).toEqual([fr.id]);
    expect(listParties(db, { status: "none" }, AS_OF).items.map((p) => p.id)).toEqual([idle.id]);
    const sorted = listParties(db, { sort: "status", dir: "desc" }, AS_OF).items;
    expect(sorted.map((p) => p.worstStatus)).toEqual(["unsafeguarded", "unsafeguarded", "not_restricted", null]);
  });

  it("refuses restoring a transfer that no longer obeys the record rules (its exporter stopped being an affiliate meanwhile)", () => {
    const t = insertTransfer(db);
    const archived = archiveTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version });
    // Archived transfers do not hold their exporter to the affiliate rule, so the party may change.
    const exporter = getParty(db, t.exporterId);
    updateParty(db, SYSTEM_ACTOR, { id: exporter.id, version: exporter.version, fields: partyFieldsSchema.parse({ ...exporter, relationship: "reseller" }) });
    expect(() => restoreTransfer(db, SYSTEM_ACTOR, { id: t.id, version: archived.version })).toThrow("The exporter must be one of the group's affiliates.");
  });
});
