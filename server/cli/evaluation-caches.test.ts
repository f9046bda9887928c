/**
 * The evaluator's caches must not change a single verdict: the per-document ones (shared verdict parts per decision
 * and recipient, per exporter outside the regimes, the "no adequacy decision" sentences) and the sentences the
 * compiled knowledge base builds once (SCC reasons per module, era and signing date; "certified since" per date).
 * Evaluating a whole registry at once (evaluateRegistry, what the CLI and the app's full passes do) equals
 * evaluating each transfer in a context of its own, against a knowledge base compiled afresh for that pass and in
 * the reverse order, so a sentence cached under too coarse a key would come from a different transfer.
 */
import { describe, expect, it } from "vitest";
import { addDays } from "../domain/dates";
import { validateRegistryDocument } from "../domain/registry/validate";
import { referenceKnowledgeBase, referenceKnowledgeBaseInfo } from "../../db/reference/index";
import { compileKnowledgeBase } from "../domain/rules/compile-kb";
import { createEvaluationContext } from "../domain/rules/context";
import { evaluateRegistry } from "../domain/rules/evaluate-registry";
import { evaluateTransfer } from "../domain/rules/evaluate-transfer";
import { generateRegistry } from "../scripts/generate-registry";
import { getReferenceKnowledgeBase } from "./check";

// Dates on both sides of the boundaries the generated safeguards and decisions straddle (the 2021/914 transition,
// the Privacy Shield's end, the DPF's start), and today and later.
const DATES = ["2019-06-30", "2020-07-16", "2021-12-01", "2023-07-10", "2023-07-11", "2026-12-01", "2031-01-01"];

describe("evaluation caches", () => {
  for (const seed of [7, 20261201]) {
    it(`a whole registry evaluated at once equals each transfer evaluated alone (seed ${seed})`, () => {
      const generated = generateRegistry({ transfers: 1200, parties: 240, seed });
      // The generator certifies every recipient from the same day; spread the days (and end some), so that verdicts
      // that name a recipient's certification differ between recipients and a cache keyed too coarsely shows.
      generated.parties.forEach((party, i) => {
        for (const cert of party.certifications ?? []) {
          if (cert.framework.startsWith("dpf_")) cert.from = addDays(cert.from, i % 37);
          if (cert.framework === "dpf_eu" && i % 11 === 0) cert.to = "2026-03-31";
        }
      });
      const parsed = validateRegistryDocument(JSON.parse(JSON.stringify(generated)));
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
      const doc = parsed.document;
      const ckb = getReferenceKnowledgeBase();
      let compared = 0;
      const statuses = new Set<string>();
      for (const asOf of DATES) {
        const together = evaluateRegistry(doc, ckb, asOf, undefined, parsed.index).verdicts;
        const fresh = compileKnowledgeBase(referenceKnowledgeBase, referenceKnowledgeBaseInfo);
        for (let i = doc.transfers.length - 1; i >= 0; i--) {
          const transfer = doc.transfers[i]!;
          // A context of its own: the id maps are shared (read-only), every cache is new.
          const alone = evaluateTransfer(createEvaluationContext(doc, fresh, parsed.index), transfer, asOf);
          expect(together[i], `${transfer.id} on ${asOf}`).toEqual(alone);
          statuses.add(alone.status);
          compared++;
        }
      }
      expect(compared).toBe(DATES.length * 1200);
      // The registry exercises every outcome, so the cached paths are all compared.
      expect([...statuses].sort()).toEqual(["adequate", "derogation", "inactive", "not_restricted", "safeguarded", "unsafeguarded"]);
    });
  }
});
