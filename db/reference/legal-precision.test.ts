/**
 * Issue 9, "Legal precision": unit cases for each of its points on the real evaluator and the real reference
 * data. Every expected date and reference below is written from the source cited next to it (mostly
 * regulatory-facts-2.md, kept in this folder, and the acts it cites), never read from the knowledge base.
 */
import { describe, expect, it } from "vitest";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { createEvaluationContext } from "../../server/domain/rules/context";
import { evaluateRegistry } from "../../server/domain/rules/evaluate-registry";
import { evaluateTransfer } from "../../server/domain/rules/evaluate-transfer";
import { regimeForExporter } from "../../server/domain/rules/regime";
import { createScenarioDocument, evaluateScenario, type Scenario } from "../../server/domain/rules/testing";
import type { IssueCode, Status, Verdict } from "../../server/domain/rules/types";
import { referenceKnowledgeBase, referenceKnowledgeBaseInfo } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase, referenceKnowledgeBaseInfo);
const run = (scenario: Scenario, asOf: string): Verdict => evaluateScenario(ckb, scenario, asOf);
const citations = (v: Verdict) => v.basis.map((b) => b.citation).join(" | ");
const codes = (v: Verdict) => v.issues.map((i) => i.code);
const issue = (v: Verdict, code: IssueCode) => v.issues.find((i) => i.code === code);

interface Case {
  name: string;
  scenario: Scenario;
  asOf: string;
  status: Status;
  regime?: "EU" | "UK" | "CH" | null;
  /** Substrings every one of which must occur in the verdict's basis citations. */
  cites?: string[];
  /** Substrings that must not occur in the citations. */
  notCites?: string[];
  issues?: IssueCode[];
  noIssues?: IssueCode[];
  /** Substrings one of the reasons must contain. */
  reason?: string[];
}

function check(c: Case): void {
  const v = run(c.scenario, c.asOf);
  expect(v.status, JSON.stringify(v.reasons)).toBe(c.status);
  if (c.regime !== undefined) expect(v.regime).toBe(c.regime);
  for (const text of c.cites ?? []) expect(citations(v)).toContain(text);
  for (const text of c.notCites ?? []) expect(citations(v)).not.toContain(text);
  for (const code of c.issues ?? []) expect(codes(v)).toContain(code);
  for (const code of c.noIssues ?? []) expect(codes(v)).not.toContain(code);
  for (const text of c.reason ?? []) expect(v.reasons.join(" ")).toContain(text);
}

const IN_SCC_OLD = (exporterCountry: string, signed: string): Scenario => ({
  exporterCountry, destination: "IN", safeguards: [{ type: "scc", version: "2010/87", signed, ended: null }],
});
const DPF_EU = [{ framework: "dpf_eu" as const, from: "2023-07-17", to: null }];

// --- 1. Citations a DPO can follow --------------------------------------------------------------------------
describe("1. citations follow the date", () => {
  it.each<Case>([
    // GDPR Art. 99(2): applies from 2018-05-25; before, Directive 95/46/EC Art. 25/26 (regulatory-facts-2.md).
    { name: "EU→CH adequacy on 2018-05-24 cites the Directive's Art. 25(6)", scenario: { exporterCountry: "DE", destination: "CH" }, asOf: "2018-05-24", status: "adequate", cites: ["Directive 95/46/EC Art. 25(6)", "CELEX 32000D0518"], notCites: ["GDPR"] },
    { name: "EU→CH adequacy on 2018-05-25 cites GDPR Art. 45(9)", scenario: { exporterCountry: "DE", destination: "CH" }, asOf: "2018-05-25", status: "adequate", cites: ["GDPR Art. 45(9)", "OJ L 215, 25.8.2000, p. 1"] },
    // EEA Joint Committee Decision 154/2018: the GDPR in IS, LI and NO from 2018-07-20.
    { name: "NO exporter still cites the Directive on 2018-07-19", scenario: { exporterCountry: "NO", destination: "CH" }, asOf: "2018-07-19", status: "adequate", cites: ["Directive 95/46/EC Art. 25(6)"] },
    { name: "NO exporter cites the GDPR from 2018-07-20", scenario: { exporterCountry: "NO", destination: "CH" }, asOf: "2018-07-20", status: "adequate", cites: ["GDPR Art. 45(9)"] },
    { name: "unsafeguarded before 2018-05-25 cites Directive Art. 25(1) and 26", scenario: { exporterCountry: "DE", destination: "IN" }, asOf: "2018-05-24", status: "unsafeguarded", cites: ["Directive 95/46/EC Art. 25(1) and 26"] },
    { name: "unsafeguarded from 2018-05-25 cites GDPR Art. 44 and 46(1)", scenario: { exporterCountry: "DE", destination: "IN" }, asOf: "2018-05-25", status: "unsafeguarded", cites: ["GDPR Art. 44 and 46(1)"], reason: ["GDPR Art. 44 and 46(1)"] },
    { name: "not_restricted cites GDPR Art. 44 and the membership", scenario: { exporterCountry: "DE", destination: "FR" }, asOf: "2024-01-01", status: "not_restricted", cites: ["GDPR Art. 44", "TEU Art. 52(1)"], reason: ["GDPR Art. 44"] },
    { name: "not_restricted before 2018-05-25 cites Directive Art. 1(2) and 25(1)", scenario: { exporterCountry: "DE", destination: "FR" }, asOf: "2017-01-01", status: "not_restricted", cites: ["Directive 95/46/EC Art. 1(2) and 25(1)"] },
    // Croatia: Treaty of Accession, OJ L 112, 24.4.2012 (regulatory-facts-2.md).
    { name: "not_restricted to HR cites the Treaty of Accession", scenario: { exporterCountry: "DE", destination: "HR" }, asOf: "2024-01-01", status: "not_restricted", cites: ["OJ L 112, 24.4.2012"] },
    { name: "not_restricted for a UK exporter cites UK GDPR Art. 44 before 2026-02-05", scenario: { exporterCountry: "GB", destination: "GB" }, asOf: "2026-02-04", status: "not_restricted", cites: ["UK GDPR Art. 44"], notCites: ["44A"] },
    // Data (Use and Access) Act 2025 s.85 commenced 2026-02-05 (SI 2026/82): Art. 44A and 45A.
    { name: "UK adequacy cites Art. 45 on 2026-02-04", scenario: { exporterCountry: "GB", destination: "DE" }, asOf: "2026-02-04", status: "adequate", cites: ["UK GDPR Art. 45", "Sch. 21 para. 4"], notCites: ["45A"] },
    { name: "UK adequacy cites Art. 45A from 2026-02-05", scenario: { exporterCountry: "GB", destination: "DE" }, asOf: "2026-02-05", status: "adequate", cites: ["UK GDPR Art. 45A"] },
    { name: "UK→KR cites SI 2022/1213", scenario: { exporterCountry: "GB", destination: "KR" }, asOf: "2024-01-01", status: "adequate", cites: ["SI 2022/1213", "UK GDPR Art. 45"] },
    { name: "UK unsafeguarded cites Art. 44A and 46(1) from 2026-02-05", scenario: { exporterCountry: "GB", destination: "IN" }, asOf: "2026-02-05", status: "unsafeguarded", cites: ["UK GDPR Art. 44A and 46(1)"] },
    // Switzerland: before 2023-09-01 the FADP of 1992 Art. 6 and the FDPIC's indicative list; from then FADP Art. 16, Annex 1 DPO (SR 235.11).
    { name: "CH→DE on 2023-08-31 cites the FADP of 1992 and the FDPIC's list", scenario: { exporterCountry: "CH", destination: "DE" }, asOf: "2023-08-31", status: "adequate", cites: ["FDPIC's list", "FADP of 1992 Art. 6(1)"], notCites: ["SR 235.11", "Annex 1"] },
    { name: "CH→DE on 2023-09-01 cites Annex 1 DPO, SR 235.11, FADP Art. 16(1)", scenario: { exporterCountry: "CH", destination: "DE" }, asOf: "2023-09-01", status: "adequate", cites: ["SR 235.11", "FADP Art. 16(1)"] },
    { name: "CH unsafeguarded on 2023-08-31 cites the FADP of 1992 Art. 6", scenario: { exporterCountry: "CH", destination: "IN" }, asOf: "2023-08-31", status: "unsafeguarded", cites: ["FADP of 1992", "Art. 6(1)"] },
    { name: "CH unsafeguarded on 2023-09-01 cites FADP Art. 16", scenario: { exporterCountry: "CH", destination: "IN" }, asOf: "2023-09-01", status: "unsafeguarded", cites: ["FADP, SR 235.1, Art. 16(1)"] },
    // Old SCCs: Directive Art. 26(4) decisions, kept in force by GDPR Art. 46(5).
    { name: "old SCCs in 2017 cite Directive Art. 26(4)", scenario: IN_SCC_OLD("DE", "2016-01-01"), asOf: "2017-01-01", status: "safeguarded", cites: ["Directive 95/46/EC Art. 26(4)", "CELEX 32010D0087"] },
    { name: "old SCCs in 2019 cite GDPR Art. 46(2)(c) and 46(5)", scenario: IN_SCC_OLD("DE", "2016-01-01"), asOf: "2019-01-01", status: "safeguarded", cites: ["GDPR Art. 46(2)(c) and 46(5)", "OJ L 39, 12.2.2010, p. 5"] },
    { name: "a Swiss BCR before 2023-09-01 cites the FADP of 1992 Art. 6(2)(g)", scenario: { exporterCountry: "CH", destination: "IN", safeguards: [{ type: "bcr", variant: "controller", approved: "2019-01-01", ended: null }] }, asOf: "2022-01-01", status: "safeguarded", cites: ["FADP of 1992 Art. 6(2)(g)"] },
    // Directive 95/46/EC Art. 26(1)(a): consent before 2018-05-25.
    { name: "consent before 2018-05-25 cites Directive Art. 26(1)(a)", scenario: { exporterCountry: "DE", destination: "IN", frequency: "occasional", safeguards: [{ type: "derogation", basis: "49(1)(a)" }] }, asOf: "2018-05-24", status: "derogation", cites: ["Directive 95/46/EC Art. 26(1)(a)"] },
    { name: "consent from 2018-05-25 cites GDPR Art. 49(1)(a)", scenario: { exporterCountry: "DE", destination: "IN", frequency: "occasional", safeguards: [{ type: "derogation", basis: "49(1)(a)" }] }, asOf: "2018-05-25", status: "derogation", cites: ["GDPR Art. 49(1)(a)"] },
    { name: "an exporter under no regime cites the territorial scope", scenario: { exporterCountry: "IN", destination: "US" }, asOf: "2024-01-01", status: "not_restricted", regime: null, cites: ["GDPR Art. 3"] },
  ])("$name", check);

  it("every basis entry carries a uri, and the DPF basis links the decision's ELI and the DPF List", () => {
    const v = run({ exporterCountry: "DE", destination: "US", certifications: DPF_EU }, "2024-01-01");
    expect(v.basis.map((b) => b.uri)).toEqual(["http://data.europa.eu/eli/dec_impl/2023/1795/oj", "https://www.dataprivacyframework.gov/list"]);
    // regulatory-facts-2.md: Implementing Decision (EU) 2023/1795, OJ L 231, 20.9.2023, p. 118.
    expect(v.basis[0]!.citation).toContain("OJ L 231, 20.9.2023, p. 118");
    expect(v.basis[0]!.citation).toContain("CELEX 32023D1795");
  });
});

// --- 2. Readable reasons -------------------------------------------------------------------------------------
describe("2. readable reasons and the knowledge used", () => {
  it("names frameworks and scopes in words, never by code", () => {
    const us = run({ exporterCountry: "DE", destination: "US", certifications: DPF_EU }, "2024-01-01");
    expect(us.reasons.join(" ")).toContain("EU-U.S. Data Privacy Framework");
    expect(JSON.stringify([us.reasons, us.issues.map((i) => i.message)])).not.toMatch(/dpf_eu|eu-adequacy|certification_only/);
    const jp = run({ exporterCountry: "DE", destination: "JP" }, "2024-01-01");
    expect(JSON.stringify([jp.reasons, jp.issues.map((i) => i.message)])).not.toMatch(/partial: appi|\bappi\b|adequacy_scope_condition/);
    const gb = run({ exporterCountry: "GB", destination: "FR" }, "2020-01-31");
    expect(gb.reasons.join(" ")).not.toContain("eu-area-gb-member");
  });

  it("no reason or message contains the date asked about (the verdict store keeps verdicts for many days)", () => {
    for (const [scenario, asOf] of [
      [{ exporterCountry: "DE", destination: "IN", tia: null, safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null }] }, "2024-03-03"],
      [{ exporterCountry: "DE", destination: "US" }, "2024-03-03"],
      [{ exporterCountry: "US", destination: "IN" }, "2024-03-03"],
      [{ exporterCountry: "DE", destination: "IN", start: "2025-01-01" }, "2024-03-03"],
    ] as [Scenario, string][]) {
      const v = run(scenario, asOf);
      expect(JSON.stringify([v.reasons, v.issues.map((i) => i.message)]), JSON.stringify(v)).not.toContain(asOf);
    }
  });

  it("the verdicts document names the knowledge base and its checked-up-to day", () => {
    const { doc } = createScenarioDocument({ exporterCountry: "DE", destination: "IN" });
    const result = evaluateRegistry(doc, ckb, "2026-11-29", "2026-11-29");
    expect(result.knowledgeBase).toEqual({ version: "2026-11-29.2", checkedUpTo: "2026-11-29" });
    expect(result.note).toBeUndefined();
  });

  // regulatory-facts-2.md, "Hindsight": evaluating a past date applies today's knowledge of the law.
  it("a verdict for a past date says that it applies today's knowledge of the law", () => {
    const { doc } = createScenarioDocument({ exporterCountry: "DE", destination: "GB" });
    const result = evaluateRegistry(doc, ckb, "2025-05-01", "2026-12-01");
    expect(result.note).toContain("past date, 2025-05-01");
    expect(result.note).toContain("today's knowledge of the law");
    expect(evaluateRegistry(doc, ckb, "2026-12-01", "2026-12-01").note).toBeUndefined();
  });
});

// --- 3. Derogations, exactly ---------------------------------------------------------------------------------
const derogation = (exporterCountry: string, basis: string, frequency: "continuous" | "occasional"): Scenario => ({
  exporterCountry, destination: "IN", frequency, safeguards: [{ type: "derogation", basis } as never],
});

describe("3. derogations", () => {
  it.each<Case>([
    // regulatory-facts-2.md, "Derogations": (b), (c) and the second subparagraph only for occasional transfers.
    { name: "49(1)(b) for a regular transfer is no cover (recital 111)", scenario: derogation("DE", "49(1)(b)", "continuous"), asOf: "2024-01-01", status: "unsafeguarded", issues: ["derogation_for_continuous"], reason: ["only occasional"] },
    { name: "49(1)(b) for an occasional transfer covers it", scenario: derogation("DE", "49(1)(b)", "occasional"), asOf: "2024-01-01", status: "derogation", cites: ["GDPR Art. 49(1)(b)"], noIssues: ["derogation_for_continuous"] },
    { name: "49(1)(c) for a regular transfer is no cover", scenario: derogation("FR", "49(1)(c)", "continuous"), asOf: "2024-01-01", status: "unsafeguarded", issues: ["derogation_for_continuous"] },
    { name: "compelling legitimate interests for a regular transfer is no cover", scenario: derogation("FR", "49(1)-2", "continuous"), asOf: "2024-01-01", status: "unsafeguarded", issues: ["derogation_for_continuous"] },
    { name: "UK: 49(1)(b) for a regular transfer is no cover either", scenario: derogation("GB", "49(1)(b)", "continuous"), asOf: "2024-01-01", status: "unsafeguarded", regime: "UK", issues: ["derogation_for_continuous"] },
    // EDPB Guidelines 2/2018 § 2.1: consent not for systematic transfers: a warning only.
    { name: "consent for a regular transfer: a warning", scenario: derogation("DE", "49(1)(a)", "continuous"), asOf: "2024-01-01", status: "derogation", issues: ["derogation_for_continuous"] },
    // Directive 95/46/EC Art. 26 had no compelling-legitimate-interests ground; the GDPR's applies from 2018-05-25.
    { name: "compelling legitimate interests on 2018-05-24: did not exist", scenario: derogation("DE", "49(1)-2", "occasional"), asOf: "2018-05-24", status: "unsafeguarded", issues: ["derogation_not_available"] },
    { name: "compelling legitimate interests on 2018-05-25", scenario: derogation("DE", "49(1)-2", "occasional"), asOf: "2018-05-25", status: "derogation", cites: ["GDPR Art. 49(1) second subparagraph"] },
    // No Swiss counterpart; FADP Art. 17(1)(a)–(f) has no "occasional" condition.
    { name: "CH: compelling legitimate interests refused", scenario: derogation("CH", "49(1)-2", "occasional"), asOf: "2024-01-01", status: "unsafeguarded", issues: ["derogation_not_available"] },
    { name: "CH: a GDPR ground with a Swiss counterpart counts as FADP Art. 17(1)(b)(1), also for a regular transfer", scenario: derogation("CH", "49(1)(b)", "continuous"), asOf: "2024-01-01", status: "derogation", cites: ["FADP Art. 17(1)(b)(1)"], noIssues: ["derogation_for_continuous"] },
    { name: "CH before 2023-09-01: the contract exception is the FADP of 1992 Art. 6(2)(c)", scenario: derogation("CH", "17(1)(b)", "continuous"), asOf: "2023-08-31", status: "derogation", cites: ["FADP of 1992 Art. 6(2)(c)"] },
    { name: "CH: data made generally accessible, FADP Art. 17(1)(e)", scenario: derogation("CH", "17(1)(e)", "continuous"), asOf: "2024-01-01", status: "derogation", cites: ["FADP Art. 17(1)(e)"] },
    { name: "CH: consent before 2023-09-01 is the FADP of 1992 Art. 6(2)(b)", scenario: derogation("CH", "17(1)(a)", "occasional"), asOf: "2022-01-01", status: "derogation", cites: ["FADP of 1992 Art. 6(2)(b)"] },
    { name: "CH: the register exception, new in the revised FADP, not on 2023-08-31", scenario: derogation("CH", "17(1)(f)", "occasional"), asOf: "2023-08-31", status: "unsafeguarded", issues: ["derogation_not_available"] },
    { name: "CH: the register exception from 2023-09-01", scenario: derogation("CH", "17(1)(f)", "occasional"), asOf: "2023-09-01", status: "derogation", cites: ["FADP Art. 17(1)(f)"] },
    { name: "EU: a Swiss-only ground is refused", scenario: derogation("DE", "17(1)(e)", "occasional"), asOf: "2024-01-01", status: "unsafeguarded", issues: ["derogation_not_available"] },
  ])("$name", check);

  it("a refused derogation is an error; a later valid one still covers", () => {
    const v = run({ exporterCountry: "DE", destination: "IN", frequency: "continuous", safeguards: [{ type: "derogation", basis: "49(1)(b)" }, { type: "derogation", basis: "49(1)(a)" }] }, "2024-01-01");
    expect(v.status).toBe("derogation");
    expect(v.basis.map((b) => b.ref)).toEqual(["sg-2"]);
    expect(issue(run(derogation("DE", "49(1)(b)", "continuous"), "2024-01-01"), "derogation_for_continuous")?.severity).toBe("error");
  });
});

// --- 4. Territories ------------------------------------------------------------------------------------------
const to = (exporterCountry: string, destination: string, start = "1990-01-01"): Scenario => ({ exporterCountry, destination, start });

describe("4. territories and dated memberships", () => {
  it.each<Case>([
    // TFEU Art. 349 and 355(1): the outermost regions are part of the EU.
    ...["RE", "GP", "MQ", "GF", "MF"].map((code): Case => ({ name: `DE→${code} is inside the EU`, scenario: to("DE", code), asOf: "2024-01-01", status: "not_restricted", cites: ["TFEU Art. 349 and 355(1)"] })),
    { name: "an exporter in Réunion is under the EU regime", scenario: to("RE", "IN"), asOf: "2024-01-01", status: "unsafeguarded", regime: "EU" },
    { name: "Réunion exporter → France is inside", scenario: to("RE", "FR"), asOf: "2024-01-01", status: "not_restricted", regime: "EU" },
    // Mayotte: outermost region from 2014-01-01.
    { name: "DE→YT on 2013-12-31: outside", scenario: to("DE", "YT"), asOf: "2013-12-31", status: "unsafeguarded" },
    { name: "DE→YT on 2014-01-01: inside", scenario: to("DE", "YT"), asOf: "2014-01-01", status: "not_restricted" },
    { name: "YT exporter on 2013-12-31: no regime", scenario: to("YT", "IN"), asOf: "2013-12-31", status: "not_restricted", regime: null },
    { name: "YT exporter on 2014-01-01: EU regime", scenario: to("YT", "IN"), asOf: "2014-01-01", status: "unsafeguarded", regime: "EU" },
    // TFEU Art. 355(4): the Åland Islands are part of the EU (with Finland, from 1995-01-01).
    { name: "DE→AX is inside", scenario: to("DE", "AX"), asOf: "2024-01-01", status: "not_restricted", cites: ["TFEU Art. 355(4)"] },
    { name: "an AX exporter is under the EU regime", scenario: to("AX", "SE"), asOf: "2024-01-01", status: "not_restricted", regime: "EU" },
    // Saint-Barthélemy left the EU on 2012-01-01.
    { name: "DE→BL on 2011-12-31: inside", scenario: to("DE", "BL"), asOf: "2011-12-31", status: "not_restricted" },
    { name: "DE→BL on 2012-01-01: outside", scenario: to("DE", "BL"), asOf: "2012-01-01", status: "unsafeguarded" },
    // Gibraltar within EU law until 2020-12-31 (TFEU Art. 355(3); Withdrawal Agreement Art. 3(1)(b)); the TCA bridge does not extend to it.
    { name: "DE→GI on 2020-12-31: inside", scenario: to("DE", "GI"), asOf: "2020-12-31", status: "not_restricted" },
    { name: "DE→GI on 2021-01-01: no bridge, no adequacy", scenario: to("DE", "GI"), asOf: "2021-01-01", status: "unsafeguarded" },
    { name: "GI exporter on 2020-12-31: EU regime", scenario: to("GI", "DE"), asOf: "2020-12-31", status: "not_restricted", regime: "EU" },
    { name: "GI exporter on 2021-01-01: none of the three regimes", scenario: to("GI", "IN"), asOf: "2021-01-01", status: "not_restricted", regime: null },
    { name: "UK→GI on 2021-01-01: adequate under DPA 2018 Sch. 21", scenario: to("GB", "GI"), asOf: "2021-01-01", status: "adequate", regime: "UK" },
    // Accessions (regulatory-facts-2.md): AT/FI/SE 1995-01-01; 2004-05-01; BG, RO 2007-01-01; HR 2013-07-01; IS, NO 1994-01-01; LI 1995-05-01.
    { name: "DE→AT on 1994-12-31: not yet inside", scenario: to("DE", "AT"), asOf: "1994-12-31", status: "unsafeguarded" },
    { name: "DE→AT on 1995-01-01: inside", scenario: to("DE", "AT"), asOf: "1995-01-01", status: "not_restricted" },
    { name: "DE→SE on 1995-01-01: inside", scenario: to("DE", "SE"), asOf: "1995-01-01", status: "not_restricted" },
    { name: "DE→PL on 2004-04-30: not yet inside", scenario: to("DE", "PL"), asOf: "2004-04-30", status: "unsafeguarded" },
    { name: "DE→PL on 2004-05-01: inside", scenario: to("DE", "PL"), asOf: "2004-05-01", status: "not_restricted", cites: ["OJ L 236, 23.9.2003"] },
    { name: "PL exporter on 2004-04-30: no regime", scenario: to("PL", "US"), asOf: "2004-04-30", status: "not_restricted", regime: null },
    { name: "PL exporter on 2004-05-01: EU regime", scenario: to("PL", "IN"), asOf: "2004-05-01", status: "unsafeguarded", regime: "EU" },
    { name: "DE→BG on 2006-12-31: not yet inside", scenario: to("DE", "BG"), asOf: "2006-12-31", status: "unsafeguarded" },
    { name: "DE→RO on 2007-01-01: inside", scenario: to("DE", "RO"), asOf: "2007-01-01", status: "not_restricted" },
    { name: "DE→HR on 2013-06-30: not yet inside", scenario: to("DE", "HR"), asOf: "2013-06-30", status: "unsafeguarded" },
    { name: "DE→HR on 2013-07-01: inside", scenario: to("DE", "HR"), asOf: "2013-07-01", status: "not_restricted" },
    { name: "HR exporter on 2013-07-01: EU regime", scenario: to("HR", "IN"), asOf: "2013-07-01", status: "unsafeguarded", regime: "EU" },
    { name: "DE→NO on 1993-12-31: not yet inside", scenario: to("DE", "NO"), asOf: "1993-12-31", status: "unsafeguarded" },
    { name: "DE→IS on 1994-01-01: inside (EEA Agreement)", scenario: to("DE", "IS"), asOf: "1994-01-01", status: "not_restricted", cites: ["EEA Agreement"] },
    { name: "DE→LI on 1995-04-30: not yet inside", scenario: to("DE", "LI"), asOf: "1995-04-30", status: "unsafeguarded" },
    { name: "DE→LI on 1995-05-01: inside", scenario: to("DE", "LI"), asOf: "1995-05-01", status: "not_restricted" },
    // Outside the EU: the Faroe Islands, Greenland, the overseas countries and territories.
    { name: "DE→GL: outside", scenario: to("DE", "GL"), asOf: "2024-01-01", status: "unsafeguarded" },
    { name: "DE→AW: outside", scenario: to("DE", "AW"), asOf: "2024-01-01", status: "unsafeguarded" },
    // Svalbard and Jan Mayen: the EEA Agreement does not apply there; flagged for the DPO, not guessed.
    { name: "DE→SJ: treated as outside, flagged for the DPO", scenario: to("DE", "SJ"), asOf: "2024-01-01", status: "unsafeguarded", issues: ["territory_undetermined"] },
    { name: "SJ exporter: no regime, flagged for the DPO", scenario: to("SJ", "NO"), asOf: "2024-01-01", status: "not_restricted", regime: null, issues: ["territory_undetermined"] },
  ])("$name", check);

  it("regimeForExporter follows the dated memberships", () => {
    expect(regimeForExporter(ckb, "HR", "2013-06-30")).toBeNull();
    expect(regimeForExporter(ckb, "HR", "2013-07-01")).toBe("EU");
    expect(regimeForExporter(ckb, "LI", "1995-05-01")).toBe("EU");
    expect(regimeForExporter(ckb, "BL", "2012-01-01")).toBeNull();
  });
});

// --- 5. Recipient establishment versus processing location ---------------------------------------------------
describe("5. the recipient's establishment (EDPB Guidelines 05/2021, criterion 3)", () => {
  it.each<Case>([
    { name: "a US recipient hosting in Frankfurt still receives a restricted transfer", scenario: { exporterCountry: "DE", destination: "DE", recipientCountry: "US" }, asOf: "2024-01-01", status: "unsafeguarded", reason: ["criterion 3", "country of establishment decides"] },
    { name: "…covered when it is DPF-certified", scenario: { exporterCountry: "DE", destination: "DE", recipientCountry: "US", certifications: DPF_EU }, asOf: "2024-01-01", status: "adequate", cites: ["2023/1795"] },
    { name: "…or by SCCs", scenario: { exporterCountry: "DE", destination: "DE", recipientCountry: "US", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null }] }, asOf: "2024-01-01", status: "safeguarded" },
    { name: "a French recipient hosting in Germany: no transfer", scenario: { exporterCountry: "DE", destination: "DE", recipientCountry: "FR" }, asOf: "2024-01-01", status: "not_restricted" },
    { name: "a certified US recipient processing in India: the processing location decides", scenario: { exporterCountry: "DE", destination: "IN", recipientCountry: "US", certifications: DPF_EU }, asOf: "2024-01-01", status: "unsafeguarded", reason: ["the processing location, IN, decides"] },
    { name: "an uncertified US recipient processing in Japan: its establishment decides", scenario: { exporterCountry: "DE", destination: "JP", recipientCountry: "US" }, asOf: "2024-01-01", status: "unsafeguarded", reason: ["its country of establishment, US, decides"] },
    { name: "a UK exporter: a US recipient hosting in the UK", scenario: { exporterCountry: "GB", destination: "GB", recipientCountry: "US" }, asOf: "2024-01-01", status: "unsafeguarded", regime: "UK", reason: ["criterion 3"] },
    // An international organisation is itself the recipient (criterion 3), wherever its seat: the EPO decision, Implementing Decision (EU) 2025/1382 of 2025-07-15.
    { name: "the EPO in Munich is an international organisation, not a German recipient", scenario: { exporterCountry: "DE", destination: "org:EPO", recipientCountry: "DE" }, asOf: "2025-07-15", status: "adequate", cites: ["2025/1382"] },
    { name: "the EPO before its decision", scenario: { exporterCountry: "DE", destination: "org:EPO", recipientCountry: "DE" }, asOf: "2025-07-14", status: "unsafeguarded" },
  ])("$name", check);
});

// --- 6. Corrected dates and entries --------------------------------------------------------------------------
const oldScc = (version: "2001/497" | "2002/16" | "2004/915" | "2010/87", signed: string, exporterCountry = "DE"): Scenario => ({
  exporterCountry, destination: "IN", start: "1990-01-01",
  ...(version === "2010/87" || version === "2002/16" ? {} : { exporterRole: "controller", recipientRole: "controller" }),
  safeguards: [{ type: "scc", version, signed, ended: null }],
});
const approved = (type: "code_of_conduct" | "certification", exporterCountry: string, date: string): Scenario => ({
  exporterCountry, destination: "IN", safeguards: [{ type, approved: date, ended: null, reference: "CODE-1" }],
});

describe("6. corrected dates and entries (regulatory-facts-2.md)", () => {
  it.each<Case>([
    // "Standard contractual clauses: application dates".
    { name: "2001/497/EC applies from 2001-09-03 (Art. 6), not on 2001-09-02", scenario: oldScc("2001/497", "2001-08-01"), asOf: "2001-09-02", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
    { name: "2001/497/EC on 2001-09-03", scenario: oldScc("2001/497", "2001-08-01"), asOf: "2001-09-03", status: "safeguarded", cites: ["OJ L 181, 4.7.2001, p. 19"] },
    { name: "2004/915/EC not on 2005-03-31", scenario: oldScc("2004/915", "2005-01-10"), asOf: "2005-03-31", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
    { name: "2004/915/EC applies from 2005-04-01 (Art. 2)", scenario: oldScc("2004/915", "2005-01-10"), asOf: "2005-04-01", status: "safeguarded", cites: ["OJ L 385, 29.12.2004, p. 74"] },
    { name: "2010/87/EU not on 2010-05-14", scenario: oldScc("2010/87", "2010-03-01"), asOf: "2010-05-14", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
    { name: "2010/87/EU applies from 2010-05-15", scenario: oldScc("2010/87", "2010-03-01"), asOf: "2010-05-15", status: "safeguarded" },
    // 2002/16/EC: OJ L 6, 10.1.2002, p. 52; repealed from 2010-05-15; its contracts ended with the 2021 transition (2022-12-27).
    { name: "2002/16/EC covers a controller-to-processor transfer", scenario: oldScc("2002/16", "2008-01-01"), asOf: "2009-01-01", status: "safeguarded", cites: ["OJ L 6, 10.1.2002, p. 52"] },
    { name: "2002/16/EC signed on 2010-05-14, the last day, still counts", scenario: oldScc("2002/16", "2010-05-14"), asOf: "2015-01-01", status: "safeguarded" },
    { name: "2002/16/EC signed on 2010-05-15, after its repeal, does not", scenario: oldScc("2002/16", "2010-05-15"), asOf: "2015-01-01", status: "unsafeguarded", issues: ["scc_signed_after_cutoff"] },
    { name: "2002/16/EC contracts counted until 2022-12-27", scenario: oldScc("2002/16", "2008-01-01"), asOf: "2022-12-27", status: "safeguarded" },
    { name: "2002/16/EC contracts stop on 2022-12-28", scenario: oldScc("2002/16", "2008-01-01"), asOf: "2022-12-28", status: "unsafeguarded", issues: ["safeguard_expired"] },
    // Codes of conduct and certification: transfer tools from 2018-05-25 (GDPR Art. 46(2)(e)/(f)); in Switzerland from 2023-09-01 (FADP Art. 16(3); DPO Art. 12).
    { name: "EU code of conduct on 2018-05-24: not yet a transfer tool", scenario: approved("code_of_conduct", "DE", "2018-01-01"), asOf: "2018-05-24", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
    { name: "EU code of conduct on 2018-05-25", scenario: approved("code_of_conduct", "DE", "2018-01-01"), asOf: "2018-05-25", status: "safeguarded", cites: ["GDPR Art. 46(2)(e)"] },
    { name: "EU certification on 2018-05-24: not yet a transfer tool", scenario: approved("certification", "DE", "2018-01-01"), asOf: "2018-05-24", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
    { name: "Swiss certification on 2023-08-31: not yet a transfer tool", scenario: approved("certification", "CH", "2022-01-01"), asOf: "2023-08-31", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
    { name: "Swiss code of conduct on 2023-09-01", scenario: approved("code_of_conduct", "CH", "2022-01-01"), asOf: "2023-09-01", status: "safeguarded", cites: ["FADP Art. 16(3)"] },
    // US-Swiss Safe Harbor: the FDPIC's statement of 2015-10-22 ended it (not 2017-04-11).
    { name: "US-Swiss Safe Harbor on 2015-10-21", scenario: { exporterCountry: "CH", destination: "US", certifications: [{ framework: "safe_harbor_ch", from: "2010-01-01", to: null }] }, asOf: "2015-10-21", status: "adequate", regime: "CH" },
    { name: "US-Swiss Safe Harbor no basis from 2015-10-22", scenario: { exporterCountry: "CH", destination: "US", certifications: [{ framework: "safe_harbor_ch", from: "2010-01-01", to: null }] }, asOf: "2015-10-22", status: "unsafeguarded", issues: ["invalidated_framework"] },
    { name: "US-Swiss Safe Harbor still no basis in 2017-01", scenario: { exporterCountry: "CH", destination: "US", certifications: [{ framework: "safe_harbor_ch", from: "2010-01-01", to: null }] }, asOf: "2017-01-01", status: "unsafeguarded" },
    // Annex 1 lists Israel and the Faroe Islands without a sector restriction.
    { name: "CH→IL adequate without a scope condition", scenario: { exporterCountry: "CH", destination: "IL" }, asOf: "2024-01-01", status: "adequate", noIssues: ["adequacy_scope_condition"] },
    { name: "CH→FO adequate without a scope condition", scenario: { exporterCountry: "CH", destination: "FO" }, asOf: "2024-01-01", status: "adequate", noIssues: ["adequacy_scope_condition", "unconfirmed_source"] },
    // Canada for Switzerland: PIPEDA or a substantially similar provincial act; no longer UNCONFIRMED.
    { name: "CH→CA: private sector under PIPEDA or a substantially similar provincial act", scenario: { exporterCountry: "CH", destination: "CA" }, asOf: "2024-01-01", status: "adequate", noIssues: ["unconfirmed_source"] },
    // OJ references filled in.
    { name: "Japan: OJ L 76, 19.3.2019, p. 1", scenario: { exporterCountry: "DE", destination: "JP" }, asOf: "2024-01-01", status: "adequate", cites: ["OJ L 76, 19.3.2019, p. 1", "CELEX 32019D0419"], noIssues: ["unconfirmed_source"] },
    { name: "Korea: OJ L 44, 24.2.2022, p. 1", scenario: { exporterCountry: "DE", destination: "KR" }, asOf: "2024-01-01", status: "adequate", cites: ["OJ L 44, 24.2.2022, p. 1"] },
    { name: "Privacy Shield: OJ L 207, 1.8.2016, p. 1", scenario: { exporterCountry: "DE", destination: "US", certifications: [{ framework: "privacy_shield_eu", from: "2016-08-01", to: null }] }, asOf: "2019-01-01", status: "adequate", cites: ["OJ L 207, 1.8.2016, p. 1"] },
    { name: "Safe Harbor: OJ L 215, 25.8.2000, p. 7", scenario: { exporterCountry: "DE", destination: "US", certifications: [{ framework: "safe_harbor_eu", from: "2005-01-01", to: null }] }, asOf: "2012-01-01", status: "adequate", cites: ["OJ L 215, 25.8.2000, p. 7"] },
    { name: "Jersey: OJ L 138, 28.5.2008, p. 21", scenario: { exporterCountry: "DE", destination: "JE" }, asOf: "2024-01-01", status: "adequate", cites: ["OJ L 138, 28.5.2008, p. 21"], noIssues: ["unconfirmed_source"] },
    // The TIA issue only from 2020-07-16 (C-311/18).
    { name: "no TIA issue on 2020-07-15", scenario: { exporterCountry: "DE", destination: "IN", tia: null, safeguards: [{ type: "scc", version: "2010/87", signed: "2019-01-01", ended: null }] }, asOf: "2020-07-15", status: "safeguarded", noIssues: ["tia_missing"] },
    { name: "TIA missing from 2020-07-16", scenario: { exporterCountry: "DE", destination: "IN", tia: null, safeguards: [{ type: "scc", version: "2010/87", signed: "2019-01-01", ended: null }] }, asOf: "2020-07-16", status: "safeguarded", issues: ["tia_missing"] },
    // UK from 2026-02-05: the data protection test of UK GDPR Art. 46(1A).
    { name: "UK TIA missing cites the data protection test from 2026-02-05", scenario: { exporterCountry: "GB", destination: "IN", tia: null, safeguards: [{ type: "uk_idta", signed: "2022-06-01", ended: null }] }, asOf: "2026-02-05", status: "safeguarded", issues: ["tia_missing"] },
    // What stays unconfirmed stays flagged: the UK extension's act number and the renewal's OJ reference.
    { name: "EU→GB in 2025-07 rests on the unconfirmed extension", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2025-07-01", status: "adequate", issues: ["unconfirmed_source"] },
  ])("$name", check);

  it("the UK TIA message names the data protection test from 2026-02-05 and the ICO's assessment before", () => {
    const scenario: Scenario = { exporterCountry: "GB", destination: "IN", tia: null, safeguards: [{ type: "uk_idta", signed: "2022-06-01", ended: null }] };
    expect(issue(run(scenario, "2026-02-05"), "tia_missing")?.message).toContain("UK GDPR Art. 46(1A)");
    expect(issue(run(scenario, "2026-02-04"), "tia_missing")?.message).toContain("ICO transfer risk assessment");
  });

  it("Canada's Swiss scope names the provincial acts", () => {
    expect(issue(run({ exporterCountry: "CH", destination: "CA" }, "2024-01-01"), "adequacy_scope_condition")?.message).toContain("substantially similar provincial act");
  });

  it("each corrected entry keeps its source", () => {
    const ids = ["eu-adequacy-jp", "eu-adequacy-kr", "eu-adequacy-je", "eu-adequacy-us-privacy-shield", "eu-adequacy-us-safe-harbor", "framework-safe-harbor-ch", "ch-adequacy-ca", "scc-2001-497", "scc-2002-16", "scc-2004-915", "scc-2010-87", "code-of-conduct", "certification"];
    const entries = [...referenceKnowledgeBase.adequacy, ...referenceKnowledgeBase.framework, ...referenceKnowledgeBase.instrument];
    for (const id of ids) expect(entries.find((e) => e.id === id)?.sources.some((s) => s.includes("regulatory-facts-2.md")), id).toBe(true);
  });
});

// --- 7. What the format can say ------------------------------------------------------------------------------
const usDpf = (coveredData: "hr" | "non_hr" | "both" | undefined, hrData: boolean | undefined): Scenario => ({
  exporterCountry: "DE", destination: "US",
  certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null, ...(coveredData ? { coveredData } : {}) }],
  ...(hrData === undefined ? {} : { hrData }),
});
const sccIn = (tia: Scenario["tia"], extra: Partial<Scenario> = {}): Scenario => ({
  exporterCountry: "DE", destination: "IN", tia, safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null }], ...extra,
});
const bcr = (exporterCountry: string, approvals: { regime: "EU" | "UK" | "CH"; approved: string }[]): Scenario => ({
  exporterCountry, destination: "IN", safeguards: [{ type: "bcr", variant: "controller", approved: "2019-01-01", ended: null, approvals }],
});

describe("7. what the format can say", () => {
  it.each<Case>([
    // Decision (EU) 2023/1795 Annex I, Supplemental Principle 9: HR data only where the certification covers it.
    { name: "HR data to a non-HR certification: not adequate", scenario: usDpf("non_hr", true), asOf: "2024-01-01", status: "unsafeguarded", issues: ["certification_scope"] },
    { name: "HR data to an HR and non-HR certification: adequate", scenario: usDpf("both", true), asOf: "2024-01-01", status: "adequate", noIssues: ["certification_scope"] },
    { name: "non-HR data to an HR-only certification: not adequate", scenario: usDpf("hr", false), asOf: "2024-01-01", status: "unsafeguarded", issues: ["certification_scope"] },
    { name: "HR data, coverage not recorded: adequate with a warning", scenario: usDpf(undefined, true), asOf: "2024-01-01", status: "adequate", issues: ["certification_scope"] },
    { name: "nothing recorded: adequate as before", scenario: usDpf(undefined, undefined), asOf: "2024-01-01", status: "adequate", noIssues: ["certification_scope"] },
    // Partial adequacy: out is not adequate, unknown stays a warning, in needs no check.
    { name: "Japan, recipient outside the APPI scope: not adequate", scenario: { exporterCountry: "DE", destination: "JP", adequacyScope: "out" }, asOf: "2024-01-01", status: "unsafeguarded", reason: ["outside that scope"] },
    { name: "Japan, outside the scope, with SCCs: safeguarded", scenario: { exporterCountry: "DE", destination: "JP", adequacyScope: "out", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null }] }, asOf: "2024-01-01", status: "safeguarded" },
    { name: "Japan, scope unknown: adequate with a warning", scenario: { exporterCountry: "DE", destination: "JP", adequacyScope: "unknown" }, asOf: "2024-01-01", status: "adequate", issues: ["adequacy_scope_condition"] },
    { name: "Japan, recipient within the scope: adequate, nothing to check", scenario: { exporterCountry: "DE", destination: "JP", adequacyScope: "in" }, asOf: "2024-01-01", status: "adequate", noIssues: ["adequacy_scope_condition"] },
    // TIA outcome "suspend" (SCC Clause 14(f), 16(b); EDPB Recommendations 01/2020 step 4) from the day it is completed.
    { name: "a TIA concluding suspend, before it is completed", scenario: sccIn({ completed: "2024-03-01", nextReview: null, outcome: "suspend" }), asOf: "2024-02-29", status: "safeguarded" },
    { name: "a TIA concluding suspend, from its completion: unsafeguarded", scenario: sccIn({ completed: "2024-03-01", nextReview: null, outcome: "suspend" }), asOf: "2024-03-01", status: "unsafeguarded", issues: ["tia_suspend"] },
    { name: "a suspending TIA leaves an occasional consent derogation", scenario: { ...sccIn({ completed: "2024-03-01", nextReview: null, outcome: "suspend" }, { frequency: "occasional" }), safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null }, { type: "derogation", basis: "49(1)(a)" }] }, asOf: "2024-06-01", status: "derogation", issues: ["tia_suspend"] },
    { name: "proceed with measures but none recorded: a warning", scenario: sccIn({ completed: "2024-03-01", nextReview: null, outcome: "proceed_with_measures" }), asOf: "2024-06-01", status: "safeguarded", issues: ["tia_measures_missing"] },
    { name: "proceed with measures, recorded", scenario: sccIn({ completed: "2024-03-01", nextReview: null, outcome: "proceed_with_measures", measuresTechnical: "end-to-end encryption, keys in the EU" }), asOf: "2024-06-01", status: "safeguarded", noIssues: ["tia_measures_missing", "tia_missing"] },
    // BCR: an EU-approved BCR does not cover UK exporters without ICO approval (UK GDPR Art. 47).
    { name: "UK exporter, BCR approved in the EU only", scenario: bcr("GB", [{ regime: "EU", approved: "2019-01-01" }]), asOf: "2024-01-01", status: "unsafeguarded", issues: ["bcr_approval_missing"] },
    { name: "UK exporter, the day before the ICO's approval", scenario: bcr("GB", [{ regime: "EU", approved: "2019-01-01" }, { regime: "UK", approved: "2022-06-01" }]), asOf: "2022-05-31", status: "unsafeguarded", issues: ["bcr_approval_missing"] },
    { name: "UK exporter, from the ICO's approval", scenario: bcr("GB", [{ regime: "EU", approved: "2019-01-01" }, { regime: "UK", approved: "2022-06-01" }]), asOf: "2022-06-01", status: "safeguarded", cites: ["UK GDPR Art. 46(2)(b) and 47"] },
    { name: "EU exporter, EU-approved BCR", scenario: bcr("FR", [{ regime: "EU", approved: "2019-01-01" }]), asOf: "2024-01-01", status: "safeguarded" },
    { name: "Swiss exporter, EU-approved BCR (FADP Art. 16(2)(e): an authority of a state with adequate protection)", scenario: bcr("CH", [{ regime: "EU", approved: "2019-01-01" }]), asOf: "2024-01-01", status: "safeguarded", cites: ["FADP Art. 16(2)(e)"] },
    { name: "EU exporter, BCR approved by the ICO only", scenario: bcr("DE", [{ regime: "UK", approved: "2022-01-01" }]), asOf: "2024-01-01", status: "unsafeguarded", issues: ["bcr_approval_missing"] },
  ])("$name", check);

  it("a document carrying every new field validates, evaluates and keeps the fields (FORMAT.md)", () => {
    const { doc, transfer } = createScenarioDocument({ exporterCountry: "DE", destination: "org:EPO", recipientCountry: "DE", hrData: false, adequacyScope: "unknown" });
    Object.assign(transfer, { specialCategory: true });
    const v = evaluateTransfer(createEvaluationContext(doc, ckb), transfer, "2025-08-01");
    expect(v.status).toBe("adequate");
    expect(transfer).toMatchObject({ specialCategory: true, hrData: false, adequacyScope: "unknown" });
  });
});
