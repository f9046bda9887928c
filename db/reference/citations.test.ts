/**
 * Issue 9 acceptance: a broad registry (every regime, territories, frameworks, instruments, derogation
 * grounds, establishment cases and the new format fields, plus the example documents) evaluated at many dates.
 * Every basis entry must carry an official reference and a link; no reason or issue message may contain an
 * internal code or id, or brackets nested in brackets. And, for the verdict store: a verdict may only change on
 * a date the knowledge base or the transfer announces (`boundaryDates`, `collectTransferBoundaries`, and 91 days
 * before each such date for the 90-day "ending soon" warning), so it reads the same on every other day.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addDays } from "../../server/domain/dates";
import { flattenKnowledgeBase } from "../../server/domain/kb/knowledge-base";
import type { RegistryDocument, RegistryParty, RegistrySafeguard, RegistryTransfer } from "../../server/domain/registry/types";
import { validateRegistryDocument } from "../../server/domain/registry/validate";
import { compileKnowledgeBase } from "../../server/domain/rules/compile-kb";
import { createEvaluationContext } from "../../server/domain/rules/context";
import { collectTransferBoundaries } from "../../server/domain/rules/coverage";
import { transferOwnPoints } from "../../server/domain/rules/validity";
import { evaluateRegistry } from "../../server/domain/rules/evaluate-registry";
import { evaluateTransfer } from "../../server/domain/rules/evaluate-transfer";
import type { IssueCode } from "../../server/domain/rules/types";
import { referenceKnowledgeBase, referenceKnowledgeBaseInfo } from "./index";

const ckb = compileKnowledgeBase(referenceKnowledgeBase, referenceKnowledgeBaseInfo);

const EXPORTERS = ["DE", "FR", "NO", "LI", "PL", "HR", "RE", "YT", "AX", "GI", "GB", "CH", "US", "SJ"];
const DESTINATIONS = ["US", "IN", "JP", "KR", "CA", "BR", "GB", "CH", "IL", "FO", "GI", "DE", "RE", "YT", "BL", "SJ", "MC", "NZ", "AT", "org:EPO"];

/** A broad registry built from the lists above; ids are distinctive so a leak into a reason is easy to spot. */
function createBroadRegistry(): RegistryDocument {
  const parties: RegistryParty[] = [];
  const safeguards: RegistrySafeguard[] = [];
  const transfers: RegistryTransfer[] = [];
  for (const country of EXPORTERS) parties.push({ id: `xp-${country.toLowerCase()}`, name: `Exporter in ${country}`, relationship: "affiliate", country });
  const recipientOf = (destination: string, establishment: string, variant: string): string => {
    const id = `rp-${destination.replace("org:", "o").toLowerCase()}-${establishment.toLowerCase()}-${variant}`;
    if (!parties.some((p) => p.id === id)) {
      const party: RegistryParty = { id, name: `Recipient ${variant} in ${establishment}`, relationship: "service_provider", country: establishment };
      if (variant === "cert") {
        party.certifications = [
          { framework: "safe_harbor_eu", from: "2005-01-01", to: "2016-12-31" },
          { framework: "safe_harbor_ch", from: "2005-01-01", to: "2016-12-31" },
          { framework: "privacy_shield_eu", from: "2016-08-01", to: null },
          { framework: "privacy_shield_ch", from: "2017-04-12", to: null },
          { framework: "dpf_eu", from: "2023-07-17", to: null, coveredData: "non_hr" },
          { framework: "dpf_uk", from: "2023-07-17", to: "2026-06-30" },
          { framework: "dpf_ch", from: "2023-07-17", to: null, coveredData: "both" },
        ];
      }
      parties.push(party);
    }
    return id;
  };
  let n = 0;
  const addSafeguard = (sg: Omit<RegistrySafeguard, "id">): string => {
    const id = `sgid-${String(++n).padStart(4, "0")}`;
    safeguards.push({ ...sg, id } as RegistrySafeguard);
    return id;
  };
  let t = 0;
  let combination = 0;
  for (const exporterCountry of EXPORTERS) {
    const exporter = `xp-${exporterCountry.toLowerCase()}`;
    for (const destination of DESTINATIONS) {
      const establishments = destination.startsWith("org:") ? ["DE"] : [destination, ...(destination === "DE" || destination === "IN" ? ["US"] : [])];
      for (const establishment of establishments) {
        for (const variant of ["plain", "cert"]) {
          const recipient = recipientOf(destination, establishment, variant);
          const sets: (string[] | Partial<RegistryTransfer>)[][] = [
            [[]],
            [[addSafeguard({ type: "scc", version: "2010/87", parties: [exporter, recipient], signed: "2012-03-01", ended: null } as never)]],
            [[addSafeguard({ type: "scc", version: "2002/16", parties: [exporter, recipient], signed: "2004-03-01", ended: null } as never)]],
            [[addSafeguard({ type: "scc", version: "2021/914", modules: [2], parties: [exporter, recipient], signed: "2021-10-01", ended: "2026-12-31", ukAddendum: true, swissAdaptations: true } as never)], { tia: { completed: "2022-01-10", nextReview: "2024-01-10", outcome: "proceed_with_measures" } }],
            [[addSafeguard({ type: "scc", version: "2021/914", modules: [2], parties: [exporter, recipient], signed: "2021-10-01", ended: null } as never)], { tia: { completed: "2023-05-01", nextReview: null, outcome: "suspend" } }],
            [[addSafeguard({ type: "uk_idta", parties: [exporter, recipient], signed: "2022-04-01", ended: null } as never)]],
            [[addSafeguard({ type: "bcr", variant: "controller", approved: "2015-01-01", ended: null, members: [exporter, recipient], approvals: [{ regime: "EU", authority: "CNIL", approved: "2015-01-01" }, { regime: "UK", authority: "ICO", approved: "2022-06-01" }] } as never)]],
            [[addSafeguard({ type: "code_of_conduct", approved: "2017-01-01", ended: null, reference: "Cloud code 2017" } as never)]],
            [[addSafeguard({ type: "ad_hoc_clauses", approved: "2016-01-01", ended: null, reference: "SA authorisation 12/2016" } as never)]],
            ...(["49(1)(a)", "49(1)(b)", "49(1)-2", "17(1)(e)", "17(1)(f)"] as const).map((basis) => [[addSafeguard({ type: "derogation", basis } as never)]]),
            [[], { hrData: true }],
            [[], { adequacyScope: "out" }],
            [[], { adequacyScope: "in", hrData: false }],
          ];
          // Each combination gets three of the cases, rotating, so every case meets every exporter and destination.
          const offset = combination++ % sets.length;
          const chosen = [0, 1, 2].map((k) => sets[(offset + k * 6) % sets.length]!);
          for (const [ids, extra] of chosen as [string[], Partial<RegistryTransfer> | undefined][]) {
            transfers.push({
              id: `trid-${String(++t).padStart(5, "0")}`, exporter, recipient, destination, exporterRole: "controller", recipientRole: "processor",
              start: "1995-01-01", end: null, frequency: t % 2 === 0 ? "continuous" : "occasional", safeguards: ids, ...(extra ?? {}),
            });
          }
        }
      }
    }
  }
  return { format: "transfer-registry/v1", parties, safeguards, transfers };
}

const broad = createBroadRegistry();
const examples = readdirSync(new URL("../examples/", import.meta.url))
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(new URL(`../examples/${f}`, import.meta.url), "utf8")) as RegistryDocument);
const documents = [broad, ...examples];

/** Every knowledge-base fact boundary and the day before it, plus one day a year. */
const DATES = [...new Set([...ckb.boundaryDates.flatMap((d) => [addDays(d, -1), d]), ...Array.from({ length: 35 }, (_, i) => `${1995 + i}-06-15`)])]
  .filter((d) => d >= "1994-01-01" && d <= "2032-12-31")
  .sort();

// Internal codes: knowledge-base ids, basis refs and the registry's own ids, codes in snake_case, scope codes.
const kbIds = flattenKnowledgeBase(referenceKnowledgeBase).map((e) => e.id).filter((id) => id.includes("-"));
const registryIds = [...broad.safeguards!.map((s) => s.id), ...broad.transfers.map((t) => t.id), ...broad.parties.map((p) => p.id)];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ID_PATTERN = new RegExp(`(?<![\\w-])(${[...kbIds, ...registryIds, "outside-regimes"].map(escape).join("|")})(?![\\w-])`);
const CODE_PATTERN = /\b[a-z]+_[a-z0-9_]+\b|\b(appi|pipa|pipeda|lgpd)\b|partial: |49\(1\)-2/;

/** Brackets nested in brackets, once article numbers (45(3), 49(1)(a), C(2023)) and "(EU)"/"(EC)" are set aside. */
function nestedBrackets(text: string): boolean {
  const plain = text.replace(/(?<=[A-Za-z0-9)])\([0-9a-z]{1,4}\)/g, "").replace(/\((EU|EC)\)/g, "");
  let depth = 0;
  for (const c of plain) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
    if (depth > 1) return true;
  }
  return false;
}

describe("broad registry at many dates (issue 9 acceptance)", () => {
  it("the broad registry and every example validate", () => {
    for (const doc of documents) expect(validateRegistryDocument(doc).ok).toBe(true);
    expect(broad.transfers.length).toBeGreaterThan(1000);
    expect(DATES.length).toBeGreaterThan(120);
  });

  it("every basis entry has an official reference and a link; reasons and messages are free of internal codes", () => {
    const problems = new Set<string>();
    const seenBasisTypes = new Set<string>();
    const seenIssues = new Set<string>();
    let verdicts = 0;
    for (const asOf of DATES) {
      for (const doc of documents) {
        const result = evaluateRegistry(doc, ckb, asOf);
        expect(result.knowledgeBase.version).toBe(referenceKnowledgeBaseInfo.version);
        for (const v of result.verdicts) {
          verdicts++;
          if (v.status !== "inactive" && v.basis.length === 0) problems.add(`${v.status} without basis on ${asOf}: ${v.reasons.join(" ")}`);
          for (const b of v.basis) {
            seenBasisTypes.add(b.type);
            if (typeof b.citation !== "string" || b.citation.length < 8) problems.add(`basis ${b.type}/${b.ref} has no citation`);
            if (typeof b.uri !== "string" || !/^https?:\/\//.test(b.uri)) problems.add(`basis ${b.type}/${b.ref} has no uri`);
          }
          const texts = [...v.reasons, ...v.issues.map((i) => i.message)];
          for (const i of v.issues) seenIssues.add(i.code);
          for (const text of texts) {
            const id = ID_PATTERN.exec(text);
            if (id) problems.add(`id "${id[0]}" in: ${text}`);
            const code = CODE_PATTERN.exec(text);
            if (code) problems.add(`code "${code[0]}" in: ${text}`);
            if (nestedBrackets(text)) problems.add(`nested brackets in: ${text}`);
          }
        }
      }
    }
    expect([...problems].slice(0, 20)).toEqual([]);
    expect(verdicts).toBeGreaterThan(150_000);
    // The registry is broad: every kind of basis and the issues of every point of issue 9 occur.
    expect([...seenBasisTypes].sort()).toEqual(["ad_hoc_clauses", "adequacy", "area", "bcr", "bridge", "certification", "code_of_conduct", "derogation", "law", "scc", "scope", "uk_idta"]);
    const expected: IssueCode[] = [
      "tia_missing", "tia_overdue", "tia_suspend", "tia_measures_missing", "derogation_for_continuous", "derogation_not_available",
      "safeguard_ending_soon", "certification_only", "certification_scope", "invalidated_framework", "bcr_approval_missing",
      "instrument_not_yet_applicable", "safeguard_expired", "adequacy_scope_condition", "territory_undetermined", "unconfirmed_source",
    ];
    expect(expected.filter((c) => !seenIssues.has(c))).toEqual([]);
  }, 120_000);
});

describe("verdicts change only on announced dates (the verdict store's intervals)", () => {
  const FROM = "2014-01-01";
  const TO = "2028-12-31";
  // Every 3rd transfer of the broad registry keeps the test quick while covering each kind of case.
  const sample = broad.transfers.filter((_, i) => i % 3 === 0);
  const ctx = createEvaluationContext(broad, ckb);

  it("a verdict reads the same on the first, a middle and the last day between announced dates", () => {
    const mismatches: string[] = [];
    for (const transfer of sample) {
      const announced = new Set<string>();
      for (const d of [...ckb.boundaryDates, ...collectTransferBoundaries(ctx, transfer)]) {
        announced.add(d);
        announced.add(addDays(d, -91)); // "ending soon" starts 90 days before the last day, i.e. 91 before the day after.
      }
      for (const d of transferOwnPoints(transfer)) announced.add(d); // "uncovered at start" becomes an error 30 days before.
      const cuts = [...announced].filter((d) => d > FROM && d <= TO).sort();
      let start = FROM;
      for (const next of [...cuts, addDays(TO, 1)]) {
        const end = addDays(next, -1);
        if (end >= start) {
          const first = evaluateTransfer(ctx, transfer, start);
          const days = [end, start < end ? addDays(start, Math.floor((Date.parse(end) - Date.parse(start)) / 172_800_000)) : start];
          for (const day of days) {
            const other = evaluateTransfer(ctx, transfer, day);
            if (JSON.stringify(other) !== JSON.stringify(first)) mismatches.push(`${transfer.id} ${start} vs ${day}: ${JSON.stringify(first)} / ${JSON.stringify(other)}`);
          }
        }
        start = next;
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 120_000);
});
