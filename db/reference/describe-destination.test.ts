/** describeDestination on the reference data: what the transfer form shows for a destination. */
import { describe, expect, it } from "vitest";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { describeDestination } from "../../server/domain/rules/describe";
import { regimeForExporter } from "../../server/domain/rules/regime";
import { referenceKnowledgeBase } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase);
const dpfEu = [{ framework: "dpf_eu" as const, from: "2023-07-17", to: null }];

describe("describeDestination", () => {
  it.each([
    ["DE", "FR", "2024-01-01", { regime: "EU", insideArea: true, bridge: false, adequate: false, thirdCountry: false }],
    ["DE", "GB", "2021-03-01", { regime: "EU", insideArea: true, bridge: true }],
    ["DE", "GB", "2024-01-01", { regime: "EU", insideArea: false, adequate: true, thirdCountry: false }],
    ["DE", "IN", "2024-01-01", { regime: "EU", adequate: false, thirdCountry: true, adequacy: null }],
    ["CH", "JP", "2024-01-01", { regime: "CH", adequate: false, thirdCountry: true }],
    ["US", "IN", "2024-01-01", { regime: null, insideArea: false, thirdCountry: false }],
  ] as const)("%s exporter → %s on %s", (exporterCountry, destination, asOf, expected) => {
    expect(describeDestination(ckb, { exporterCountry, destination, asOf })).toMatchObject(expected);
  });

  it("US: adequate only with the certification the regime recognises", () => {
    const uncertified = describeDestination(ckb, { exporterCountry: "DE", destination: "US", asOf: "2024-01-01" });
    expect(uncertified).toMatchObject({ adequate: false, thirdCountry: true, requiresCertification: "dpf_eu", certified: false });
    const certified = describeDestination(ckb, { exporterCountry: "DE", destination: "US", recipientCertifications: dpfEu, asOf: "2024-01-01" });
    expect(certified).toMatchObject({ adequate: true, certified: true, adequacy: { id: "eu-adequacy-us-dpf", scope: "partial" } });
    const uk = describeDestination(ckb, { exporterCountry: "GB", destination: "US", recipientCertifications: dpfEu, asOf: "2024-01-01" });
    expect(uk).toMatchObject({ regime: "UK", adequate: false, requiresCertification: "dpf_uk" });
  });

  it("partial decisions carry their scope text", () => {
    const ca = describeDestination(ckb, { exporterCountry: "FR", destination: "CA", asOf: "2024-01-01" });
    expect(ca.adequacy).toMatchObject({ scope: "partial", scopeText: expect.stringContaining("PIPEDA") });
  });

  it.each([
    ["GB", "2020-12-31", "EU"], ["GB", "2021-01-01", "UK"], ["NO", "2024-01-01", "EU"], ["CH", "2024-01-01", "CH"], ["IN", "2024-01-01", null],
  ] as const)("regimeForExporter(%s, %s) = %s", (country, asOf, regime) => {
    expect(regimeForExporter(ckb, country, asOf)).toBe(regime);
  });
});
