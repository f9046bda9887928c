/** Coverage over a period on the reference data: intervals split at legal boundaries, merged, with gaps. */
import { describe, expect, it } from "vitest";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { createEvaluationContext } from "../../server/domain/rules/context";
import { transferCoverage } from "../../server/domain/rules/coverage";
import { createScenarioDocument, type Scenario } from "../../server/domain/rules/testing";
import { referenceKnowledgeBase } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase);

function coverageOf(scenario: Scenario, from: string, to: string) {
  const { doc, transfer } = createScenarioDocument(scenario);
  return transferCoverage(createEvaluationContext(doc, ckb), transfer, from, to);
}

describe("transferCoverage", () => {
  it("a Privacy Shield-era transfer is unsafeguarded from 2020-07-16 until SCCs are signed (Schrems II gap)", () => {
    const coverage = coverageOf(
      {
        exporterCountry: "DE", destination: "US", start: "2018-01-01",
        certifications: [{ framework: "privacy_shield_eu", from: "2017-03-01", to: null }, { framework: "dpf_eu", from: "2023-07-17", to: null }],
        safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2021-10-01", ended: null }],
      },
      "2018-01-01",
      "2024-12-31",
    );
    expect(coverage.intervals.map((i) => [i.from, i.to, i.status])).toEqual([
      ["2018-01-01", "2020-07-15", "adequate"],
      ["2020-07-16", "2021-09-30", "unsafeguarded"],
      ["2021-10-01", "2023-07-16", "safeguarded"],
      ["2023-07-17", "2024-12-31", "adequate"],
    ]);
    expect(coverage.gaps).toEqual([{ from: "2020-07-16", to: "2021-09-30" }]);
  });

  it("old SCCs not replaced by 2022-12-27 leave a gap until the new SCCs", () => {
    const coverage = coverageOf(
      {
        exporterCountry: "FR", destination: "IN", start: "2019-01-01",
        safeguards: [
          { type: "scc", version: "2010/87", signed: "2019-01-01", ended: null },
          { type: "scc", version: "2021/914", modules: [2], signed: "2023-03-01", ended: null },
        ],
      },
      "2019-01-01",
      "2023-12-31",
    );
    expect(coverage.gaps).toEqual([{ from: "2022-12-28", to: "2023-02-28" }]);
    expect(coverage.intervals.at(-1)).toMatchObject({ from: "2023-03-01", to: "2023-12-31", status: "safeguarded", basis: [{ type: "scc", ref: "sg-2" }] });
  });

  it("a UK affiliate moves from EU rules to UK rules and the bases change at 2021-01-01", () => {
    const coverage = coverageOf({ exporterCountry: "GB", destination: "FR", start: "2020-06-01" }, "2020-06-01", "2021-03-31");
    expect(coverage.intervals.map((i) => [i.from, i.to, i.status, i.basis[0]?.ref])).toEqual([
      ["2020-06-01", "2020-12-31", "not_restricted", "eu-area-fr"],
      ["2021-01-01", "2021-03-31", "adequate", "uk-adequacy-fr"],
    ]);
    expect(coverage.gaps).toEqual([]);
  });

  it("merges the UK renewals into separate intervals per decision and marks inactive periods", () => {
    const coverage = coverageOf({ exporterCountry: "DE", destination: "GB", start: "2025-01-01", end: "2026-01-31" }, "2024-12-01", "2026-02-28");
    expect(coverage.intervals.map((i) => [i.from, i.to, i.status])).toEqual([
      ["2024-12-01", "2024-12-31", "inactive"],
      ["2025-01-01", "2025-06-27", "adequate"],
      ["2025-06-28", "2025-12-27", "adequate"],
      ["2025-12-28", "2026-01-31", "adequate"],
      ["2026-02-01", "2026-02-28", "inactive"],
    ]);
  });
});
