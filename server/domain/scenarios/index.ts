/**
 * What-if scenarios (issue 10, item 6), as pure functions: a scenario is a named list of hypothetical changes to
 * the knowledge base or the registry, evaluated as of one date. Applying it never touches real data: every
 * function here returns a copy (the entries and parties it changes are copied; the rest is shared, read-only).
 *
 * - {@link applyChangesToKnowledgeBase}: ends a knowledge-base entry's validity, or adds an adequacy decision.
 * - {@link applyChangesToRegistry}: a recipient's certification lapses, a safeguard ends.
 * - {@link scenarioScope}: which transfers a change can affect at all (the service turns it into SQL, so a run
 *   over 100,000 transfers evaluates only those).
 * - {@link compareOutcome}: before → after for one transfer, with the fallback it already has and whether it needs
 *   action.
 *
 * No database, no clock: the date is a parameter.
 */
import { addDays } from "../dates";
import type { AdequacyEntry, FrameworkId, KbEntry, KnowledgeBase, RegimeId } from "../kb/types";
import type { RegistryDocument, RegistryParty, RegistrySafeguard } from "../registry/types";
import { STATUS_RANK, type Status, type Verdict } from "../rules/types";

/** The kinds of knowledge-base entry whose validity a scenario can end. */
export const ENDABLE_KB_KINDS = ["adequacy", "framework", "area_membership", "instrument"] as const;

export type ScenarioChange =
  /** A knowledge-base entry (an adequacy decision, a US framework, an area membership, a transfer tool) no longer applies from `invalidFrom`. */
  | { kind: "kb_entry_ends"; entryId: string; invalidFrom: string }
  /** A new adequacy decision of `regime` for `country` (the whole country), applying from `from`. */
  | { kind: "new_adequacy"; regime: RegimeId; country: string; countryName: string; from: string }
  /** The party's certifications (under `framework`, or all of them when null) no longer apply from `invalidFrom`. */
  | { kind: "certification_lapses"; partyId: string; framework: FrameworkId | null; invalidFrom: string }
  /** The safeguard no longer applies from `invalidFrom` (it ends the day before). */
  | { kind: "safeguard_ends"; safeguardId: string; invalidFrom: string };

export type ScenarioChangeKind = ScenarioChange["kind"];
export const SCENARIO_CHANGE_KINDS = ["kb_entry_ends", "new_adequacy", "certification_lapses", "safeguard_ends"] as const satisfies readonly ScenarioChangeKind[];

/** The most changes one scenario holds. */
export const MAX_SCENARIO_CHANGES = 20;

/** The citation a hypothetical adequacy decision rests on, per regime. */
const ADEQUACY_BASIS: Record<RegimeId, string> = { EU: "GDPR Art. 45(3)", UK: "UK GDPR Art. 45", CH: "FADP Art. 16(1)" };

/** A problem with a change (an entry that does not exist, a kind whose validity cannot end). */
export interface ScenarioProblem {
  index: number;
  message: string;
}

const earlier = (a: string | null | undefined, b: string): string => (a != null && a <= b ? a : b);

/** `entry` with its validity ended on `lastDay` (inclusive), or null when it would not apply on any day. */
function endEntry(entry: KbEntry, lastDay: string): KbEntry | null {
  switch (entry.kind) {
    case "adequacy": {
      const start = entry.effectiveFrom ?? entry.adopted;
      if (start !== null && start > lastDay) return null;
      if (entry.endDate !== null && entry.endDate <= lastDay) return entry;
      return { ...entry, endDate: lastDay, endReason: "invalidated" };
    }
    case "framework":
    case "area_membership": {
      if (entry.from !== null && entry.from > lastDay) return null;
      if (entry.to !== null && entry.to <= lastDay) return entry;
      return { ...entry, to: lastDay };
    }
    case "instrument":
      return {
        ...entry,
        windows: entry.windows.map((w) => ({ ...w, validUntil: earlier(w.validUntil, lastDay), lastSignDate: earlier(w.lastSignDate, lastDay) })),
      };
    default:
      return entry;
  }
}

/**
 * The knowledge base with the scenario's knowledge-base changes applied (a new object; `kb` is not changed).
 * Changes to the registry are skipped here. Problems name the change by its index.
 */
export function applyChangesToKnowledgeBase(kb: KnowledgeBase, changes: readonly ScenarioChange[]): { kb: KnowledgeBase; problems: ScenarioProblem[] } {
  const out: KnowledgeBase = {
    regime: kb.regime,
    area_membership: [...kb.area_membership],
    adequacy: [...kb.adequacy],
    framework: [...kb.framework],
    instrument: [...kb.instrument],
    derogation: kb.derogation,
  };
  const problems: ScenarioProblem[] = [];
  changes.forEach((change, index) => {
    if (change.kind === "kb_entry_ends") {
      const lastDay = addDays(change.invalidFrom, -1);
      let found = false;
      for (const kind of ENDABLE_KB_KINDS) {
        const list = out[kind] as KbEntry[];
        const at = list.findIndex((e) => e.id === change.entryId);
        if (at < 0) continue;
        found = true;
        const ended = endEntry(list[at]!, lastDay);
        if (ended === null) list.splice(at, 1);
        else list[at] = ended;
      }
      if (!found) problems.push({ index, message: `There is no adequacy decision, framework, area membership or transfer tool "${change.entryId}" in the knowledge base.` });
    } else if (change.kind === "new_adequacy") {
      const entry: AdequacyEntry = {
        id: `what-if-adequacy-${change.regime.toLowerCase()}-${change.country.toLowerCase()}-${index}`,
        kind: "adequacy",
        sources: [],
        regime: change.regime,
        destination: change.country,
        destinationName: change.countryName,
        scope: "full",
        scopeCode: null,
        scopeText: "the whole country (hypothetical decision of a what-if scenario)",
        framework: null,
        instrument: `A hypothetical adequacy decision for ${change.countryName} (what-if scenario)`,
        instrumentUri: null,
        legalBasis: ADEQUACY_BASIS[change.regime],
        adopted: change.from,
        published: change.from,
        effectiveFrom: change.from,
        endDate: null,
        endReason: null,
        status: "in_force",
      };
      out.adequacy.push(entry);
    }
  });
  return { kb: out, problems };
}

/**
 * The registry document with the scenario's registry changes applied (a new object; `doc` is not changed).
 * A party or safeguard the document does not hold is left alone (a slice holds only what its transfers use).
 */
export function applyChangesToRegistry(doc: RegistryDocument, changes: readonly ScenarioChange[]): RegistryDocument {
  const lapses = changes.filter((c) => c.kind === "certification_lapses");
  const ends = changes.filter((c) => c.kind === "safeguard_ends");
  if (lapses.length === 0 && ends.length === 0) return doc;
  const parties = lapses.length
    ? doc.parties.map((p): RegistryParty => {
        const mine = lapses.filter((c) => c.partyId === p.id);
        if (mine.length === 0 || !p.certifications) return p;
        return {
          ...p,
          certifications: p.certifications.flatMap((cert) => {
            let to = cert.to ?? null;
            for (const c of mine) if (c.framework === null || c.framework === cert.framework) to = earlier(to, addDays(c.invalidFrom, -1));
            if (to !== null && to < cert.from) return [];
            return [to === (cert.to ?? null) ? cert : { ...cert, to }];
          }),
        };
      })
    : doc.parties;
  const safeguards = ends.length
    ? (doc.safeguards ?? []).map((s): RegistrySafeguard => {
        const mine = ends.filter((c) => c.safeguardId === s.id);
        if (mine.length === 0) return s;
        const lastDay = mine.map((c) => addDays(c.invalidFrom, -1)).sort()[0]!;
        if (s.type === "derogation") return s;
        return { ...s, ended: earlier(s.ended ?? null, lastDay) } as RegistrySafeguard;
      })
    : doc.safeguards;
  return { ...doc, parties, safeguards };
}

/** Which transfers a scenario can affect: the union of these selections. */
export interface ScenarioScope {
  /** Transfers whose destination or recipient's country is one of these. */
  countries: Set<string>;
  /** Transfers whose exporter's country is one of these (an area membership decides the exporter's regime). */
  exporterCountries: Set<string>;
  /** Transfers whose recipient holds a certification under one of these frameworks. */
  frameworks: Set<FrameworkId>;
  /** Transfers relying on a safeguard of one of these types (and, for SCCs, versions: `scc:2010/87`). */
  instrumentKeys: Set<string>;
  /** Transfers whose recipient is one of these parties. */
  recipients: Set<string>;
  /** Transfers relying on one of these safeguards. */
  safeguards: Set<string>;
}

/** The transfers a scenario can affect, from its changes and the knowledge base (before the changes). */
export function scenarioScope(kb: KnowledgeBase, changes: readonly ScenarioChange[]): ScenarioScope {
  const scope: ScenarioScope = { countries: new Set(), exporterCountries: new Set(), frameworks: new Set(), instrumentKeys: new Set(), recipients: new Set(), safeguards: new Set() };
  for (const change of changes) {
    switch (change.kind) {
      case "kb_entry_ends": {
        const adequacy = kb.adequacy.find((e) => e.id === change.entryId);
        // A decision that covers only certified organisations (the US: Decision (EU) 2023/1795 Art. 1) can only
        // matter to transfers whose recipient holds a certification under its framework.
        if (adequacy?.framework) scope.frameworks.add(adequacy.framework);
        else if (adequacy) scope.countries.add(adequacy.destination);
        const framework = kb.framework.find((e) => e.id === change.entryId);
        if (framework) scope.frameworks.add(framework.framework);
        const area = kb.area_membership.find((e) => e.id === change.entryId);
        if (area) {
          scope.countries.add(area.country);
          scope.exporterCountries.add(area.country);
        }
        const instrument = kb.instrument.find((e) => e.id === change.entryId);
        if (instrument) scope.instrumentKeys.add(instrument.instrumentType === "scc" && instrument.version ? `scc:${instrument.version}` : instrument.instrumentType);
        break;
      }
      case "new_adequacy":
        scope.countries.add(change.country);
        break;
      case "certification_lapses":
        scope.recipients.add(change.partyId);
        break;
      case "safeguard_ends":
        scope.safeguards.add(change.safeguardId);
        break;
    }
  }
  return scope;
}

/** One transfer's outcome under a scenario. */
export interface ScenarioOutcome {
  before: Status;
  after: Status;
  /** The safeguards (registry ids) that still cover the transfer under the scenario, when it is safeguarded or rests on a derogation. */
  fallback: { ref: string; type: string }[];
  /** Nothing covers it under the scenario, or only with an error: the DPO must act. */
  needsAction: boolean;
  /** The first reason of the verdict under the scenario. */
  reason: string | null;
}

const SAFEGUARD_BASIS = new Set(["scc", "uk_idta", "bcr", "code_of_conduct", "certification", "ad_hoc_clauses", "derogation"]);

/**
 * Before → after for one transfer, or null when its status does not change. The fallback is what the transfer's
 * verdict under the scenario rests on among its own safeguards (SCCs beside a lapsed DPF certification);
 * a certification basis (`type` "certification" with a framework ref) is not a safeguard of the registry.
 */
export function compareOutcome(before: Verdict, after: Verdict, safeguardIds: ReadonlySet<string>): ScenarioOutcome | null {
  if (before.status === after.status) return null;
  const fallback = after.status === "safeguarded" || after.status === "derogation" ? after.basis.filter((b) => SAFEGUARD_BASIS.has(b.type) && safeguardIds.has(b.ref)).map((b) => ({ ref: b.ref, type: b.type })) : [];
  const needsAction = after.status === "unsafeguarded" || after.issues.some((i) => i.severity === "error") || (STATUS_RANK[after.status] > STATUS_RANK[before.status] && fallback.length === 0 && after.status !== "inactive" && after.status !== "not_restricted" && after.status !== "adequate");
  return { before: before.status, after: after.status, fallback, needsAction, reason: after.reasons[0] ?? null };
}
