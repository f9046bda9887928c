/**
 * Named legal boundaries, each checked on the day before and the day of (or the last day and the day after).
 * These run the real evaluator on the real reference data: a wrong date in db/reference or a wrong rule in
 * server/domain/rules makes them fail.
 */
import { describe, expect, it } from "vitest";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { evaluateScenario, type Scenario } from "../../server/domain/rules/testing";
import type { IssueCode, Status } from "../../server/domain/rules/types";
import { referenceKnowledgeBase } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase);

interface Case {
  boundary: string;
  scenario: Scenario;
  asOf: string;
  status: Status;
  regime?: "EU" | "UK" | "CH" | null;
  basis?: string;
  issues?: IssueCode[];
  noIssues?: IssueCode[];
}

const US_PS_EU: Scenario = { exporterCountry: "DE", destination: "US", certifications: [{ framework: "privacy_shield_eu", from: "2016-08-01", to: null }] };
const US_SH_EU: Scenario = { exporterCountry: "FR", destination: "US", certifications: [{ framework: "safe_harbor_eu", from: "2005-01-01", to: null }] };
const US_DPF_EU: Scenario = { exporterCountry: "NL", destination: "US", certifications: [{ framework: "dpf_eu", from: "2023-07-01", to: null }] };
const US_DPF_UK: Scenario = {
  exporterCountry: "GB", destination: "US",
  certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null }, { framework: "dpf_uk", from: "2023-07-17", to: null }],
};
const US_PS_CH: Scenario = { exporterCountry: "CH", destination: "US", certifications: [{ framework: "privacy_shield_ch", from: "2017-04-01", to: null }] };
const US_DPF_CH: Scenario = { exporterCountry: "CH", destination: "US", certifications: [{ framework: "dpf_ch", from: "2023-07-17", to: null }] };

function oldScc(exporterCountry: string, version: "2001/497" | "2004/915" | "2010/87", signed: string, roles: Partial<Scenario> = {}): Scenario {
  return { exporterCountry, destination: "IN", ...roles, safeguards: [{ type: "scc", version, signed, ended: null }] };
}
function newScc(exporterCountry: string, signed: string, extra: { ukAddendum?: boolean; swissAdaptations?: boolean; modules?: number[] } = {}): Scenario {
  return { exporterCountry, destination: "IN", safeguards: [{ type: "scc", version: "2021/914", modules: extra.modules ?? [2], signed, ended: null, ...extra }] };
}
const C2C = { exporterRole: "controller", recipientRole: "controller" } as const;

const cases: Case[] = [
  // --- EU: US frameworks -------------------------------------------------------------------------------
  { boundary: "EU-US Privacy Shield, last valid day (Schrems II, C-311/18)", scenario: US_PS_EU, asOf: "2020-07-15", status: "adequate", basis: "eu-adequacy-us-privacy-shield", issues: ["certification_only"] },
  { boundary: "EU-US Privacy Shield invalid from 2020-07-16 (Schrems II, no grace period)", scenario: US_PS_EU, asOf: "2020-07-16", status: "unsafeguarded", issues: ["invalidated_framework"] },
  { boundary: "EU-US Privacy Shield, day before self-certification opened (2016-08-01)", scenario: { ...US_PS_EU, certifications: [{ framework: "privacy_shield_eu", from: "2016-07-01", to: null }] }, asOf: "2016-07-31", status: "unsafeguarded" },
  { boundary: "EU-US Privacy Shield operational 2016-08-01", scenario: US_PS_EU, asOf: "2016-08-01", status: "adequate", basis: "eu-adequacy-us-privacy-shield" },
  { boundary: "EU-US Safe Harbor, last valid day 2015-10-05 (Schrems I, C-362/14)", scenario: US_SH_EU, asOf: "2015-10-05", status: "adequate", basis: "eu-adequacy-us-safe-harbor" },
  { boundary: "EU-US Safe Harbor invalid from 2015-10-06", scenario: US_SH_EU, asOf: "2015-10-06", status: "unsafeguarded", issues: ["invalidated_framework"] },
  { boundary: "No EU-US adequacy between Privacy Shield and DPF (2022)", scenario: { ...US_PS_EU, certifications: [{ framework: "privacy_shield_eu", from: "2016-08-01", to: null }, { framework: "dpf_eu", from: "2016-08-01", to: null }] }, asOf: "2022-06-01", status: "unsafeguarded" },
  { boundary: "EU-US DPF, day before Decision 2023/1795 (2023-07-09)", scenario: US_DPF_EU, asOf: "2023-07-09", status: "unsafeguarded" },
  { boundary: "EU-US DPF applies from 2023-07-10 (Decision 2023/1795)", scenario: US_DPF_EU, asOf: "2023-07-10", status: "adequate", basis: "eu-adequacy-us-dpf", issues: ["certification_only"] },
  { boundary: "EU-US DPF: only the EU framework counts for an EU exporter", scenario: { ...US_DPF_EU, certifications: [{ framework: "dpf_uk", from: "2023-07-17", to: null }, { framework: "dpf_ch", from: "2023-07-17", to: null }] }, asOf: "2025-01-01", status: "unsafeguarded" },
  { boundary: "EU-US DPF: lapsed certification (to 2024-12-31) no longer covers", scenario: { ...US_DPF_EU, certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: "2024-12-31" }] }, asOf: "2025-01-01", status: "unsafeguarded" },
  { boundary: "EU-US DPF: certification on its last day still covers", scenario: { ...US_DPF_EU, certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: "2024-12-31" }] }, asOf: "2024-12-31", status: "adequate", issues: ["safeguard_ending_soon"] },
  { boundary: "EU-US DPF with fallback SCCs: no certification_only warning", scenario: { ...US_DPF_EU, safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2023-01-01", ended: null }] }, asOf: "2024-01-01", status: "adequate", noIssues: ["certification_only"] },

  // --- UK: US Extension ----------------------------------------------------------------------------------
  { boundary: "UK Extension to the DPF, day before SI 2023/1028 (2023-10-11)", scenario: US_DPF_UK, asOf: "2023-10-11", status: "unsafeguarded", regime: "UK" },
  { boundary: "UK Extension to the DPF usable from 2023-10-12", scenario: US_DPF_UK, asOf: "2023-10-12", status: "adequate", regime: "UK", basis: "uk-adequacy-us-dpf" },
  { boundary: "UK Extension requires EU-US DPF participation", scenario: { ...US_DPF_UK, certifications: [{ framework: "dpf_uk", from: "2023-07-17", to: null }] }, asOf: "2024-01-01", status: "unsafeguarded" },
  { boundary: "UK exporter: EU-US DPF alone is not the UK Extension", scenario: { ...US_DPF_UK, certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null }] }, asOf: "2024-01-01", status: "unsafeguarded" },
  { boundary: "GB exporter under EU rules in 2019: EU-US Privacy Shield applies", scenario: { ...US_PS_EU, exporterCountry: "GB" }, asOf: "2019-06-01", status: "adequate", regime: "EU", basis: "eu-adequacy-us-privacy-shield" },

  // --- UK inside the EU until 2020-12-31; TCA bridge; UK adequacy renewals -------------------------------
  { boundary: "GB exporter inside the EU's rules on 2020-12-31 (transition)", scenario: { exporterCountry: "GB", destination: "DE" }, asOf: "2020-12-31", status: "not_restricted", regime: "EU", basis: "eu-area-de" },
  { boundary: "GB exporter under UK GDPR from 2021-01-01; EEA adequate (DPA 2018 Sch. 21)", scenario: { exporterCountry: "GB", destination: "DE" }, asOf: "2021-01-01", status: "adequate", regime: "UK", basis: "uk-adequacy-de" },
  { boundary: "GB exporter before Brexit (2020-01-31) is an EU member state exporter", scenario: { exporterCountry: "GB", destination: "FR" }, asOf: "2020-01-31", status: "not_restricted", regime: "EU", basis: "eu-area-fr" },
  { boundary: "GB exporter on 2020-02-01, first day of transition", scenario: { exporterCountry: "GB", destination: "FR" }, asOf: "2020-02-01", status: "not_restricted", regime: "EU", basis: "eu-area-fr" },
  { boundary: "EU→GB on 2020-12-31: GB still inside the EU's rules", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2020-12-31", status: "not_restricted", basis: "eu-area-gb-transition" },
  { boundary: "EU→GB from 2021-01-01: TCA Art. FINPROV.10A bridge", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2021-01-01", status: "not_restricted", basis: "eu-bridge-gb-tca" },
  { boundary: "EU→GB on 2021-06-27: last day of the TCA bridge", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2021-06-27", status: "not_restricted", basis: "eu-bridge-gb-tca" },
  { boundary: "EU→GB from 2021-06-28: Decision 2021/1772", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2021-06-28", status: "adequate", basis: "eu-adequacy-gb-2021" },
  { boundary: "EU→GB on 2025-06-27: original UK decision's last day", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2025-06-27", status: "adequate", basis: "eu-adequacy-gb-2021", noIssues: ["safeguard_ending_soon"] },
  { boundary: "EU→GB on 2025-06-28: June 2025 technical extension", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2025-06-28", status: "adequate", basis: "eu-adequacy-gb-2025-extension" },
  { boundary: "EU→GB on 2025-12-27: extension's last day", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2025-12-27", status: "adequate", basis: "eu-adequacy-gb-2025-extension" },
  { boundary: "EU→GB on 2025-12-28: renewal C(2025) 8771", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2025-12-28", status: "adequate", basis: "eu-adequacy-gb-2025-renewal" },
  { boundary: "EU→GB on 2031-12-27: renewal sunset day", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2031-12-27", status: "adequate", basis: "eu-adequacy-gb-2025-renewal", issues: ["safeguard_ending_soon"] },
  { boundary: "EU→GB on 2031-12-28: after the renewal's sunset", scenario: { exporterCountry: "DE", destination: "GB" }, asOf: "2031-12-28", status: "unsafeguarded" },
  { boundary: "EU→Gibraltar: no EU adequacy decision (facts: unconfirmed #14)", scenario: { exporterCountry: "DE", destination: "GI" }, asOf: "2024-01-01", status: "unsafeguarded" },
  { boundary: "UK→Gibraltar adequate (DPA 2018 Sch. 21 para. 5)", scenario: { exporterCountry: "GB", destination: "GI" }, asOf: "2021-01-01", status: "adequate", basis: "uk-adequacy-gi" },
  { boundary: "UK→Korea, day before SI 2022/1213 in force", scenario: { exporterCountry: "GB", destination: "KR" }, asOf: "2022-12-18", status: "unsafeguarded", regime: "UK" },
  { boundary: "UK→Korea adequate from 2022-12-19 (SI 2022/1213)", scenario: { exporterCountry: "GB", destination: "KR" }, asOf: "2022-12-19", status: "adequate", basis: "uk-adequacy-kr", issues: ["adequacy_scope_condition"] },
  { boundary: "UK→Japan carried over (APPI scope)", scenario: { exporterCountry: "GB", destination: "JP" }, asOf: "2021-01-01", status: "adequate", basis: "uk-adequacy-jp" },
  { boundary: "UK→Brazil: EU's Brazil decision not carried over", scenario: { exporterCountry: "GB", destination: "BR" }, asOf: "2026-06-01", status: "unsafeguarded" },

  // --- EU adequacy: Brazil, EPO, partial scopes ---------------------------------------------------------
  { boundary: "EU→Brazil, day before Decision 2026/179", scenario: { exporterCountry: "DE", destination: "BR" }, asOf: "2026-01-25", status: "unsafeguarded" },
  { boundary: "EU→Brazil adequate from 2026-01-26 (LGPD scope)", scenario: { exporterCountry: "DE", destination: "BR" }, asOf: "2026-01-26", status: "adequate", basis: "eu-adequacy-br", issues: ["adequacy_scope_condition"] },
  { boundary: "EU→EPO, day before Decision 2025/1382", scenario: { exporterCountry: "DE", destination: "org:EPO" }, asOf: "2025-07-14", status: "unsafeguarded" },
  { boundary: "EU→EPO adequate from 2025-07-15", scenario: { exporterCountry: "DE", destination: "org:EPO" }, asOf: "2025-07-15", status: "adequate", basis: "eu-adequacy-org-epo" },
  { boundary: "EU→Korea adequate from 2021-12-17 (Decision 2022/254)", scenario: { exporterCountry: "IT", destination: "KR" }, asOf: "2021-12-17", status: "adequate", basis: "eu-adequacy-kr" },
  { boundary: "EU→Korea, day before 2021-12-17", scenario: { exporterCountry: "IT", destination: "KR" }, asOf: "2021-12-16", status: "unsafeguarded" },
  { boundary: "EU→Japan adequate from 2019-01-23 (Decision 2019/419)", scenario: { exporterCountry: "BE", destination: "JP" }, asOf: "2019-01-23", status: "adequate", basis: "eu-adequacy-jp" },
  { boundary: "EU→Japan, day before 2019-01-23", scenario: { exporterCountry: "BE", destination: "JP" }, asOf: "2019-01-22", status: "unsafeguarded" },
  { boundary: "EU→Canada partial (PIPEDA) flags the scope condition", scenario: { exporterCountry: "FR", destination: "CA" }, asOf: "2024-01-01", status: "adequate", basis: "eu-adequacy-ca", issues: ["adequacy_scope_condition"] },
  { boundary: "EEA EFTA exporter (Norway) is under the EU regime", scenario: { exporterCountry: "NO", destination: "SE" }, asOf: "2024-01-01", status: "not_restricted", regime: "EU" },
  { boundary: "EU→India: third country without adequacy", scenario: { exporterCountry: "DE", destination: "IN" }, asOf: "2024-01-01", status: "unsafeguarded" },
  { boundary: "Exporter outside every regime (US) is not restricted", scenario: { exporterCountry: "US", destination: "IN" }, asOf: "2024-01-01", status: "not_restricted", regime: null },

  // --- Switzerland ------------------------------------------------------------------------------------
  { boundary: "Swiss-US Privacy Shield, last day before the FDPIC position (2020-09-07)", scenario: US_PS_CH, asOf: "2020-09-07", status: "adequate", regime: "CH", basis: "ch-adequacy-us-privacy-shield" },
  { boundary: "Swiss-US Privacy Shield not adequate from 2020-09-08 (FDPIC)", scenario: US_PS_CH, asOf: "2020-09-08", status: "unsafeguarded", issues: ["invalidated_framework"] },
  { boundary: "Swiss-US Privacy Shield, day before self-certification 2017-04-12", scenario: US_PS_CH, asOf: "2017-04-11", status: "unsafeguarded" },
  { boundary: "Swiss-US Privacy Shield from 2017-04-12", scenario: US_PS_CH, asOf: "2017-04-12", status: "adequate" },
  { boundary: "Swiss-US DPF, day before 2024-09-15", scenario: US_DPF_CH, asOf: "2024-09-14", status: "unsafeguarded" },
  { boundary: "Swiss-US DPF in force 2024-09-15 (Annex 1 DPO)", scenario: US_DPF_CH, asOf: "2024-09-15", status: "adequate", basis: "ch-adequacy-us-dpf" },
  { boundary: "Swiss exporter: EU-US DPF certification does not count", scenario: { ...US_DPF_CH, certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null }] }, asOf: "2025-01-01", status: "unsafeguarded" },
  { boundary: "CH→Japan: not on Annex 1 DPO", scenario: { exporterCountry: "CH", destination: "JP" }, asOf: "2025-01-01", status: "unsafeguarded", regime: "CH" },
  { boundary: "CH→Korea: not on Annex 1 DPO", scenario: { exporterCountry: "CH", destination: "KR" }, asOf: "2025-01-01", status: "unsafeguarded" },
  { boundary: "CH→Monaco adequate from Annex 1 (2023-09-01)", scenario: { exporterCountry: "CH", destination: "MC" }, asOf: "2023-09-01", status: "adequate", basis: "ch-adequacy-mc" },
  { boundary: "CH→Monaco, day before Annex 1 (2023-08-31)", scenario: { exporterCountry: "CH", destination: "MC" }, asOf: "2023-08-31", status: "unsafeguarded" },
  { boundary: "CH→Germany adequate (EEA on Annex 1)", scenario: { exporterCountry: "CH", destination: "DE" }, asOf: "2024-01-01", status: "adequate", basis: "ch-adequacy-de" },
  { boundary: "CH→CH is inside the Swiss area", scenario: { exporterCountry: "CH", destination: "CH" }, asOf: "2024-01-01", status: "not_restricted", regime: "CH" },
  { boundary: "EU→CH adequate (Decision 2000/518)", scenario: { exporterCountry: "AT", destination: "CH" }, asOf: "2024-01-01", status: "adequate", basis: "eu-adequacy-ch" },

  // --- Old SCC windows per regime ---------------------------------------------------------------------
  { boundary: "EU old SCCs signed on the last day 2021-09-26 (Art. 4(2) 2021/914)", scenario: oldScc("DE", "2010/87", "2021-09-26"), asOf: "2021-10-01", status: "safeguarded" },
  { boundary: "EU old SCCs signed 2021-09-27: too late", scenario: oldScc("DE", "2010/87", "2021-09-27"), asOf: "2021-10-01", status: "unsafeguarded", issues: ["scc_signed_after_cutoff"] },
  { boundary: "EU old SCCs valid until 2022-12-27 (Art. 4(4))", scenario: oldScc("DE", "2010/87", "2019-01-01"), asOf: "2022-12-27", status: "safeguarded", issues: ["safeguard_ending_soon"] },
  { boundary: "EU old SCCs stop counting on 2022-12-28", scenario: oldScc("DE", "2010/87", "2019-01-01"), asOf: "2022-12-28", status: "unsafeguarded", issues: ["safeguard_expired"] },
  { boundary: "EU old C2C set 2004/915 valid until 2022-12-27", scenario: oldScc("FR", "2004/915", "2015-01-01", C2C), asOf: "2022-12-27", status: "safeguarded" },
  { boundary: "EU old C2C set 2001/497 stops on 2022-12-28", scenario: oldScc("FR", "2001/497", "2015-01-01", C2C), asOf: "2022-12-28", status: "unsafeguarded", issues: ["safeguard_expired"] },
  { boundary: "UK old SCCs signed on the last day 2022-09-21", scenario: oldScc("GB", "2010/87", "2022-09-21"), asOf: "2023-01-01", status: "safeguarded", regime: "UK" },
  { boundary: "UK old SCCs signed 2022-09-22: too late", scenario: oldScc("GB", "2010/87", "2022-09-22"), asOf: "2023-01-01", status: "unsafeguarded", issues: ["scc_signed_after_cutoff"] },
  { boundary: "UK old SCCs valid until 2024-03-21", scenario: oldScc("GB", "2010/87", "2019-01-01"), asOf: "2024-03-21", status: "safeguarded" },
  { boundary: "UK old SCCs stop counting on 2024-03-22", scenario: oldScc("GB", "2010/87", "2019-01-01"), asOf: "2024-03-22", status: "unsafeguarded", issues: ["safeguard_expired"] },
  { boundary: "UK old SCCs still valid on 2022-12-28 (EU end date does not apply)", scenario: oldScc("GB", "2010/87", "2019-01-01"), asOf: "2022-12-28", status: "safeguarded" },
  { boundary: "CH old SCCs signed on the last day 2021-09-27", scenario: oldScc("CH", "2010/87", "2021-09-27"), asOf: "2021-10-01", status: "safeguarded", regime: "CH" },
  { boundary: "CH old SCCs signed 2021-09-28: too late", scenario: oldScc("CH", "2010/87", "2021-09-28"), asOf: "2021-10-01", status: "unsafeguarded", issues: ["scc_signed_after_cutoff"] },
  { boundary: "CH old SCCs valid until 2022-12-31", scenario: oldScc("CH", "2010/87", "2019-01-01"), asOf: "2022-12-31", status: "safeguarded" },
  { boundary: "CH old SCCs stop counting on 2023-01-01", scenario: oldScc("CH", "2010/87", "2019-01-01"), asOf: "2023-01-01", status: "unsafeguarded", issues: ["safeguard_expired"] },

  // --- New SCCs, UK Addendum, IDTA, Swiss adaptations ------------------------------------------------------
  { boundary: "EU SCCs 2021/914, day before entry into force (2021-06-26)", scenario: newScc("DE", "2021-06-20"), asOf: "2021-06-26", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
  { boundary: "EU SCCs 2021/914 usable from 2021-06-27 (Art. 4(1))", scenario: newScc("DE", "2021-06-20"), asOf: "2021-06-27", status: "safeguarded", basis: "sg-1" },
  { boundary: "UK: EU SCCs with the Addendum, day before 2022-03-21", scenario: newScc("GB", "2022-01-10", { ukAddendum: true }), asOf: "2022-03-20", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
  { boundary: "UK: EU SCCs with the Addendum from 2022-03-21", scenario: newScc("GB", "2022-01-10", { ukAddendum: true }), asOf: "2022-03-21", status: "safeguarded", regime: "UK" },
  { boundary: "UK: EU SCCs without the Addendum do not count", scenario: newScc("GB", "2022-06-01"), asOf: "2023-01-01", status: "unsafeguarded", issues: ["uk_addendum_missing"] },
  { boundary: "UK IDTA, day before it came into force (2022-03-20)", scenario: { exporterCountry: "GB", destination: "IN", safeguards: [{ type: "uk_idta", signed: "2022-03-01", ended: null }] }, asOf: "2022-03-20", status: "unsafeguarded", issues: ["instrument_not_yet_applicable"] },
  { boundary: "UK IDTA in force 2022-03-21", scenario: { exporterCountry: "GB", destination: "IN", safeguards: [{ type: "uk_idta", signed: "2022-03-01", ended: null }] }, asOf: "2022-03-21", status: "safeguarded" },
  { boundary: "UK IDTA is not a safeguard for an EU exporter", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "uk_idta", signed: "2022-04-01", ended: null }] }, asOf: "2023-01-01", status: "unsafeguarded", issues: ["instrument_not_recognised"] },
  { boundary: "CH: SCCs with Swiss adaptations, day before FDPIC recognition (2021-08-26)", scenario: newScc("CH", "2021-08-01", { swissAdaptations: true }), asOf: "2021-08-26", status: "unsafeguarded" },
  { boundary: "CH: SCCs with Swiss adaptations from 2021-08-27", scenario: newScc("CH", "2021-08-01", { swissAdaptations: true }), asOf: "2021-08-27", status: "safeguarded", regime: "CH" },
  { boundary: "CH: SCCs without Swiss adaptations do not count", scenario: newScc("CH", "2022-01-01"), asOf: "2023-01-01", status: "unsafeguarded", issues: ["swiss_adaptations_missing"] },
  { boundary: "2021/914 module must match roles (Module 1 for C→P)", scenario: newScc("DE", "2022-01-01", { modules: [1] }), asOf: "2023-01-01", status: "unsafeguarded", issues: ["module_mismatch"] },
  { boundary: "2021/914 Module 3 covers processor→processor", scenario: { ...newScc("DE", "2022-01-01", { modules: [3] }), exporterRole: "processor", recipientRole: "processor" }, asOf: "2023-01-01", status: "safeguarded" },
  { boundary: "Old set 2010/87 is controller→processor only", scenario: oldScc("DE", "2010/87", "2019-01-01", C2C), asOf: "2020-01-01", status: "unsafeguarded", issues: ["module_mismatch"] },
  { boundary: "SCC must bind the recipient", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null, parties: ["exporter"] }] }, asOf: "2023-01-01", status: "unsafeguarded", issues: ["party_mismatch"] },
  { boundary: "SCC ended 2023-06-30 still covers on its last day", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: "2023-06-30" }] }, asOf: "2023-06-30", status: "safeguarded" },
  { boundary: "SCC ended 2023-06-30 no longer covers on 2023-07-01", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: "2023-06-30" }] }, asOf: "2023-07-01", status: "unsafeguarded" },
  { boundary: "SCC signed 2022-01-01 does not cover 2021-12-31", scenario: newScc("DE", "2022-01-01"), asOf: "2021-12-31", status: "unsafeguarded", noIssues: ["instrument_not_yet_applicable"] },

  // --- BCR, derogations, TIA, ending soon, inactive ---------------------------------------------------
  { boundary: "BCR bind members only: both members → safeguarded (Art. 47)", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "bcr", variant: "controller", approved: "2020-01-01", ended: null }] }, asOf: "2021-01-01", status: "safeguarded" },
  { boundary: "BCR: recipient not a member → does not count", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "bcr", variant: "controller", approved: "2020-01-01", ended: null, members: ["exporter"] }] }, asOf: "2021-01-01", status: "unsafeguarded", issues: ["party_mismatch"] },
  { boundary: "BCR, day before approval", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "bcr", variant: "controller", approved: "2020-01-01", ended: null }] }, asOf: "2019-12-31", status: "unsafeguarded" },
  { boundary: "Derogation only when nothing else covers (Art. 49)", scenario: { exporterCountry: "DE", destination: "IN", frequency: "occasional", safeguards: [{ type: "derogation", basis: "49(1)(b)" }] }, asOf: "2024-01-01", status: "derogation", noIssues: ["derogation_for_continuous"] },
  // regulatory-facts-2.md, "Derogations": 49(1)(b) cannot cover a regular transfer (recital 111; EDPB Guidelines 2/2018 § 2.2).
  { boundary: "Art. 49(1)(b) for a continuous transfer is no cover (recital 111, EDPB 2/2018 § 2.2)", scenario: { exporterCountry: "DE", destination: "IN", frequency: "continuous", safeguards: [{ type: "derogation", basis: "49(1)(b)" }] }, asOf: "2024-01-01", status: "unsafeguarded", issues: ["derogation_for_continuous"] },
  { boundary: "A valid SCC wins over a derogation", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "derogation", basis: "49(1)(a)" }, { type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: null }] }, asOf: "2024-01-01", status: "safeguarded", basis: "sg-2" },
  { boundary: "TIA missing when relying on Art. 46 SCCs (Schrems II)", scenario: { ...newScc("DE", "2022-01-01"), tia: null }, asOf: "2024-01-01", status: "safeguarded", issues: ["tia_missing"] },
  { boundary: "TIA review due 2024-01-01 is not overdue on that day", scenario: { ...newScc("DE", "2022-01-01"), tia: { completed: "2022-01-01", nextReview: "2024-01-01" } }, asOf: "2024-01-01", status: "safeguarded", noIssues: ["tia_overdue", "tia_missing"] },
  { boundary: "TIA review due 2024-01-01 is overdue on 2024-01-02", scenario: { ...newScc("DE", "2022-01-01"), tia: { completed: "2022-01-01", nextReview: "2024-01-01" } }, asOf: "2024-01-02", status: "safeguarded", issues: ["tia_overdue"] },
  { boundary: "No TIA needed under adequacy", scenario: { exporterCountry: "DE", destination: "JP", tia: null }, asOf: "2024-01-01", status: "adequate", noIssues: ["tia_missing"] },
  { boundary: "Safeguard ending in exactly 90 days warns", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: "2024-03-31" }] }, asOf: "2024-01-01", status: "safeguarded", issues: ["safeguard_ending_soon"] },
  { boundary: "Safeguard ending in 91 days does not warn", scenario: { exporterCountry: "DE", destination: "IN", safeguards: [{ type: "scc", version: "2021/914", modules: [2], signed: "2022-01-01", ended: "2024-04-01" }] }, asOf: "2024-01-01", status: "safeguarded", noIssues: ["safeguard_ending_soon"] },
  { boundary: "Transfer inactive the day before its start", scenario: { exporterCountry: "DE", destination: "IN", start: "2024-01-01", end: "2024-12-31" }, asOf: "2023-12-31", status: "inactive" },
  { boundary: "Transfer active on its start day", scenario: { exporterCountry: "DE", destination: "IN", start: "2024-01-01", end: "2024-12-31" }, asOf: "2024-01-01", status: "unsafeguarded" },
  { boundary: "Transfer active on its end day", scenario: { exporterCountry: "DE", destination: "IN", start: "2024-01-01", end: "2024-12-31" }, asOf: "2024-12-31", status: "unsafeguarded" },
  { boundary: "Transfer inactive the day after its end", scenario: { exporterCountry: "DE", destination: "IN", start: "2024-01-01", end: "2024-12-31" }, asOf: "2025-01-01", status: "inactive" },
];

describe("legal boundaries (reference knowledge base)", () => {
  it.each(cases)("$boundary — $asOf → $status", (c) => {
    const verdict = evaluateScenario(ckb, c.scenario, c.asOf);
    expect(verdict.status).toBe(c.status);
    if (c.regime !== undefined) expect(verdict.regime).toBe(c.regime);
    if (c.basis !== undefined) expect(verdict.basis.map((b) => b.ref)).toContain(c.basis);
    const codes = verdict.issues.map((i) => i.code);
    for (const code of c.issues ?? []) expect(codes).toContain(code);
    for (const code of c.noIssues ?? []) expect(codes).not.toContain(code);
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it("has at least 80 named cases covering EU, UK and CH", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const regimes = new Set(cases.map((c) => evaluateScenario(ckb, c.scenario, c.asOf).regime));
    expect(regimes).toEqual(new Set(["EU", "UK", "CH", null]));
  });
});
