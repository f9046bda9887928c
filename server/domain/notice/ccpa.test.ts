/** CCPA helpers (pure): the look-back window, the marks from the flags, unmapped data categories. */
import { describe, expect, it } from "vitest";
import { buildCcpaTable, ccpaMarks, ccpaRecipientCategory, twelveMonthsBefore } from "./ccpa";

describe("ccpa", () => {
  it("looks back 12 months, 29 February to 28 February", () => {
    expect(twelveMonthsBefore("2026-11-30")).toBe("2025-11-30");
    expect(twelveMonthsBefore("2028-02-29")).toBe("2027-02-28");
  });

  it("marks a disclosure sold or shared from the flags, else disclosed for a business purpose", () => {
    expect(ccpaMarks(true, true)).toEqual(["sold", "shared"]);
    expect(ccpaMarks(false, true)).toEqual(["shared"]);
    expect(ccpaMarks(false, false)).toEqual(["disclosed"]);
  });

  it("files service providers by service category and reports data categories it cannot map", () => {
    expect(ccpaRecipientCategory("service_provider", "payment")).toBe("service_provider:payment");
    expect(ccpaRecipientCategory("service_provider", null)).toBe("service_provider:other");
    const { table, unmapped } = buildCcpaTable([
      { recipientCategory: "reseller", dataCategory: "contact", marks: ["disclosed"], parties: 1, samplePartyId: "r" },
      { recipientCategory: "reseller", dataCategory: "biometrics_added_here", marks: ["sold"], parties: 1, samplePartyId: "r" },
    ]);
    expect(table).toEqual({ A: { disclosed: ["reseller"], sold: [], shared: [] }, B: { disclosed: ["reseller"], sold: [], shared: [] } });
    expect(unmapped).toEqual(["biometrics_added_here"]);
  });
});
