/**
 * The two reminder kinds of the flags' review workflow (issue 10, item 4: "accepted risks due for re-review; flags
 * past their due date"), on a fresh database. Dates are relative to the real today, as in flags.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/server/testing/factories";
import { insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { rawClient } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { addDays } from "@/server/domain/dates";
import { flagDueEvent, riskRereviewEvent } from "@/server/domain/reminders";
import { assignFlag, moveFlag } from "./flags";
import { listReminders, reminderSummary } from "./reminders";
import { today } from "./verdicts";

function dpoActor(db: Db): Actor & { kind: "user" } {
  const u = insertUser(db, "dpo");
  return { kind: "user", id: u.id, email: u.email, name: u.name, role: "dpo" };
}

describe("flag reminders: the rules", () => {
  it("a flag's due date: overdue once passed, with its owner; an accepted risk: due on its re-review date", () => {
    const row = { flagId: "f1", transferId: "t1", exporterName: "Kestrelform GmbH", recipientName: "Quanta", codeLabel: "Unsafeguarded transfer", dueDate: "2026-12-10", ownerName: "Pat" };
    expect(flagDueEvent(row, "2026-11-30")).toMatchObject({
      uid: "flag_due.f1@transfer-registry",
      kind: "flag_due",
      date: "2026-12-10",
      daysLeft: 10,
      record: { type: "transfer", id: "t1", title: "Kestrelform GmbH → Quanta" },
      summary: "Flag due: Unsafeguarded transfer (Kestrelform GmbH → Quanta)",
      why: "Pat owns it; it is due on 2026-12-10 and is not resolved.",
    });
    expect(flagDueEvent({ ...row, ownerName: null }, "2026-12-12")).toMatchObject({ daysLeft: -2, why: "It has no owner; it was due on 2026-12-10 and is not resolved." });
    const risk = riskRereviewEvent({ flagId: "f2", transferId: "t1", exporterName: "Kestrelform GmbH", recipientName: "Quanta", codeLabel: "Unsafeguarded transfer", rereviewDate: "2027-01-31" }, "2026-11-30");
    expect(risk).toMatchObject({ uid: "risk_rereview.f2@transfer-registry", kind: "risk_rereview", date: "2027-01-31", daysLeft: 62 });
  });
});

describe("flag reminders: the inbox", () => {
  it("lists a flag's due date and an accepted risk's re-review date, counts the overdue one, and follows each review action at once", () => {
    const db = createTestDb();
    const dpo = dpoActor(db);
    const owner = insertUser(db, "procurement");
    // Two US transfers without cover: both flagged `unsafeguarded` (FORMAT.md: nothing covers the transfer).
    const a = insertTransfer(db, { start: "2024-01-01", frequency: "continuous" });
    const b = insertTransfer(db, { start: "2024-01-01", frequency: "continuous" });
    const kinds = () => listReminders(db, dpo.id, {}).items.filter((e) => e.kind === "flag_due" || e.kind === "risk_rereview");
    expect(kinds()).toEqual([]);

    const due = addDays(today(), 14);
    assignFlag(db, dpo, { transferId: a.id, code: "unsafeguarded", version: 0, ownerId: owner.id, dueDate: due });
    // The inbox read before the change is cached; the review action must show anyway.
    expect(kinds().map((e) => [e.kind, e.record.id, e.date, e.daysLeft])).toEqual([["flag_due", a.id, due, 14]]);

    const rereview = addDays(today(), 30);
    moveFlag(db, dpo, { transferId: b.id, code: "unsafeguarded", version: 0, to: "risk_accepted", justification: "Vendor exit planned", rereviewDate: rereview });
    expect(kinds().map((e) => [e.kind, e.record.id, e.date])).toEqual([
      ["flag_due", a.id, due],
      ["risk_rereview", b.id, rereview],
    ]);

    // Seen from after the due date: the flag is overdue (an open task), and counted as such.
    const later = addDays(due, 3);
    const inbox = listReminders(db, dpo.id, { asOf: later, kind: "flag_due" });
    expect(inbox.items.map((e) => [e.record.id, e.daysLeft])).toEqual([[a.id, -3]]);
    expect(inbox.byKind.flag_due).toBe(1);
    expect(reminderSummary(db, dpo.id, later).overdue).toBeGreaterThanOrEqual(1);

    // Resolving the cause removes nothing by hand; moving the flag to in remediation keeps its due date.
    moveFlag(db, dpo, { transferId: a.id, code: "unsafeguarded", version: 2, to: "in_remediation", justification: null, rereviewDate: null });
    expect(kinds().map((e) => e.kind)).toEqual(["flag_due", "risk_rereview"]);
  });

  it("reads both kinds by date range over their partial indexes, which the queries name (EXPLAIN QUERY PLAN)", () => {
    const db = createTestDb();
    const plan = (sql: string) => (rawClient(db).prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join("\n");
    expect(
      plan(`SELECT f.id FROM flag f INDEXED BY flag_due_idx JOIN transfer t ON t.id = f.transfer_id
             WHERE f.state IN ('open','in_remediation') AND f.due_date IS NOT NULL AND f.due_date >= '2026-01-01' AND f.due_date <= '2027-01-01' AND t.archived_at IS NULL`),
    ).toMatch(/SEARCH f USING INDEX flag_due_idx \(due_date>\? AND due_date<\?\)/);
    expect(
      plan(`SELECT f.id FROM flag f INDEXED BY flag_rereview_idx JOIN transfer t ON t.id = f.transfer_id
             WHERE f.state = 'risk_accepted' AND f.rereview_date IS NOT NULL AND f.rereview_date >= '2026-01-01' AND f.rereview_date <= '2027-01-01' AND t.archived_at IS NULL`),
    ).toMatch(/SEARCH f USING INDEX flag_rereview_idx \(rereview_date>\? AND rereview_date<\?\)/);
  });
});
