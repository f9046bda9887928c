/**
 * The pure flag rules (server/domain/flags.ts): the state a flag shows as of a date, the allowed moves, the
 * remedy in plain words, and how long a flag has been raised (read back along the coverage timeline), on the
 * real reference data with dates written here.
 */
import { describe, expect, it } from "vitest";
import { canMoveFlag, effectiveFlagState, flagRaisedSince, flagsOf, suggestRemedy } from "../../server/domain/flags";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { createEvaluationContext } from "../../server/domain/rules/context";
import { createScenarioDocument, type Scenario } from "../../server/domain/rules/testing";
import { referenceKnowledgeBase } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase);

describe("effectiveFlagState", () => {
  it("is open while raised and nobody acted, resolved once no longer raised", () => {
    expect(effectiveFlagState(null, true, "2026-01-01")).toBe("open");
    expect(effectiveFlagState(null, false, "2026-01-01")).toBe("resolved");
    expect(effectiveFlagState({ state: "in_remediation", rereviewDate: null }, false, "2026-01-01")).toBe("resolved");
  });

  it("reopens a resolved flag that is raised again", () => {
    expect(effectiveFlagState({ state: "resolved", rereviewDate: null }, true, "2026-01-01")).toBe("open");
  });

  it("keeps an accepted risk until the day before its re-review date, and reopens it on that date", () => {
    const review = { state: "risk_accepted" as const, rereviewDate: "2026-03-01" };
    expect(effectiveFlagState(review, true, "2026-02-28")).toBe("risk_accepted");
    expect(effectiveFlagState(review, true, "2026-03-01")).toBe("open");
  });

  it("allows open → in remediation → resolved, risk acceptance, and reopening; not open → resolved", () => {
    expect(canMoveFlag("open", "in_remediation")).toBe(true);
    expect(canMoveFlag("in_remediation", "resolved")).toBe(true);
    expect(canMoveFlag("open", "risk_accepted")).toBe(true);
    expect(canMoveFlag("risk_accepted", "open")).toBe(true);
    expect(canMoveFlag("open", "resolved")).toBe(false);
  });
});

describe("suggestRemedy", () => {
  it.each([
    [{ code: "unsafeguarded", regime: "EU", exporterRole: "controller", recipientRole: "processor" }, "Sign the 2021 SCCs, module 2."],
    [{ code: "uncovered_at_start", regime: "EU", exporterRole: "controller", recipientRole: "controller" }, "Sign the 2021 SCCs, module 1."],
    [{ code: "unsafeguarded", regime: "UK", exporterRole: "controller", recipientRole: "processor" }, "Sign the 2021 SCCs, module 2, with the UK Addendum (or the IDTA)."],
    [{ code: "uk_addendum_missing", regime: "UK", exporterRole: "controller", recipientRole: "processor" }, "Attach the UK Addendum to the EU SCCs the transfer relies on."],
    [{ code: "tia_missing", regime: "EU", exporterRole: "controller", recipientRole: "processor" }, "Record a TIA (transfer impact assessment) with its outcome and next review date."],
    [{ code: "certification_scope", regime: "EU", exporterRole: "controller", recipientRole: "processor" }, "Check the DPF List entry of the recipient and record its certification as listed."],
  ] as const)("%j → %s", (input, text) => {
    expect(suggestRemedy(input).text).toBe(text);
  });

  it("opens the SCC form with the module and the UK Addendum for a UK exporter", () => {
    expect(suggestRemedy({ code: "unsafeguarded", regime: "UK", exporterRole: "processor", recipientRole: "processor" }).action).toEqual({
      kind: "safeguard",
      params: { type: "scc", version: "2021/914", module: 3, ukAddendum: true },
    });
  });
});

describe("flagsOf and flagRaisedSince", () => {
  it("turns an unsafeguarded verdict and its warning/error issues into flags, leaving info out", () => {
    const flags = flagsOf({
      status: "unsafeguarded",
      issues: [
        { code: "module_mismatch", severity: "error", message: "" },
        { code: "unconfirmed_source", severity: "info", message: "" },
      ],
    });
    expect([...flags]).toEqual([["unsafeguarded", "error"], ["module_mismatch", "error"]]);
  });

  it("reads back to the day cover was lost: Privacy Shield invalid from 2020-07-16 (Schrems II)", () => {
    const scenario: Scenario = { exporterCountry: "DE", destination: "US", start: "2018-01-01", certifications: [{ framework: "privacy_shield_eu", from: "2016-08-01", to: null }] };
    const { doc, transfer } = createScenarioDocument(scenario);
    const ctx = createEvaluationContext(doc, ckb);
    expect(flagRaisedSince(ctx, transfer, "unsafeguarded", "2021-03-01", "2015-01-01")).toBe("2020-07-16");
    expect(flagRaisedSince(ctx, transfer, "unsafeguarded", "2020-07-15", "2015-01-01")).toBe("2020-07-15"); // not raised: the date itself
  });

  it("stops at the floor when the flag was raised before it", () => {
    const { doc, transfer } = createScenarioDocument({ exporterCountry: "DE", destination: "IN", start: "2012-01-01", tia: null });
    const ctx = createEvaluationContext(doc, ckb);
    expect(flagRaisedSince(ctx, transfer, "unsafeguarded", "2024-06-01", "2015-01-01")).toBe("2015-01-01");
  });
});
