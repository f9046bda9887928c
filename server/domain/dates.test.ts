import { describe, expect, it } from "vitest";
import { addDays, isValidIsoDate, isWithin } from "./dates";

describe("dates", () => {
  it.each([
    ["2024-02-29", true], ["2023-02-29", false], ["1900-02-29", false], ["2000-02-29", true],
    ["2021-04-31", false], ["2021-12-31", true], ["2021-13-01", false], ["2021-00-10", false],
    ["2021-1-01", false], ["20210101", false], ["2021-01-01T00:00", false],
  ])("isValidIsoDate(%s) = %s", (date, expected) => {
    expect(isValidIsoDate(date)).toBe(expected);
  });

  it.each([
    ["2020-07-15", 1, "2020-07-16"], ["2020-12-31", 1, "2021-01-01"], ["2024-02-28", 1, "2024-02-29"],
    ["2021-01-01", -1, "2020-12-31"], ["2024-01-01", 90, "2024-03-31"],
  ])("addDays(%s, %i) = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("isWithin treats both ends as inclusive and null as open", () => {
    expect(isWithin("2020-01-01", "2020-01-01", "2020-01-31")).toBe(true);
    expect(isWithin("2020-01-31", "2020-01-01", "2020-01-31")).toBe(true);
    expect(isWithin("2020-02-01", "2020-01-01", "2020-01-31")).toBe(false);
    expect(isWithin("1999-01-01", null, null)).toBe(true);
  });
});
