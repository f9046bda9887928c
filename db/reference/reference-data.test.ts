/** The reference data itself: valid against the schemas, sourced, and consistent with regulatory-facts.md. */
import { describe, expect, it } from "vitest";
import { buildKnowledgeBase, flattenKnowledgeBase } from "../../server/domain/kb/knowledge-base";
import { knowledgeBaseEntrySchema, knowledgeBaseSchema } from "../../server/domain/kb/schema";
import { isIsoCountryCode } from "../../server/domain/registry/iso-countries";
import { EEA_STATES, EU_TERRITORIES, referenceKnowledgeBase } from "./index";

const entries = flattenKnowledgeBase(referenceKnowledgeBase);

describe("reference knowledge base", () => {
  it("validates against the knowledge-base schema (unique ids, real dates, ranges in order)", () => {
    const result = knowledgeBaseSchema.safeParse(referenceKnowledgeBase);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("every entry validates as a stored row and cites at least one source", () => {
    for (const entry of entries) {
      expect(knowledgeBaseEntrySchema.safeParse(entry).success, entry.id).toBe(true);
      expect(entry.sources.length, entry.id).toBeGreaterThan(0);
    }
  });

  it("flatten and build round-trip", () => {
    expect(buildKnowledgeBase(entries)).toEqual(referenceKnowledgeBase);
  });

  it("destinations are ISO codes or international organisations", () => {
    for (const a of referenceKnowledgeBase.adequacy) expect(isIsoCountryCode(a.destination) || a.destination.startsWith("org:"), a.id).toBe(true);
    for (const m of referenceKnowledgeBase.area_membership) expect(isIsoCountryCode(m.country), m.id).toBe(true);
  });

  it("EEA has 30 states and the territories; the Swiss list has no JP, KR, BR; the UK list has no BR", () => {
    const states = new Set(EEA_STATES.map(([code]) => code));
    expect(referenceKnowledgeBase.area_membership.filter((m) => m.regime === "EU" && m.membership === "member" && m.to === null && states.has(m.country))).toHaveLength(30);
    // regulatory-facts-2.md: RE, GP, MQ, GF, MF, YT and AX are inside the EU; BL left on 2012-01-01.
    const inside = referenceKnowledgeBase.area_membership.filter((m) => m.regime === "EU" && m.membership === "member" && m.to === null).map((m) => m.country);
    for (const code of ["RE", "GP", "MQ", "GF", "MF", "YT", "AX"]) expect(inside, code).toContain(code);
    expect(EU_TERRITORIES.find((t) => t.code === "BL")?.to).toBe("2011-12-31");
    const ch = new Set(referenceKnowledgeBase.adequacy.filter((a) => a.regime === "CH").map((a) => a.destination));
    for (const code of ["JP", "KR", "BR"]) expect(ch.has(code)).toBe(false);
    expect(ch.has("MC")).toBe(true);
    expect(referenceKnowledgeBase.adequacy.some((a) => a.regime === "UK" && a.destination === "BR")).toBe(false);
  });

  it("marks the facts' UNCONFIRMED items as unconfirmed", () => {
    const unconfirmed = new Set(entries.filter((e) => e.unconfirmed).map((e) => e.id));
    for (const id of ["eu-adequacy-gb-2025-extension", "eu-adequacy-gb-2025-renewal", "uk-adequacy-fo", "eu-adequacy-kr", "framework-safe-harbor-eu"]) {
      expect(unconfirmed.has(id), id).toBe(true);
    }
    // regulatory-facts-2.md confirms these: Canada's Swiss scope, Jersey's and Japan's OJ references, the end of the US-Swiss Safe Harbor.
    for (const id of ["ch-adequacy-ca", "eu-adequacy-je", "eu-adequacy-jp", "framework-safe-harbor-ch", "ch-adequacy-us-safe-harbor"]) {
      expect(unconfirmed.has(id), id).toBe(false);
    }
  });
});
