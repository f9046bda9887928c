import { describe, expect, it } from "vitest";
import { buildKnowledgeBase, createEmptyKnowledgeBase, flattenKnowledgeBase } from "./knowledge-base";
import { knowledgeBaseEntrySchema, knowledgeBaseSchema } from "./schema";
import type { AdequacyEntry } from "./types";

const valid: AdequacyEntry = {
  id: "eu-adequacy-xx", kind: "adequacy", regime: "EU", destination: "JP", destinationName: "Japan", scope: "partial",
  scopeCode: "appi", scopeText: "APPI", framework: null, instrument: "Decision", instrumentUri: null, legalBasis: "GDPR Art. 45(3)",
  adopted: "2019-01-23", published: null, effectiveFrom: "2019-01-23", endDate: null, endReason: null, status: "in_force",
  sources: ["https://example.org"],
};

describe("knowledge-base entry schema", () => {
  it("accepts a valid adequacy entry", () => {
    expect(knowledgeBaseEntrySchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["no sources", { sources: [] }],
    ["impossible date", { effectiveFrom: "2019-02-30" }],
    ["end before start", { endDate: "2018-01-01" }],
    ["partial without scope code", { scopeCode: null }],
    ["unknown regime", { regime: "US" }],
    ["unknown kind", { kind: "treaty" }],
    ["bad id", { id: "EU Adequacy" }],
  ])("rejects %s", (_name, patch) => {
    expect(knowledgeBaseEntrySchema.safeParse({ ...valid, ...patch }).success).toBe(false);
  });

  it("rejects duplicate ids across the knowledge base", () => {
    const kb = createEmptyKnowledgeBase();
    kb.adequacy.push(valid, { ...valid });
    expect(knowledgeBaseSchema.safeParse(kb).success).toBe(false);
  });

  it("flattens and rebuilds", () => {
    const kb = createEmptyKnowledgeBase();
    kb.adequacy.push(valid);
    expect(buildKnowledgeBase(flattenKnowledgeBase(kb))).toEqual(kb);
  });
});
