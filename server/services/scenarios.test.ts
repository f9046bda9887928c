import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertCertification, insertSafeguard, insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { applyChangesToKnowledgeBase, applyChangesToRegistry } from "@/server/domain/scenarios";
import { scenarioFieldsSchema } from "@/server/schemas/scenario";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readRegistryDocument } from "./registry-document";
import { createScenario, deleteScenario, runScenario } from "./scenarios";
import { dataRevision } from "./verdict-store";

/**
 * Issue 10, item 6: a what-if "EU-US DPF invalid from 2027-01-01" lists exactly the transfers that rely on the DPF
 * alone for their adequacy (Decision (EU) 2023/1795 covers only DPF-certified recipients), shows which of them
 * already have SCCs to fall back on (GDPR Art. 46(2)(c)), and changes no real verdict.
 */
describe("what-if scenarios", () => {
  let db: Db;
  let ids: { dpfOnly: string; dpfWithScc: string; sccOnly: string; japan: string; scc: string; dpfRecipient: string };

  beforeEach(() => {
    db = createTestDb();
    const exporter = insertAffiliate(db, "DE");
    // 1. A US processor certified under the EU-US DPF, nothing else: adequate today, nothing left without the DPF.
    const dpfOnly = insertParty(db, { name: "Only DPF Inc.", country: "US", processingLocations: ["US"] });
    insertCertification(db, dpfOnly.id, { framework: "dpf_eu", from: "2023-07-17" });
    // 2. A US processor certified under the DPF and with 2021/914 SCCs (module 2, controller → processor).
    const both = insertParty(db, { name: "DPF and SCC Inc.", country: "US", processingLocations: ["US"] });
    insertCertification(db, both.id, { framework: "dpf_eu", from: "2023-07-17" });
    const scc = insertSafeguard(db, { title: "SCCs with DPF and SCC Inc.", sccVersion: "2021/914", modules: [2], signed: "2023-01-10", partyIds: [exporter.id, both.id] });
    // 3. A US processor with SCCs only: not affected.
    const sccOnly = insertParty(db, { name: "SCC Only Inc.", country: "US", processingLocations: ["US"] });
    const scc3 = insertSafeguard(db, { title: "SCCs with SCC Only Inc.", sccVersion: "2021/914", modules: [2], signed: "2023-01-10", partyIds: [exporter.id, sccOnly.id] });
    // 4. A Japanese processor (adequacy for Japan): not affected.
    const japan = insertParty(db, { name: "Nippon KK", country: "JP", processingLocations: ["JP"] });

    const t1 = insertTransfer(db, { exporterId: exporter.id, recipientId: dpfOnly.id, destination: "US", start: "2024-01-01" });
    const t2 = insertTransfer(db, { exporterId: exporter.id, recipientId: both.id, destination: "US", start: "2024-01-01", safeguardIds: [scc.id] });
    const t3 = insertTransfer(db, { exporterId: exporter.id, recipientId: sccOnly.id, destination: "US", start: "2024-01-01", safeguardIds: [scc3.id] });
    const t4 = insertTransfer(db, { exporterId: exporter.id, recipientId: japan.id, destination: "JP", start: "2024-01-01" });
    ids = { dpfOnly: t1.id, dpfWithScc: t2.id, sccOnly: t3.id, japan: t4.id, scc: scc.id, dpfRecipient: dpfOnly.id };
  });

  const dpfInvalid = (entryId: string) =>
    createScenario(
      db,
      SYSTEM_ACTOR,
      scenarioFieldsSchema.parse({ name: `EU-US DPF invalid from 2027-01-01 (${entryId})`, asOf: "2027-03-01", changes: [{ kind: "kb_entry_ends", entryId, invalidFrom: "2027-01-01" }] }),
    );

  const storeSnapshot = () => ({
    verdicts: db.$client.prepare("SELECT * FROM transfer_verdict ORDER BY transfer_id").all(),
    issues: db.$client.prepare("SELECT * FROM transfer_verdict_issue ORDER BY transfer_id, code").all(),
    kb: db.$client.prepare("SELECT id, version, data FROM kb_entry ORDER BY id").all(),
    revision: dataRevision(db),
  });

  it("'EU-US DPF invalid from 2027-01-01' lists exactly the DPF-only US transfers and which have fallback SCCs", () => {
    const scenario = dpfInvalid("eu-adequacy-us-dpf");
    const run = runScenario(db, { id: scenario.id });
    expect(run.asOf).toBe("2027-03-01");
    expect(run.items.map((i) => i.id)).toEqual([ids.dpfOnly, ids.dpfWithScc]);
    const [only, withScc] = run.items;
    expect(only).toMatchObject({ before: "adequate", after: "unsafeguarded", needsAction: true, fallback: [] });
    expect(withScc).toMatchObject({ before: "adequate", after: "safeguarded", needsAction: false, fallback: [{ ref: ids.scc, type: "scc", title: "SCCs with DPF and SCC Inc." }] });
    expect(run).toMatchObject({ changed: 2, needsAction: 1, withFallback: 1 });
    // Only the transfers the change can touch were evaluated: the two whose recipient is DPF-certified (the decision
    // covers nobody else), not the one on SCCs alone, nor the one to Japan.
    expect(run.evaluated).toBe(2);
    // Compared with today: both are adequate today (the DPF stands).
    expect(only!.today).toBe("adequate");
    // Filters.
    expect(runScenario(db, { id: scenario.id, filter: "needs_action" }).items.map((i) => i.id)).toEqual([ids.dpfOnly]);
    expect(runScenario(db, { id: scenario.id, filter: "has_fallback" }).items.map((i) => i.id)).toEqual([ids.dpfWithScc]);
  });

  it("ending the framework entry instead of the decision gives the same transfers; before 2027 nothing changes", () => {
    const scenario = dpfInvalid("framework-dpf-eu");
    expect(runScenario(db, { id: scenario.id }).items.map((i) => i.id)).toEqual([ids.dpfOnly, ids.dpfWithScc]);
    expect(runScenario(db, { id: scenario.id, asOf: "2026-12-31" }).items).toEqual([]);
  });

  it("never changes real data: verdicts, their issues, the knowledge base and the data revision are the same afterwards", () => {
    const before = storeSnapshot();
    const scenario = dpfInvalid("eu-adequacy-us-dpf");
    // Saving a scenario is not a registry write: the data revision does not move.
    expect(dataRevision(db)).toBe(before.revision);
    runScenario(db, { id: scenario.id });
    runScenario(db, { id: scenario.id, asOf: "2028-01-01" });
    const after = storeSnapshot();
    expect(after).toEqual(before);
    const stored = db.$client.prepare("SELECT status FROM transfer_verdict WHERE transfer_id = ?").get(ids.dpfOnly) as { status: string };
    expect(stored.status).toBe("adequate");
    deleteScenario(db, SYSTEM_ACTOR, { id: scenario.id, version: scenario.version });
    expect(storeSnapshot()).toEqual(before);
  });

  it("a recipient's certification lapsing affects only that recipient's transfers", () => {
    const scenario = createScenario(
      db,
      SYSTEM_ACTOR,
      scenarioFieldsSchema.parse({ name: "Only DPF Inc. lapses", asOf: "2027-03-01", changes: [{ kind: "certification_lapses", partyId: ids.dpfRecipient, framework: "dpf_eu", invalidFrom: "2027-02-01" }] }),
    );
    const run = runScenario(db, { id: scenario.id });
    expect(run.evaluated).toBe(1);
    expect(run.items.map((i) => ({ id: i.id, after: i.after }))).toEqual([{ id: ids.dpfOnly, after: "unsafeguarded" }]);
  });

  it("refuses a change about an entry, party or safeguard that does not exist, and a duplicate name, saving nothing", () => {
    const fields = (changes: unknown[], name = "Bad") => scenarioFieldsSchema.parse({ name, asOf: "2027-03-01", changes });
    expect(() => createScenario(db, SYSTEM_ACTOR, fields([{ kind: "kb_entry_ends", entryId: "no-such-entry", invalidFrom: "2027-01-01" }]))).toThrow(/no adequacy decision/);
    expect(() => createScenario(db, SYSTEM_ACTOR, fields([{ kind: "certification_lapses", partyId: "nobody", invalidFrom: "2027-01-01" }]))).toThrow(/no party "nobody"/);
    expect(() => createScenario(db, SYSTEM_ACTOR, fields([{ kind: "safeguard_ends", safeguardId: "nothing", invalidFrom: "2027-01-01" }]))).toThrow(/no safeguard "nothing"/);
    expect(db.$client.prepare("SELECT count(*) AS n FROM scenario").get()).toEqual({ n: 0 });
    dpfInvalid("eu-adequacy-us-dpf");
    expect(() => createScenario(db, SYSTEM_ACTOR, fields([{ kind: "new_adequacy", regime: "EU", country: "IN", from: "2027-06-01" }], "EU-US DPF invalid from 2027-01-01 (eu-adequacy-us-dpf)"))).toThrow(/already exists/);
    expect(() => scenarioFieldsSchema.parse({ name: "x", asOf: "2027-02-30", changes: [] })).toThrow();
  });

  it("the pure functions return copies: the knowledge base and the registry document they are given are unchanged", () => {
    const kb = getCompiledKnowledgeBase(db).kb;
    const doc = readRegistryDocument(db);
    const kbText = JSON.stringify(kb);
    const docText = JSON.stringify(doc);
    const changes = [
      { kind: "kb_entry_ends" as const, entryId: "eu-adequacy-us-dpf", invalidFrom: "2027-01-01" },
      { kind: "new_adequacy" as const, regime: "EU" as const, country: "IN", countryName: "India", from: "2027-06-01" },
      { kind: "certification_lapses" as const, partyId: ids.dpfRecipient, framework: null, invalidFrom: "2027-01-01" },
      { kind: "safeguard_ends" as const, safeguardId: ids.scc, invalidFrom: "2027-01-01" },
    ];
    const applied = applyChangesToKnowledgeBase(kb, changes);
    expect(applied.problems).toEqual([]);
    expect(applied.kb.adequacy.find((e) => e.id === "eu-adequacy-us-dpf")?.endDate).toBe("2026-12-31");
    expect(applied.kb.adequacy.some((e) => e.destination === "IN" && e.effectiveFrom === "2027-06-01")).toBe(true);
    const changed = applyChangesToRegistry(doc, changes);
    expect(changed.parties.find((p) => p.id === ids.dpfRecipient)?.certifications?.[0]?.to).toBe("2026-12-31");
    expect(changed.safeguards?.find((s) => s.id === ids.scc)).toMatchObject({ ended: "2026-12-31" });
    expect(JSON.stringify(kb)).toBe(kbText);
    expect(JSON.stringify(doc)).toBe(docText);
  });
});
