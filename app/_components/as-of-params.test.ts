import { describe, expect, it } from "vitest";
import { asOfFrom, asOfTense, searchWithAsOf, withAsOf } from "./as-of-params";

describe("the as-of date in URLs", () => {
  it("reads ?asOf= only when it is a real date (absent, malformed or impossible: today)", () => {
    expect(asOfFrom({ asOf: "2020-07-17" })).toBe("2020-07-17");
    expect(asOfFrom(new URLSearchParams("q=x&asOf=2024-02-29"))).toBe("2024-02-29");
    expect(asOfFrom({ asOf: "2021-02-30" })).toBeUndefined();
    expect(asOfFrom({ asOf: "2020-7-17" })).toBeUndefined();
    expect(asOfFrom({ asOf: ["2020-07-17", "2021-01-01"] })).toBe("2020-07-17");
    expect(asOfFrom({})).toBeUndefined();
  });

  it("carries the date on internal links, keeping their query and hash, and leaves other links alone", () => {
    expect(withAsOf("/transfers/x", "2020-07-17")).toBe("/transfers/x?asOf=2020-07-17");
    expect(withAsOf("/transfers?status=unsafeguarded#top", "2020-07-17")).toBe("/transfers?status=unsafeguarded&asOf=2020-07-17#top");
    expect(withAsOf("/transfers?asOf=2019-01-01", "2020-07-17")).toBe("/transfers?asOf=2019-01-01");
    expect(withAsOf("https://eur-lex.europa.eu/", "2020-07-17")).toBe("https://eur-lex.europa.eu/");
    expect(withAsOf("/parties", undefined)).toBe("/parties");
  });

  it("setting the date keeps the page's other state, drops the page number, and today removes it", () => {
    expect(searchWithAsOf("status=unsafeguarded&page=3", "2020-07-17", "2026-11-30")).toBe("status=unsafeguarded&asOf=2020-07-17");
    expect(searchWithAsOf("status=unsafeguarded&asOf=2020-07-17", "2026-11-30", "2026-11-30")).toBe("status=unsafeguarded");
    expect(searchWithAsOf("asOf=2020-07-17", undefined, "2026-11-30")).toBe("");
  });

  it("says whether the date is in the past or the future", () => {
    expect(asOfTense("2020-07-17", "2026-11-30")).toBe("past");
    expect(asOfTense("2030-01-01", "2026-11-30")).toBe("future");
    expect(asOfTense("2026-11-30", "2026-11-30")).toBe("today");
    expect(asOfTense(undefined, "2026-11-30")).toBe("today");
  });
});
