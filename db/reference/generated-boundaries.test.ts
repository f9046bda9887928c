/**
 * Boundary cases generated from the reference data itself: for every dated entry, the day before it starts
 * and the day it starts, the day it ends and the day after. The expectation is derived from the entry (it
 * must be the basis on its first and last day, and must not be the basis outside), so adding an adequacy
 * decision or a window automatically adds its boundary tests.
 */
import { describe, expect, it } from "vitest";
import { addDays } from "../../server/domain/dates";
import type { FrameworkId, RegimeId } from "../../server/domain/kb/types";
import type { RegistryCertification } from "../../server/domain/registry/types";
import { compileKnowledgeBase, OPEN_END, OPEN_START } from "../../server/domain/rules/compile-kb";
import { evaluateScenario, type Scenario } from "../../server/domain/rules/testing";
import { referenceKnowledgeBase } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase);
const EXPORTER: Record<RegimeId, string> = { EU: "DE", UK: "GB", CH: "CH" };

interface GeneratedCase {
  name: string;
  scenario: Scenario;
  asOf: string;
  /** The entry (or safeguard) must / must not be among the verdict's basis refs. */
  ref: string;
  applies: boolean;
}

function certificationsFor(framework: FrameworkId | null): RegistryCertification[] | undefined {
  if (framework === null) return undefined;
  const required = ckb.frameworks.get(framework)?.entry.requires;
  return [framework, ...(required ? [required] : [])].map((f) => ({ framework: f, from: "1990-01-01", to: null }));
}

const cases: GeneratedCase[] = [];

for (const regime of ["EU", "UK", "CH"] as const) {
  for (const decisions of ckb.adequacy[regime].values()) {
    for (const d of decisions) {
      const scenario: Scenario = { exporterCountry: EXPORTER[regime], destination: d.entry.destination, certifications: certificationsFor(d.entry.framework) };
      const label = `${d.entry.id} (${d.entry.instrument})`;
      if (d.from !== OPEN_START) {
        cases.push({ name: `${label} applies from ${d.from}`, scenario, asOf: d.from, ref: d.entry.id, applies: true });
        cases.push({ name: `${label} not before ${d.from}`, scenario, asOf: addDays(d.from, -1), ref: d.entry.id, applies: false });
      }
      if (d.to !== OPEN_END) {
        cases.push({ name: `${label} applies until ${d.to}`, scenario, asOf: d.to, ref: d.entry.id, applies: true });
        cases.push({ name: `${label} not after ${d.to}`, scenario, asOf: addDays(d.to, 1), ref: d.entry.id, applies: false });
      }
    }
  }
}

for (const m of referenceKnowledgeBase.area_membership) {
  if (m.membership === "undetermined") continue;
  // Memberships reach back to 1994: the transfer must already run then.
  const scenario: Scenario = { exporterCountry: EXPORTER[m.regime], destination: m.country, start: "1990-01-01" };
  if (m.from !== null) {
    cases.push({ name: `${m.id} (${m.membership}) from ${m.from}`, scenario, asOf: m.from, ref: m.id, applies: true });
    cases.push({ name: `${m.id} (${m.membership}) not before ${m.from}`, scenario, asOf: addDays(m.from, -1), ref: m.id, applies: false });
  }
  if (m.to !== null) {
    cases.push({ name: `${m.id} (${m.membership}) until ${m.to}`, scenario, asOf: m.to, ref: m.id, applies: true });
    cases.push({ name: `${m.id} (${m.membership}) not after ${m.to}`, scenario, asOf: addDays(m.to, 1), ref: m.id, applies: false });
  }
}

for (const instrument of referenceKnowledgeBase.instrument) {
  if (instrument.instrumentType !== "scc" && instrument.instrumentType !== "uk_idta") continue;
  const roles = instrument.modules?.[0];
  for (const w of instrument.windows) {
    const flags = { ukAddendum: w.requires === "uk_addendum", swissAdaptations: w.requires === "swiss_adaptations" };
    const scenarioSignedOn = (signed: string): Scenario => ({
      exporterCountry: EXPORTER[w.regime], destination: "IN",
      exporterRole: roles?.exporterRole ?? "controller", recipientRole: roles?.recipientRole ?? "processor",
      safeguards: [
        instrument.instrumentType === "uk_idta"
          ? { type: "uk_idta", signed, ended: null }
          : { type: "scc", version: instrument.version as "2021/914", ...(roles?.module ? { modules: [roles.module] } : {}), signed, ended: null, ...flags },
      ],
    });
    const label = `${instrument.title} under ${w.regime}`;
    if (w.usableFrom !== null) {
      const early = scenarioSignedOn(addDays(w.usableFrom, -30));
      cases.push({ name: `${label}: usable from ${w.usableFrom}`, scenario: early, asOf: w.usableFrom, ref: "sg-1", applies: true });
      cases.push({ name: `${label}: not usable on ${addDays(w.usableFrom, -1)}`, scenario: early, asOf: addDays(w.usableFrom, -1), ref: "sg-1", applies: false });
    }
    if (w.lastSignDate !== null) {
      cases.push({ name: `${label}: signed on the last day ${w.lastSignDate}`, scenario: scenarioSignedOn(w.lastSignDate), asOf: addDays(w.lastSignDate, 1), ref: "sg-1", applies: true });
      cases.push({ name: `${label}: signed the day after ${w.lastSignDate}`, scenario: scenarioSignedOn(addDays(w.lastSignDate, 1)), asOf: addDays(w.lastSignDate, 1), ref: "sg-1", applies: false });
    }
    if (w.validUntil !== null) {
      const signed = scenarioSignedOn(w.usableFrom ?? "2020-01-01");
      cases.push({ name: `${label}: valid until ${w.validUntil}`, scenario: signed, asOf: w.validUntil, ref: "sg-1", applies: true });
      cases.push({ name: `${label}: not valid after ${w.validUntil}`, scenario: signed, asOf: addDays(w.validUntil, 1), ref: "sg-1", applies: false });
    }
  }
}

describe("generated knowledge-base boundaries", () => {
  it.each(cases)("$name ($asOf)", (c) => {
    const refs = evaluateScenario(ckb, c.scenario, c.asOf).basis.map((b) => b.ref);
    if (c.applies) expect(refs).toContain(c.ref);
    else expect(refs).not.toContain(c.ref);
  });

  it("generates boundary cases for all three regimes", () => {
    expect(cases.length).toBeGreaterThan(100);
    for (const regime of ["EU", "UK", "CH"]) expect(cases.some((c) => c.scenario.exporterCountry === EXPORTER[regime as RegimeId])).toBe(true);
  });
});
