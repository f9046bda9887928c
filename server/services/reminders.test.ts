/**
 * Reminders over a fresh database with known records: the inbox (window, order, paging, kind filter, counts),
 * the iCalendar feed parsed with ical.js, the feed token's life (rotate and revoke → 404, also through the route
 * handler), the audit rows, and the query plans (indexed date ranges, never a scan of the registry).
 */
import ICAL from "ical.js";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as DbClient from "@/db/client";
import { insertUser } from "@/server/testing/factories";
import { insertCertification, insertSafeguard, insertTia, insertTransfer, insertTransferParties } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import type { Actor } from "@/server/auth/actor";
import { archiveSafeguard } from "./safeguards";
import { buildCalendar, calendarFeedFor } from "./calendar-feed";
import { feedEvents, hashFeedToken, issueFeedToken, listReminders, reminderSettings, reminderSummary, revokeFeedToken, setHorizon } from "./reminders";

const routeDb = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<typeof DbClient>()), getDb: () => routeDb.current }));

const AS_OF = "2026-11-30";

function setup() {
  const db = createTestDb();
  const u = insertUser(db, "dpo");
  const actor: Actor = { kind: "user", ...u };
  const { exporter, recipient } = insertTransferParties(db);
  // Ends in 46 days (inside 90), in 183 days (outside), 60 days ago (before the 30-day look-back), 10 days ago (inside).
  const ending = insertSafeguard(db, { title: "SCCs Ending Soon", partyIds: [exporter.id, recipient.id], ended: "2027-01-15" });
  insertSafeguard(db, { title: "SCCs Ending Later", partyIds: [exporter.id, recipient.id], ended: "2027-06-01" });
  insertSafeguard(db, { title: "SCCs Ended Long Ago", partyIds: [exporter.id, recipient.id], ended: "2026-10-01" });
  insertSafeguard(db, { title: "SCCs Just Ended", partyIds: [exporter.id, recipient.id], ended: "2026-11-20" });
  const transfer = insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, safeguardIds: [ending.id] });
  // Only the latest TIA counts: the earlier one's review date (2026-12-05) is not an event.
  insertTia(db, transfer.id, { completed: "2021-01-10", nextReview: "2026-12-05" });
  const tia = insertTia(db, transfer.id, { completed: "2022-02-01", nextReview: "2026-12-20" });
  // DPF: checked 2025-08-01 → due on the re-certification date 2026-07-17 (overdue); checked 2026-08-01 → 2027-07-17 (outside).
  const stale = insertCertification(db, recipient.id, { framework: "dpf_eu", from: "2023-07-17", verifiedOn: "2025-08-01", verifiedBy: "DPO" });
  insertCertification(db, recipient.id, { framework: "dpf_uk", from: "2023-07-17", verifiedOn: "2026-08-01", verifiedBy: "DPO" });
  insertCertification(db, recipient.id, { framework: "privacy_shield_eu", from: "2017-01-01", to: "2020-07-15" });
  return { db, actor, userId: u.id, exporter, recipient, ending, transfer, tia, stale };
}

describe("the reminders inbox", () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  it("lists the events within the horizon by date, each with days left, record and reason", () => {
    const r = listReminders(s.db, s.userId, { asOf: AS_OF });
    expect(r.horizonDays).toBe(90);
    expect(r.items.map((e) => [e.kind, e.date, e.daysLeft])).toEqual([
      ["dpf_check", "2026-07-17", -136],
      ["safeguard_end", "2026-11-20", -10],
      ["tia_review", "2026-12-20", 20],
      ["safeguard_end", "2027-01-15", 46],
    ]);
    expect(r.total).toBe(4);
    expect(r.overdue).toBe(1); // the DPF check; an ended safeguard is not "overdue"
    expect(r.byKind).toEqual({ safeguard_end: 2, dpf_check: 1, tia_review: 1, adequacy_end: 0, flag_due: 0, risk_rereview: 0 });
    const end = r.items[3]!;
    expect(end.record).toEqual({ type: "safeguard", id: s.ending.id, title: "SCCs Ending Soon" });
    expect(end.why).toBe("Its last day is 2027-01-15. 1 live transfer relies on it and loses this cover from the next day unless a successor is in place.");
    expect(r.items[2]!.record).toMatchObject({ type: "transfer", id: s.transfer.id });
    expect(r.items[2]!.uid).toBe(`tia_review.${s.tia.id}@transfer-registry`);
    expect(r.items[0]!.record).toMatchObject({ type: "party", id: s.recipient.id });
  });

  it("pages and filters by kind", () => {
    const p1 = listReminders(s.db, s.userId, { asOf: AS_OF, page: 1, pageSize: 3 });
    const p2 = listReminders(s.db, s.userId, { asOf: AS_OF, page: 2, pageSize: 3 });
    expect(p1.items.map((e) => e.date)).toEqual(["2026-07-17", "2026-11-20", "2026-12-20"]);
    expect(p2.items.map((e) => e.date)).toEqual(["2027-01-15"]);
    expect(p2.total).toBe(4);
    const ends = listReminders(s.db, s.userId, { asOf: AS_OF, kind: "safeguard_end" });
    expect(ends.items.map((e) => e.record.title)).toEqual(["SCCs Just Ended", "SCCs Ending Soon"]);
    expect(ends.total).toBe(2);
  });

  it("follows the user's horizon, and leaves out archived safeguards", () => {
    setHorizon(s.db, s.actor, { horizonDays: 365 });
    expect(listReminders(s.db, s.userId, { asOf: AS_OF, kind: "safeguard_end" }).items.map((e) => e.date)).toEqual(["2026-11-20", "2027-01-15", "2027-06-01"]);
    setHorizon(s.db, s.actor, { horizonDays: 30 });
    expect(listReminders(s.db, s.userId, { asOf: AS_OF, kind: "safeguard_end" }).items.map((e) => e.date)).toEqual(["2026-11-20"]);
    archiveSafeguard(s.db, s.actor, { id: listReminders(s.db, s.userId, { asOf: AS_OF, kind: "safeguard_end" }).items[0]!.record.id, version: 1 });
    expect(listReminders(s.db, s.userId, { asOf: AS_OF, kind: "safeguard_end" }).total).toBe(0);
  });

  it("shows an adequacy decision's sunset from the knowledge base, not a superseded decision's end", () => {
    const r = listReminders(s.db, s.userId, { asOf: "2031-12-01", kind: "adequacy_end" });
    expect(r.items.map((e) => [e.record.id, e.date, e.daysLeft])).toContainEqual(["eu-adequacy-gb-2025-renewal", "2031-12-27", 26]);
    // the 2025-06-27 end of the first UK decision was superseded by the 2025 extension the next day
    expect(listReminders(s.db, s.userId, { asOf: "2025-06-01", kind: "adequacy_end" }).items.map((e) => e.record.id)).not.toContain("eu-adequacy-gb");
  });

  it("the overview's summary: the next events from the as-of date on and the overdue count", () => {
    const sum = reminderSummary(s.db, s.userId, AS_OF);
    expect(sum.next.map((e) => e.date)).toEqual(["2026-12-20", "2027-01-15"]);
    expect(sum.total).toBe(4);
    expect(sum.overdue).toBe(1);
  });

  it("refuses a horizon outside 7–365 days and changes nothing", () => {
    expect(() => setHorizon(s.db, s.actor, { horizonDays: 400 })).toThrow(/at most 365/);
    expect(() => setHorizon(s.db, s.actor, { horizonDays: 3 })).toThrow(/at least 7/);
    expect(reminderSettings(s.db, s.userId).horizonDays).toBe(90);
  });
});

describe("the reminder queries read index ranges", () => {
  it("every source's query uses its date index (EXPLAIN QUERY PLAN)", () => {
    const { db } = setup();
    const plan = (sql: string) =>
      (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(" | ");
    expect(plan(`SELECT id FROM safeguard WHERE ended >= '2026-10-31' AND ended <= '2027-02-28' AND archived_at IS NULL ORDER BY ended, id`)).toMatch(/SEARCH safeguard USING INDEX safeguard_ended_idx \(ended>\? AND ended<\?\)/);
    const tia = plan(
      `SELECT count(*) FROM transfer_impact_assessment a JOIN transfer t ON t.id = a.transfer_id WHERE a.next_review >= '2025-11-30' AND a.next_review <= '2027-02-28' AND t.archived_at IS NULL AND (t."end" IS NULL OR t."end" >= '2026-11-30')
         AND NOT EXISTS (SELECT 1 FROM transfer_impact_assessment b WHERE b.transfer_id = a.transfer_id AND (b.completed > a.completed OR (b.completed = a.completed AND b.id > a.id)))`,
    );
    expect(tia).toMatch(/SEARCH a USING COVERING INDEX tia_next_review_idx \(next_review>\? AND next_review<\?\)/);
    expect(tia).toMatch(/SEARCH b USING COVERING INDEX tia_transfer_latest_idx \(transfer_id=\?\)/);
    expect(tia).toMatch(/SEARCH t USING COVERING INDEX transfer_live_idx/);
    expect(
      plan(
        `SELECT c.id FROM certification c WHERE c.framework IN ('dpf_eu', 'dpf_uk', 'dpf_ch') AND max(coalesce(c.verified_on, c."from"), c."from") >= '' AND max(coalesce(c.verified_on, c."from"), c."from") <= '2027-02-27'`,
      ),
    ).toMatch(/USING INDEX certification_dpf_check_idx/);
  });
});

describe("the calendar feed", () => {
  it("parses with ical.js: one all-day event per reminder with its summary, date and stable UID", () => {
    const s = setup();
    const { token } = issueFeedToken(s.db, s.actor, "create");
    const text = calendarFeedFor(s.db, token, "https://registry.example", AS_OF);
    expect(text).not.toBeNull();
    const calendar = new ICAL.Component(ICAL.parse(text!));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
      [`dpf_check.${s.stale.id}@transfer-registry`, `Check the DPF List: ${s.recipient.name} (EU-U.S. Data Privacy Framework)`, "2026-07-17", true],
      [expect.stringMatching(/^safeguard_end\..+@transfer-registry$/), "Safeguard ends: SCCs Just Ended", "2026-11-20", true],
      [`tia_review.${s.tia.id}@transfer-registry`, expect.stringMatching(/^TIA review: .+ → .+$/), "2026-12-20", true],
      [`safeguard_end.${s.ending.id}@transfer-registry`, "Safeguard ends: SCCs Ending Soon", "2027-01-15", true],
    ]);
    const ending = events[3]!;
    expect(ending.description).toContain("Its last day is 2027-01-15.");
    expect(ending.component.getFirstPropertyValue("url")).toBe(`https://registry.example/safeguards/${s.ending.id}`);
  });

  it("keeps an event's UID when its date moves (the record is re-checked)", () => {
    const s = setup();
    const before = feedEvents(s.db, s.userId, AS_OF).find((e) => e.kind === "dpf_check")!;
    s.db.$client.prepare(`UPDATE certification SET verified_on = '2026-09-01' WHERE id = ?`).run(s.stale.id);
    setHorizon(s.db, s.actor, { horizonDays: 365 });
    const after = feedEvents(s.db, s.userId, AS_OF).find((e) => e.kind === "dpf_check" && e.uid === before.uid)!;
    expect(before.date).toBe("2026-07-17");
    expect(after.date).toBe("2027-07-17");
    expect(after.uid).toBe(`dpf_check.${s.stale.id}@transfer-registry`);
    const parsed = new ICAL.Component(ICAL.parse(buildCalendar([after], "https://x.example")));
    expect(parsed.getFirstSubcomponent("vevent")!.getFirstPropertyValue("uid")).toBe(before.uid);
  });

  it("a rotated or revoked token gets nothing (the route answers 404); the new one works", async () => {
    const s = setup();
    routeDb.current = s.db;
    const { GET } = await import("@/app/api/calendar/[file]/route");
    const get = (token: string) => GET(new Request(`http://localhost/api/calendar/${token}.ics`), { params: Promise.resolve({ file: `${token}.ics` }) });

    const first = issueFeedToken(s.db, s.actor, "create");
    expect(first.path).toBe(`/api/calendar/${first.token}.ics`);
    const ok = await get(first.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await ok.text()).toContain("BEGIN:VCALENDAR");

    const second = issueFeedToken(s.db, s.actor, "rotate");
    expect(second.token).not.toBe(first.token);
    expect(calendarFeedFor(s.db, first.token, "http://x")).toBeNull();
    expect((await get(first.token)).status).toBe(404);
    expect((await get(second.token)).status).toBe(200);

    revokeFeedToken(s.db, s.actor);
    expect(calendarFeedFor(s.db, second.token, "http://x")).toBeNull();
    expect((await get(second.token)).status).toBe(404);
    expect((await get("not-a-token")).status).toBe(404);
    const wrongSuffix = await GET(new Request("http://localhost/api/calendar/x"), { params: Promise.resolve({ file: second.token }) });
    expect(wrongSuffix.status).toBe(404);
  });

  it("a deactivated user's feed answers 404", () => {
    const s = setup();
    const { token } = issueFeedToken(s.db, s.actor, "create");
    s.db.$client.prepare(`UPDATE user SET active = 0 WHERE id = ?`).run(s.userId);
    expect(calendarFeedFor(s.db, token, "http://x", AS_OF)).toBeNull();
  });

  it("stores only the token's hash, and audits create, rotate, revoke and the horizon without the token", () => {
    const s = setup();
    const { token } = issueFeedToken(s.db, s.actor, "create");
    const stored = s.db.$client.prepare(`SELECT token_hash FROM calendar_feed WHERE user_id = ?`).get(s.userId) as { token_hash: string };
    expect(stored.token_hash).toBe(hashFeedToken(token));
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(() => issueFeedToken(s.db, s.actor, "create")).toThrow(/already have a calendar feed/);
    const rotated = issueFeedToken(s.db, s.actor, "rotate");
    revokeFeedToken(s.db, s.actor);
    expect(() => revokeFeedToken(s.db, s.actor)).toThrow(/no calendar feed/);
    expect(() => issueFeedToken(s.db, s.actor, "rotate")).toThrow(/no calendar feed/);
    setHorizon(s.db, s.actor, { horizonDays: 120 });
    const rows = s.db.$client.prepare(`SELECT action, entity_type AS entityType, entity_id AS entityId, before, after FROM audit_log WHERE entity_type = 'user' ORDER BY id`).all() as {
      action: string;
      entityType: string;
      entityId: string;
      before: string | null;
      after: string | null;
    }[];
    expect(rows.map((r) => r.action)).toEqual(["calendar_feed.create", "calendar_feed.rotate", "calendar_feed.revoke", "reminders.set_horizon"]);
    expect(rows.every((r) => r.entityId === s.userId)).toBe(true);
    expect(JSON.parse(rows[3]!.before!)).toEqual({ horizonDays: 90 });
    expect(JSON.parse(rows[3]!.after!)).toEqual({ horizonDays: 120 });
    const all = JSON.stringify(rows);
    for (const t of [token, rotated.token, hashFeedToken(token), hashFeedToken(rotated.token)]) expect(all).not.toContain(t);
  });
});
