/**
 * The request log: due dates from GDPR Art. 12(3) (one month; one extension by up to two further months, decided
 * within the first month, with a reason), status changes, stale edits refused, every change audited, and the
 * overdue / due-soon views.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { auditLog } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import type { RequestFields } from "@/server/schemas/request";
import { createRequest, dueSummary, extendRequest, getRequest, listRequests, setRequestStatus, updateRequest } from "./requests";

let db: Db;
beforeEach(() => {
  db = createTestDb();
});

const fields = (partyId: string, received: string, name = "Robin Requester"): RequestFields => ({
  requesterName: name,
  requesterContact: "robin@example.test",
  received,
  channel: "email",
  question: "A copy of the safeguards, please.",
  partyIds: [partyId],
  categoryIds: [],
  purposeIds: [],
  withholdNames: false,
  notes: null,
});

describe("requests", () => {
  it("is due one month after receipt, clamped to the month's end", () => {
    const r = createRequest(db, SYSTEM_ACTOR, { fields: fields(insertParty(db).id, "2026-01-31") }, "2026-02-01");
    expect(r).toMatchObject({ status: "received", due: "2026-02-28", version: 1 });
  });

  it("refuses a receipt date in the future and an unknown entity", () => {
    expect(() => createRequest(db, SYSTEM_ACTOR, { fields: fields(insertParty(db).id, "2026-03-01") }, "2026-02-01")).toThrow(/future/);
    expect(() => createRequest(db, SYSTEM_ACTOR, { fields: fields("ghost", "2026-01-05") }, "2026-02-01")).toThrow(/Unknown entity: ghost/);
  });

  it("extends once, within the first month, to received + 3 months", () => {
    const r = createRequest(db, SYSTEM_ACTOR, { fields: fields(insertParty(db).id, "2026-01-31") }, "2026-02-01");
    const late = () => extendRequest(db, SYSTEM_ACTOR, { id: r.id, version: r.version, extraMonths: 2, reason: "Complex", on: "2026-03-01" }, "2026-03-02");
    expect(late).toThrow(/by 2026-02-28/);
    const e = extendRequest(db, SYSTEM_ACTOR, { id: r.id, version: r.version, extraMonths: 2, reason: "Forty vendors to ask", on: "2026-02-20" }, "2026-02-20");
    expect(e).toMatchObject({ due: "2026-04-30", extensionMonths: 2, extensionReason: "Forty vendors to ask", version: 2 });
    expect(() => extendRequest(db, SYSTEM_ACTOR, { id: r.id, version: e.version, extraMonths: 1, reason: "again", on: "2026-02-21" }, "2026-02-21")).toThrow(/already extended/);
  });

  it("refuses a stale edit and changes nothing", () => {
    const r = createRequest(db, SYSTEM_ACTOR, { fields: fields(insertParty(db).id, "2026-01-10") }, "2026-02-01");
    const updated = updateRequest(db, SYSTEM_ACTOR, { id: r.id, version: 1, fields: { ...fields(JSON.parse(r.partyIds)[0] as string, "2026-01-12", "Robin R.") } }, "2026-02-01");
    expect(updated).toMatchObject({ version: 2, due: "2026-02-12", requesterName: "Robin R." });
    expect(() => updateRequest(db, SYSTEM_ACTOR, { id: r.id, version: 1, fields: fields(JSON.parse(r.partyIds)[0] as string, "2026-01-10", "Stale") }, "2026-02-01")).toThrow(
      /changed by someone else/,
    );
    expect(getRequest(db, r.id, "2026-02-01").requesterName).toBe("Robin R.");
  });

  it("refuses with a reason, and a refused request is closed", () => {
    const r = createRequest(db, SYSTEM_ACTOR, { fields: fields(insertParty(db).id, "2026-01-10") }, "2026-02-01");
    expect(() => setRequestStatus(db, SYSTEM_ACTOR, { id: r.id, version: 1, status: "refused" })).toThrow(/reason/);
    const refused = setRequestStatus(db, SYSTEM_ACTOR, { id: r.id, version: 1, status: "refused", reason: "Manifestly unfounded" }, "2026-02-02");
    expect(refused).toMatchObject({ status: "refused", refusalReason: "Manifestly unfounded", closedOn: "2026-02-02" });
    expect(() => setRequestStatus(db, SYSTEM_ACTOR, { id: r.id, version: refused.version, status: "in_progress" })).toThrow(/cannot become/);
    const actions = db.select().from(auditLog).all().filter((a) => a.entityId === r.id).map((a) => a.action);
    expect(actions).toEqual(["request.create", "request.status"]);
  });

  it("flags overdue and due-soon open requests on the list and the summary", () => {
    const party = insertParty(db).id;
    const overdue = createRequest(db, SYSTEM_ACTOR, { fields: fields(party, "2026-01-02", "Overdue Olga") }, "2026-03-01"); // due 2026-02-02
    createRequest(db, SYSTEM_ACTOR, { fields: fields(party, "2026-02-05", "Soon Sam") }, "2026-03-01"); // due 2026-03-05
    createRequest(db, SYSTEM_ACTOR, { fields: fields(party, "2026-02-25", "Later Lee") }, "2026-03-01"); // due 2026-03-25
    const list = listRequests(db, { sort: "due" }, "2026-03-01");
    expect(list.items.map((i) => [i.requesterName, i.urgency])).toEqual([
      ["Overdue Olga", "overdue"],
      ["Soon Sam", "due_soon"],
      ["Later Lee", "on_time"],
    ]);
    expect(listRequests(db, { urgency: "overdue" }, "2026-03-01").items.map((i) => i.id)).toEqual([overdue.id]);
    expect(dueSummary(db, "2026-03-01")).toMatchObject({ open: 3, overdue: 1, dueSoon: 1 });
  });
});
