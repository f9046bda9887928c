/**
 * The reminder rules, with dates written out. Source for the DPF rule: db/reference/regulatory-facts.md, row
 * DPF-LIST: "annual re-certification; ITA removes orgs that
 * withdraw, fail re-certification ("INACTIVE-LAPSE")"; the brief: a DPF List check older than 12 months is due.
 */
import { describe, expect, it } from "vitest";
import {
  addYears,
  adequacyEndEvent,
  compareEvents,
  daysFrom,
  describeDaysLeft,
  dpfCheckBaseRange,
  dpfCheckDue,
  dpfCheckEvent,
  isDpfCheckStale,
  isValidHorizon,
  passedPart,
  reminderUid,
  reminderWindow,
  safeguardEndEvent,
  tiaReviewEvent,
} from "./reminders";

describe("dates of the reminder rules", () => {
  it.each([
    ["2026-11-30", "2026-12-10", 10],
    ["2026-11-30", "2026-11-30", 0],
    ["2026-11-30", "2026-11-20", -10],
    ["2024-02-28", "2024-03-01", 2],
    ["2026-12-31", "2027-01-01", 1],
  ])("from %s to %s is %i days", (asOf, date, days) => {
    expect(daysFrom(asOf, date)).toBe(days);
  });

  it.each([
    ["2023-07-17", 1, "2024-07-17"],
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2025-01-31", -1, "2024-01-31"],
  ])("addYears(%s, %i) = %s", (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it("accepts a horizon of 7 to 365 whole days only", () => {
    expect(isValidHorizon(90)).toBe(true);
    expect(isValidHorizon(7)).toBe(true);
    expect(isValidHorizon(365)).toBe(true);
    expect(isValidHorizon(6)).toBe(false);
    expect(isValidHorizon(366)).toBe(false);
    expect(isValidHorizon(30.5)).toBe(false);
    expect(isValidHorizon("90")).toBe(false);
  });
});

describe("which dates each kind shows", () => {
  it("shows everything up to the horizon; safeguard and decision ends from 30 days back", () => {
    expect(reminderWindow("safeguard_end", "2026-11-30", 90)).toEqual({ from: "2026-10-31", to: "2027-02-28" });
    expect(reminderWindow("adequacy_end", "2026-11-30", 30)).toEqual({ from: "2026-10-31", to: "2026-12-30" });
  });

  it("keeps an overdue TIA review for a year and a DPF List check until it is done", () => {
    expect(reminderWindow("tia_review", "2026-11-30", 90)).toEqual({ from: "2025-11-30", to: "2027-02-28" });
    expect(reminderWindow("dpf_check", "2026-11-30", 90)).toEqual({ from: null, to: "2027-02-28" });
  });

  it("the overdue part of a window ends the day before the as-of date", () => {
    expect(passedPart({ from: null, to: "2027-02-28" }, "2026-11-30")).toEqual({ from: null, to: "2026-11-29" });
    expect(passedPart({ from: "2026-10-31", to: "2027-02-28" }, "2026-11-30")).toEqual({ from: "2026-10-31", to: "2026-11-29" });
    expect(passedPart({ from: "2026-12-01", to: "2027-02-28" }, "2026-11-30")).toBeNull();
  });
});

describe("DPF List check (annual re-certification, regulatory-facts.md DPF-LIST)", () => {
  it("a certification never checked is due on its first anniversary", () => {
    expect(dpfCheckDue("2023-07-17", null)).toBe("2024-07-17");
  });

  it("after a check, the next re-certification date after it", () => {
    expect(dpfCheckDue("2023-07-17", "2025-01-10")).toBe("2025-07-17");
    expect(dpfCheckDue("2023-07-17", "2025-08-01")).toBe("2026-07-17");
    // checked on the anniversary itself: the next one
    expect(dpfCheckDue("2023-07-17", "2025-07-17")).toBe("2026-07-17");
  });

  it("a check older than 12 months is overdue", () => {
    // checked 2024-11-01; on 2025-12-01 that is 13 months ago
    expect(isDpfCheckStale("2024-11-01", "2025-12-01")).toBe(true);
    expect(dpfCheckDue("2023-07-17", "2024-11-01") < "2025-12-01").toBe(true);
    expect(isDpfCheckStale("2024-12-02", "2025-12-01")).toBe(false);
    expect(isDpfCheckStale("2024-12-01", "2025-12-01")).toBe(true);
    expect(isDpfCheckStale(null, "2025-12-01")).toBe(true);
  });

  it("a certification of 29 February re-certifies on 28 February in a common year", () => {
    expect(dpfCheckDue("2024-02-29", null)).toBe("2025-02-28");
    expect(dpfCheckDue("2024-02-29", "2027-03-01")).toBe("2028-02-29");
  });

  it("a check dated before the certification counts from the certification", () => {
    expect(dpfCheckDue("2023-07-17", "2023-01-01")).toBe("2024-07-17");
  });

  it("the base dates an indexed query reads cover every due date in the window", () => {
    expect(dpfCheckBaseRange({ from: "2026-10-31", to: "2027-02-28" })).toEqual({ from: "2025-10-30", to: "2027-02-27" });
    expect(dpfCheckBaseRange({ from: null, to: "2027-02-28" })).toEqual({ from: null, to: "2027-02-27" });
  });

  it("says when the entry was last checked and when re-certification is due", () => {
    const e = dpfCheckEvent({ id: "c1", partyId: "stratacloud", partyName: "StrataCloud Inc.", frameworkLabel: "EU-U.S. Data Privacy Framework", from: "2023-07-17", verifiedOn: "2025-08-01" }, "2026-06-30");
    expect(e.date).toBe("2026-07-17");
    expect(e.daysLeft).toBe(17);
    expect(e.uid).toBe("dpf_check.c1@transfer-registry");
    expect(e.record).toEqual({ type: "party", id: "stratacloud", title: "StrataCloud Inc. · EU-U.S. Data Privacy Framework" });
    expect(e.why).toContain("last checked on 2025-08-01.");
    expect(e.why).toContain("is due on 2026-07-17");
    const never = dpfCheckEvent({ id: "c2", partyId: "p", partyName: "P", frameworkLabel: "F", from: "2023-07-17", verifiedOn: null }, "2026-11-30");
    expect(never.date).toBe("2024-07-17");
    expect(never.why).toContain("never been checked");
    expect(describeDaysLeft(never.kind, never.daysLeft)).toBe("866 days overdue");
  });
});

describe("events", () => {
  it("a safeguard's end names its last day and the transfers relying on it", () => {
    const e = safeguardEndEvent({ id: "scc-1", title: "SCCs A – B", ended: "2027-01-15", relyingTransfers: 3 }, "2026-11-30");
    expect(e).toMatchObject({ uid: "safeguard_end.scc-1@transfer-registry", kind: "safeguard_end", date: "2027-01-15", daysLeft: 46, summary: "Safeguard ends: SCCs A – B" });
    expect(e.why).toBe("Its last day is 2027-01-15. 3 live transfers rely on it and lose this cover from the next day unless a successor is in place.");
    expect(describeDaysLeft("safeguard_end", -5)).toBe("5 days ago");
  });

  it("a TIA review belongs to its transfer and keeps the TIA's uid", () => {
    const e = tiaReviewEvent({ tiaId: "tia-9", transferId: "de-x", exporterName: "Kestrelform GmbH", recipientName: "X Ltd", completed: "2022-01-20", nextReview: "2026-11-20" }, "2026-11-30");
    expect(e).toMatchObject({ uid: "tia_review.tia-9@transfer-registry", date: "2026-11-20", daysLeft: -10, record: { type: "transfer", id: "de-x", title: "Kestrelform GmbH → X Ltd" } });
    expect(describeDaysLeft(e.kind, e.daysLeft)).toBe("10 days overdue");
  });

  it("an adequacy decision's sunset", () => {
    const e = adequacyEndEvent({ id: "eu-adequacy-gb-2025", regimeLabel: "EU/EEA GDPR", destinationName: "United Kingdom", endDate: "2031-12-27", endReasonLabel: "Sunset", sunset: true }, "2031-12-01");
    expect(e).toMatchObject({ date: "2031-12-27", daysLeft: 26, summary: "Adequacy decision ends: United Kingdom (EU/EEA GDPR)" });
    expect(e.why).toContain("2031-12-27 (its sunset)");
    expect(describeDaysLeft(e.kind, 0)).toBe("today");
    expect(describeDaysLeft(e.kind, 1)).toBe("tomorrow");
  });

  it("sorts by date, then kind, then record", () => {
    const a = safeguardEndEvent({ id: "b", title: "B", ended: "2027-01-01", relyingTransfers: 0 }, "2026-11-30");
    const b = safeguardEndEvent({ id: "a", title: "A", ended: "2027-01-01", relyingTransfers: 0 }, "2026-11-30");
    const c = tiaReviewEvent({ tiaId: "t", transferId: "x", exporterName: "E", recipientName: "R", completed: "2020-01-01", nextReview: "2026-12-31" }, "2026-11-30");
    expect([a, b, c].sort(compareEvents).map((e) => e.uid)).toEqual([c.uid, reminderUid("safeguard_end", "a"), reminderUid("safeguard_end", "b")]);
  });
});
