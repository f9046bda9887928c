/**
 * GDPR Art. 12(3): "within one month of receipt … may be extended by two further months … The controller shall
 * inform the data subject of any such extension within one month of receipt of the request, together with the
 * reasons for the delay." Months are counted as in Regulation 1182/71 Art. 3(2)(c): same day number, or the last
 * day of a shorter month.
 */
import { describe, expect, it } from "vitest";
import { addMonths, checkExtension, dueDate, extendedDueDate, urgency } from "./deadlines";

describe("due date: received + one month (Art. 12(3))", () => {
  it.each([
    ["2026-03-10", "2026-04-10"],
    ["2026-01-31", "2026-02-28"], // February has no 31st: its last day
    ["2028-01-31", "2028-02-29"], // leap year
    ["2026-03-31", "2026-04-30"],
    ["2026-12-15", "2027-01-15"], // across the year end
    ["2026-02-28", "2026-03-28"],
  ])("received %s → due %s", (received, due) => {
    expect(dueDate(received)).toBe(due);
  });

  it("adds several months with clamping", () => {
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-08-31", 6)).toBe("2028-02-29");
  });

  it("refuses a date that is not on the calendar", () => {
    expect(() => dueDate("2026-02-30")).toThrow(/calendar date/);
  });
});

describe("extension by up to two further months, counted from receipt", () => {
  it.each([
    ["2026-03-10", 1, "2026-05-10"],
    ["2026-03-10", 2, "2026-06-10"],
    ["2026-01-31", 2, "2026-04-30"],
    ["2026-01-31", 1, "2026-03-31"],
    ["2026-11-30", 2, "2027-02-28"],
  ])("received %s, extended by %i → due %s", (received, months, due) => {
    expect(extendedDueDate(received, months)).toBe(due);
  });

  it("never by three months or none", () => {
    expect(() => extendedDueDate("2026-03-10", 3)).toThrow(/two further months/);
    expect(() => extendedDueDate("2026-03-10", 0)).toThrow(/two further months/);
  });

  const base = { received: "2026-01-31", alreadyExtended: false, extraMonths: 2, reason: "Forty vendors to check" };

  it("is allowed on the last day of the first month", () => {
    expect(checkExtension({ ...base, on: "2026-02-28" })).toEqual({ ok: true });
  });

  it("is refused the day after the first month", () => {
    const r = checkExtension({ ...base, on: "2026-03-01" });
    expect(r.ok).toBe(false);
    expect(r.message).toContain("by 2026-02-28");
  });

  it("is refused a second time (once only)", () => {
    expect(checkExtension({ ...base, on: "2026-02-02", alreadyExtended: true }).message).toMatch(/already extended/);
  });

  it("needs a reason", () => {
    expect(checkExtension({ ...base, on: "2026-02-02", reason: "  " }).message).toMatch(/reason/);
  });

  it("is at most two further months", () => {
    expect(checkExtension({ ...base, on: "2026-02-02", extraMonths: 3 }).ok).toBe(false);
  });
});

describe("urgency on the list and the overview", () => {
  it("is overdue the day after the due date", () => {
    expect(urgency({ due: "2026-04-10", today: "2026-04-11", open: true })).toBe("overdue");
  });
  it("is due soon on the due date and up to 7 days before", () => {
    expect(urgency({ due: "2026-04-10", today: "2026-04-10", open: true })).toBe("due_soon");
    expect(urgency({ due: "2026-04-10", today: "2026-04-03", open: true })).toBe("due_soon");
  });
  it("is on time 8 days before", () => {
    expect(urgency({ due: "2026-04-10", today: "2026-04-02", open: true })).toBe("on_time");
  });
  it("a sent or refused request is closed whatever the date", () => {
    expect(urgency({ due: "2026-04-10", today: "2026-06-01", open: false })).toBe("closed");
  });
});
