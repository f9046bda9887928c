/**
 * Flags and their review workflow on a fresh database (issue 10, items 2 and 3). Dates are relative to the real
 * today (the verdict store answers for today): the test computes them itself.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/server/testing/factories";
import { insertTransfer, insertTransferParties, safeguardFields } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import type { Actor } from "@/server/auth/actor";
import { addDays } from "@/server/domain/dates";
import { AppError } from "@/server/errors";
import { assignFlag, commentOnFlag, flagDetail, flagSummary, listFlags, moveFlag } from "./flags";
import { createSafeguard, updateSafeguard } from "./safeguards";
import { today } from "./verdicts";

function dpoActor(db: Db): Actor {
  const u = insertUser(db, "dpo");
  return { kind: "user", id: u.id, email: u.email, name: u.name, role: "dpo" };
}

/** A German affiliate sending data to a US processor (no certification): unsafeguarded unless SCCs are signed. */
function usTransfer(db: Db, start: string) {
  return insertTransfer(db, { start, frequency: "continuous" });
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return undefined;
}

describe("flags list", () => {
  it("flags a transfer starting in 10 days without cover as uncovered_at_start (an error), with the SCC remedy, and resolves it once SCCs are attached", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const start = addDays(today(), 10);
    const t = usTransfer(db, start);
    const page = listFlags(db, dpo, {});
    const flag = page.items.find((f) => f.transferId === t.id);
    expect(flag).toMatchObject({ code: "uncovered_at_start", severity: "error", state: "open", version: 0 });
    expect(flag!.message).toContain(start);
    expect(flag!.remedy.text).toBe("Sign the 2021 SCCs, module 2.");
    expect(flag!.remedy.action).toEqual({ kind: "safeguard", params: { type: "scc", version: "2021/914", module: 2 } });
    expect(flag!.citations.length).toBe(0); // an inactive verdict rests on nothing; the message cites the law
    expect(flag!.message).toContain("GDPR Art. 44");

    createSafeguard(db, dpo, { fields: safeguardFields({ partyIds: [t.exporterId, t.recipientId], signed: today() }), attachToTransferId: t.id });
    expect(listFlags(db, dpo, {}).items.find((f) => f.transferId === t.id && f.code === "uncovered_at_start")).toBeUndefined();
  });

  it("is a warning more than 30 days ahead, and a running transfer without cover is flagged unsafeguarded", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const later = usTransfer(db, addDays(today(), 45));
    const running = usTransfer(db, "2024-01-01");
    const items = listFlags(db, dpo, { pageSize: 100 }).items;
    expect(items.find((f) => f.transferId === later.id)).toMatchObject({ code: "uncovered_at_start", severity: "warning" });
    const unsafe = items.find((f) => f.transferId === running.id && f.code === "unsafeguarded");
    expect(unsafe).toMatchObject({ severity: "error", state: "open", raisedSince: "2024-01-01" });
    expect(unsafe!.citations.map((c) => c.citation).join(" ")).toContain("GDPR");
    expect(listFlags(db, dpo, { severity: "warning", pageSize: 100 }).items.every((f) => f.severity === "warning")).toBe(true);
    expect(listFlags(db, dpo, { code: "unsafeguarded" }).items.map((f) => f.transferId)).toEqual([running.id]);
    expect(flagSummary(db)).toMatchObject({ error: 1, warning: 1 });
  });

  it("pages: never more than pageSize items, and the total counts every raised flag", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    for (let i = 0; i < 7; i++) usTransfer(db, "2024-01-01");
    const first = listFlags(db, dpo, { code: "unsafeguarded", pageSize: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(7);
    expect(listFlags(db, dpo, { code: "unsafeguarded", pageSize: 5, page: 2 }).items).toHaveLength(2);
  });
});

describe("review workflow", () => {
  it("assigns an owner and a due date (creating the row), audited, and refuses a stale version", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const owner = insertUser(db, "procurement");
    const t = usTransfer(db, "2024-01-01");
    const due = addDays(today(), 14);
    const row = assignFlag(db, dpo, { transferId: t.id, code: "unsafeguarded", version: 0, ownerId: owner.id, dueDate: due });
    expect(row).toMatchObject({ state: "open", ownerId: owner.id, dueDate: due, version: 2 });
    expect(errorCode(() => assignFlag(db, dpo, { transferId: t.id, code: "unsafeguarded", version: 0, ownerId: null, dueDate: null }))).toBe("CONFLICT");
    const detail = flagDetail(db, { transferId: t.id, code: "unsafeguarded" });
    expect(detail.history.map((h) => h.action)).toEqual(["flag.assign"]);
    const mine = listFlags(db, { kind: "user", id: owner.id, email: owner.email, name: owner.name, role: "procurement" }, { mine: true });
    expect(mine.items.map((f) => [f.transferId, f.owner?.id])).toEqual([[t.id, owner.id]]);
  });

  it("refuses an auditor or admin as owner, and a flag that is not raised", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const auditor = insertUser(db, "auditor");
    const t = usTransfer(db, "2024-01-01");
    expect(errorCode(() => assignFlag(db, dpo, { transferId: t.id, code: "unsafeguarded", version: 0, ownerId: auditor.id, dueDate: null }))).toBe("BAD_REQUEST");
    expect(errorCode(() => assignFlag(db, dpo, { transferId: t.id, code: "tia_missing", version: 0, ownerId: null, dueDate: null }))).toBe("BAD_REQUEST");
    expect(flagDetail(db, { transferId: t.id, code: "unsafeguarded" }).flag).toBeNull();
  });

  it("accepts a risk only with a justification and a later re-review date; it leaves the open list and reopens on its re-review date", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const t = usTransfer(db, "2024-01-01");
    const key = { transferId: t.id, code: "unsafeguarded" as const };
    expect(errorCode(() => moveFlag(db, dpo, { ...key, version: 0, to: "risk_accepted", justification: null, rereviewDate: addDays(today(), 30) }))).toBe("BAD_REQUEST");
    expect(errorCode(() => moveFlag(db, dpo, { ...key, version: 0, to: "risk_accepted", justification: "Vendor exit planned", rereviewDate: today() }))).toBe("BAD_REQUEST");
    expect(flagDetail(db, key).flag).toBeNull(); // refused changes left nothing behind

    const rereview = addDays(today(), 30);
    moveFlag(db, dpo, { ...key, version: 0, to: "risk_accepted", justification: "Vendor exit planned", rereviewDate: rereview });
    expect(listFlags(db, dpo, {}).items.find((f) => f.transferId === t.id)).toBeUndefined();
    expect(listFlags(db, dpo, { state: "risk_accepted" }).items.map((f) => [f.transferId, f.justification])).toEqual([[t.id, "Vendor exit planned"]]);
    expect(listFlags(db, dpo, { asOf: addDays(rereview, -1) }).items.find((f) => f.transferId === t.id)).toBeUndefined();
    expect(listFlags(db, dpo, { asOf: rereview }).items.find((f) => f.transferId === t.id)).toMatchObject({ state: "open" });
    expect(flagDetail(db, key).history.map((h) => [h.action, h.after?.state])).toEqual([["flag.move", "risk_accepted"]]);
  });

  it("cannot be resolved by hand while raised; resolves itself when the verdict is clean and reopens when cover is lost again", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const t = usTransfer(db, "2024-01-01");
    const key = { transferId: t.id, code: "unsafeguarded" as const };
    const inRemediation = moveFlag(db, dpo, { ...key, version: 0, to: "in_remediation", justification: null, rereviewDate: null });
    expect(inRemediation.state).toBe("in_remediation");
    expect(errorCode(() => moveFlag(db, dpo, { ...key, version: inRemediation.version, to: "resolved", justification: null, rereviewDate: null }))).toBe("BAD_REQUEST");

    const scc = createSafeguard(db, dpo, { fields: safeguardFields({ partyIds: [t.exporterId, t.recipientId], signed: "2023-12-01" }), attachToTransferId: t.id });
    expect(listFlags(db, dpo, {}).items.find((f) => f.transferId === t.id && f.code === "unsafeguarded")).toBeUndefined();
    expect(listFlags(db, dpo, { state: "resolved" }).items.map((f) => [f.transferId, f.code, f.state])).toEqual([[t.id, "unsafeguarded", "resolved"]]);
    expect(flagDetail(db, key).flag).toMatchObject({ state: "resolved", resolvedOn: today() });

    // The SCCs end yesterday: the transfer is unsafeguarded again today.
    updateSafeguard(db, dpo, { id: scc.id, version: scc.version, fields: safeguardFields({ partyIds: [t.exporterId, t.recipientId], signed: "2023-12-01", ended: addDays(today(), -1) }) });
    const reopened = listFlags(db, dpo, {}).items.find((f) => f.transferId === t.id && f.code === "unsafeguarded");
    expect(reopened?.state).toBe("open");
  });

  it("comments on a flag, audited", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const t = usTransfer(db, "2024-01-01");
    commentOnFlag(db, dpo, { transferId: t.id, code: "unsafeguarded", body: "Asked the vendor for SCCs." });
    const detail = flagDetail(db, { transferId: t.id, code: "unsafeguarded" });
    expect(detail.comments.map((c) => c.body)).toEqual(["Asked the vendor for SCCs."]);
    expect(detail.history.map((h) => h.action)).toEqual(["flag.comment"]);
    expect(listFlags(db, dpo, {}).items.find((f) => f.transferId === t.id)?.commentCount).toBe(1);
  });
});

describe("attaching a new safeguard to a transfer", () => {
  it("refuses an unknown transfer and registers nothing", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const { exporter, recipient } = insertTransferParties(db);
    expect(errorCode(() => createSafeguard(db, dpo, { id: "sg-x", fields: safeguardFields({ partyIds: [exporter.id, recipient.id] }), attachToTransferId: "nope" }))).toBe("BAD_REQUEST");
    expect(errorCode(() => createSafeguard(db, dpo, { id: "sg-x", fields: safeguardFields({ partyIds: [exporter.id, recipient.id] }) }))).toBeUndefined();
  });
});
