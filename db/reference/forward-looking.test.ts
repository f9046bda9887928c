/**
 * Forward-looking issues (issue 10, item 2), on the real reference data: a planned transfer is judged as of its
 * start date too (`uncovered_at_start`: a warning, an error from 30 days before the start), and cover that ends
 * within the 90-day look-ahead with nothing to take over gives `cover_ends` with the date. Every date is written
 * here; India has no adequacy decision of the EU, Japan has one (Implementing Decision (EU) 2019/419).
 */
import { describe, expect, it } from "vitest";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { createEvaluationContext } from "../../server/domain/rules/context";
import { createScenarioDocument, evaluateScenario, type Scenario } from "../../server/domain/rules/testing";
import { verdictValidity } from "../../server/domain/rules/validity";
import { referenceKnowledgeBase } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase);

const PLANNED_TO_INDIA: Scenario = { exporterCountry: "DE", destination: "IN", start: "2027-03-01", tia: null };
const codes = (s: Scenario, asOf: string) => evaluateScenario(ckb, s, asOf).issues.map((i) => `${i.code}:${i.severity}`);

describe("uncovered_at_start", () => {
  it("flags a planned transfer with no cover on its start date as a warning more than 30 days ahead", () => {
    const verdict = evaluateScenario(ckb, PLANNED_TO_INDIA, "2027-01-29");
    expect(verdict.status).toBe("inactive");
    expect(verdict.issues.map((i) => [i.code, i.severity])).toEqual([["uncovered_at_start", "warning"]]);
    expect(verdict.issues[0]!.message).toContain("2027-03-01");
    expect(verdict.issues[0]!.message).toContain("GDPR Art. 44");
    expect(verdict.regime).toBe("EU");
  });

  it("is an error from 30 days before the start (2027-01-30 for a start on 2027-03-01)", () => {
    expect(codes(PLANNED_TO_INDIA, "2027-01-30")).toEqual(["uncovered_at_start:error"]);
    expect(codes(PLANNED_TO_INDIA, "2027-02-28")).toEqual(["uncovered_at_start:error"]);
  });

  it("is replaced by the status itself once the transfer runs", () => {
    const verdict = evaluateScenario(ckb, PLANNED_TO_INDIA, "2027-03-01");
    expect(verdict.status).toBe("unsafeguarded");
    expect(verdict.issues.map((i) => i.code)).not.toContain("uncovered_at_start");
  });

  it("is not raised when SCCs signed before the start cover it, nor for an adequate destination", () => {
    const withScc: Scenario = { ...PLANNED_TO_INDIA, safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2027-02-15", ended: null }] };
    expect(codes(withScc, "2027-01-29")).toEqual([]);
    expect(codes({ exporterCountry: "DE", destination: "JP", start: "2027-03-01" }, "2027-01-29")).toEqual([]);
  });

  it("is not raised for a transfer that has ended", () => {
    expect(codes({ exporterCountry: "DE", destination: "IN", start: "2020-01-01", end: "2021-01-01", tia: null }, "2022-01-01")).toEqual([]);
  });

  it("announces the day the severity changes, so a stored verdict holds exactly until then", () => {
    const { doc, transfer } = createScenarioDocument(PLANNED_TO_INDIA);
    const ctx = createEvaluationContext(doc, ckb);
    expect(verdictValidity(ctx, transfer, "2027-01-29").until).toBe("2027-01-29");
    expect(verdictValidity(ctx, transfer, "2027-01-30").from).toBe("2027-01-30");
  });
});

describe("cover_ends", () => {
  const ENDING_SCC: Scenario = {
    exporterCountry: "DE", destination: "IN",
    safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: "2024-03-31" }],
  };

  it("names the last day of cover when nothing takes over within 90 days", () => {
    const verdict = evaluateScenario(ckb, ENDING_SCC, "2024-01-01");
    expect(verdict.status).toBe("safeguarded");
    const issue = verdict.issues.find((i) => i.code === "cover_ends");
    expect(issue?.severity).toBe("warning");
    expect(issue?.message).toContain("2024-03-31");
    expect(issue?.message).toContain("2024-04-01");
  });

  it("is not raised 91 days ahead, nor when a successor is signed, nor when the transfer ends with the cover", () => {
    expect(codes(ENDING_SCC, "2023-12-31")).not.toContain("cover_ends:warning");
    const successor: Scenario = {
      ...ENDING_SCC,
      safeguards: [...ENDING_SCC.safeguards!, { type: "scc", version: "2021/914", modules: [2], signed: "2024-03-15", ended: null }],
    };
    expect(codes(successor, "2024-01-01")).toContain("safeguard_ending_soon:warning");
    expect(codes(successor, "2024-01-01")).not.toContain("cover_ends:warning");
    expect(codes({ ...ENDING_SCC, end: "2024-03-31" }, "2024-01-01")).not.toContain("cover_ends:warning");
  });

  it("is raised for a US certification ending without a fallback safeguard", () => {
    const dpf: Scenario = { exporterCountry: "NL", destination: "US", certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: "2024-12-31" }] };
    const verdict = evaluateScenario(ckb, dpf, "2024-12-01");
    expect(verdict.status).toBe("adequate");
    expect(verdict.issues.find((i) => i.code === "cover_ends")?.message).toContain("2024-12-31");
  });
});
