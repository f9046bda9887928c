/**
 * The rules a registry record must obey beyond its own shape, written once: the forms' services, the registry
 * import and the command-line `validate` all call these functions, so no write path accepts what another refuses.
 *
 * Pure: each function takes the record and the small context it needs (its parties, the compiled knowledge base,
 * the transfers relying on it, the date) and returns the violations keyed by the FORM's field names
 * (`exporterId`, `sccVersion`, `partyIds`…). The import maps those to JSON paths (`transfers[3].exporter`).
 *
 * The rules:
 * - a transfer's exporter is one of the group's affiliates, and its destination is among the recipient's
 *   processing locations (or, when none are recorded, the recipient's country);
 * - SCCs are not signed after the last day the signing exporter's regime allowed new contracts on that set, and
 *   only sets the regime recognises are used (windows from the knowledge base, e.g. EU: 2001/497, 2004/915 and
 *   2010/87 not after 2021-09-26, Implementing Decision (EU) 2021/914 Art. 4(2)–(3));
 * - a safeguard that live transfers rely on is not archived, and its type does not change;
 * - a party live transfers export from stays an affiliate, and their destinations stay among its locations;
 * - archived records are history: their fields are not judged again (the forms do not edit them);
 * - a party holds one certification per framework and start date;
 * - an impact assessment is not completed in the future.
 */
import type { CompiledKnowledgeBase } from "../rules/compile-kb";
import { regimeForExporter } from "../rules/regime";
import { SCC_VERSION_LABELS } from "../labels";
import type { SccVersion } from "./types";

/** One broken rule: the form field it concerns, the message shown at that field, and the sentence for the record. */
export interface RuleViolation {
  field: string;
  message: string;
  /** The whole record's message (defaults to `message`). */
  summary: string;
  /** CONFLICT when the record clashes with others (taken, relied on); otherwise the input is wrong. */
  kind: "invalid" | "conflict";
}

const violation = (field: string, message: string, summary = message, kind: RuleViolation["kind"] = "invalid"): RuleViolation => ({ field, message, summary, kind });

/** The violations as `{ field: message }` (the first message per field). */
export function fieldErrors(violations: readonly RuleViolation[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of violations) if (!(v.field in out)) out[v.field] = v.message;
  return out;
}

/** What the rules need to know of a party. */
export interface PartyFacts {
  id: string;
  name: string;
  relationship: string;
  country: string;
  processingLocations: readonly string[];
}

// ---------------------------------------------------------------- parties

export interface PartyRecord {
  relationship: string;
  country: string;
  processingLocations: readonly string[];
  dataCategories: readonly string[];
}

/** The live transfers that name a party, as the rules need them. */
export interface PartyDependents {
  /** Live transfers exporting from the party. */
  exporting: readonly string[];
  /** Live transfers to the party: their destinations (one transfer id per destination is enough to name). */
  receiving: readonly { id: string; destination: string }[];
}

export interface PartyRuleContext {
  /** The data categories the registry knows. */
  knownDataCategories: ReadonlySet<string>;
  /** The live transfers naming the party as they will be; omit for a new party (nothing names it yet). */
  dependents?: PartyDependents;
}

const sample = (ids: readonly string[]) => `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`;

/**
 * A party's own rules, and those that keep the transfers naming it valid: a party live transfers export from stays
 * one of the group's affiliates, and the countries live transfers send it data in stay among its processing
 * locations or are its country, the two transfer rules seen from the party's side.
 */
export function partyRules(party: PartyRecord, ctx: PartyRuleContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const unknown = party.dataCategories.filter((id) => !ctx.knownDataCategories.has(id));
  if (unknown.length) out.push(violation("dataCategories", `Unknown data categories: ${unknown.join(", ")}.`));
  const dependents = ctx.dependents;
  if (!dependents) return out;
  if (party.relationship !== "affiliate" && dependents.exporting.length > 0) {
    out.push(
      violation(
        "relationship",
        `${dependents.exporting.length} active transfer(s) export from this party (${sample(dependents.exporting)}): an exporter must be one of the group's affiliates. Archive those transfers first, or keep the relationship.`,
      ),
    );
  }
  // As transferRules judges a destination: one of the processing locations, or the party's country.
  const served = (country: string) => party.processingLocations.includes(country) || party.country === country;
  const lost = dependents.receiving.filter((r) => !served(r.destination));
  if (lost.length) {
    const countries = [...new Set(lost.map((r) => r.destination))].sort();
    out.push(
      violation(
        "processingLocations",
        `Active transfers send data to this party in ${countries.join(", ")} (${sample(lost.map((r) => r.id))}): keep ${countries.length === 1 ? "that country" : "those countries"} among its processing locations, or change those transfers first.`,
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------- certifications

export interface CertificationRecord {
  /** Absent for a new certification. */
  id?: string;
  framework: string;
  from: string;
}

export interface CertificationRuleContext {
  /** The party's other certifications as they will be (the record itself may be among them, by id). */
  partyCertifications: readonly { id: string; framework: string; from: string }[];
}

/**
 * A party holds one certification per framework and start date: a second one would make the registry's own export
 * refuse to re-import ("listed twice").
 */
export function certificationRules(cert: CertificationRecord, ctx: CertificationRuleContext): RuleViolation[] {
  const twin = ctx.partyCertifications.some((c) => c.id !== cert.id && c.framework === cert.framework && c.from === cert.from);
  if (!twin) return [];
  return [
    violation(
      "from",
      "A certification under this framework from this date is already recorded.",
      `This party already has a ${cert.framework} certification from ${cert.from}.`,
      "conflict",
    ),
  ];
}

// ---------------------------------------------------------------- safeguards

export interface SafeguardRecord {
  type: string;
  sccVersion: string | null;
  signed: string | null;
  partyIds: readonly string[];
  /** Set when the record is (or is being) archived. */
  archivedAt: string | null;
}

export interface SafeguardRuleContext {
  ckb: CompiledKnowledgeBase;
  /** The signing parties that exist (those of `partyIds`; unknown ids are reported elsewhere). */
  parties: readonly PartyFacts[];
  /** The record as stored, when it is being changed (null for a new one). */
  before: { type: string; archivedAt: string | null } | null;
  /** Transfers relying on the safeguard (all of them, archived or not); needed when its type or archive state changes. */
  relyingTransfers: readonly { id: string; archived: boolean }[];
}

/**
 * SCCs must be a set the signing exporter's regime recognises, signed no later than the last day that regime
 * allowed new contracts on it. The signers are tried affiliates first (the group's exporters); the first one
 * established under a regime on the signing date decides. The windows come from the knowledge base, never from code.
 */
export function sccSigningRules(record: Pick<SafeguardRecord, "type" | "sccVersion" | "signed">, parties: readonly PartyFacts[], ckb: CompiledKnowledgeBase): RuleViolation[] {
  if (record.type !== "scc" || !record.sccVersion || !record.signed || parties.length === 0) return [];
  const instrument = ckb.sccByVersion.get(record.sccVersion as SccVersion);
  if (!instrument) return [];
  const signers = [...parties].sort((a, b) => Number(b.relationship === "affiliate") - Number(a.relationship === "affiliate"));
  for (const party of signers) {
    const regime = regimeForExporter(ckb, party.country, record.signed);
    if (!regime) continue;
    const window = instrument.windows[regime];
    const label = SCC_VERSION_LABELS[record.sccVersion as SccVersion] ?? `SCCs ${record.sccVersion}`;
    if (!window) {
      return [
        violation(
          "sccVersion",
          `Not recognised under the ${regime} regime, which applies to ${party.name}.`,
          `${label} are not a transfer tool under the ${regime} regime (${party.name} is established in ${party.country}).`,
        ),
      ];
    }
    if (record.signed > window.lastSign) {
      return [
        violation(
          "signed",
          `SCCs ${record.sccVersion} could not be signed after ${window.lastSign} under the ${regime} regime (${party.name} is established in ${party.country}); new contracts must use the 2021/914 SCCs (${window.legalBasis}).`,
        ),
      ];
    }
    return [];
  }
  return [];
}

/**
 * Archiving hides a record; it must not silently change verdicts. A safeguard that stopped applying gets an end date
 * (which the rules honour); one that live transfers still rely on cannot be archived.
 */
export function safeguardArchiveRules(relyingTransfers: readonly { id: string; archived: boolean }[]): RuleViolation[] {
  const live = relyingTransfers.filter((t) => !t.archived);
  if (live.length === 0) return [];
  const listed = `${live.slice(0, 5).map((r) => r.id).join(", ")}${live.length > 5 ? ", …" : ""}`;
  const message = `${live.length} active transfer(s) rely on this safeguard (${listed}). Record its end date instead, or remove it from those transfers first.`;
  return [violation("archivedAt", message, message, "conflict")];
}

/**
 * A safeguard's rules. An archived one is history: only the act of archiving is judged (nothing live may rely on it);
 * its other fields are no longer checked, as the forms do not edit archived records.
 */
export function safeguardRules(record: SafeguardRecord, ctx: SafeguardRuleContext): RuleViolation[] {
  if (record.archivedAt !== null) {
    // Archiving is a change of a stored safeguard (a record arriving already archived is history, not an archiving).
    const archiving = ctx.before !== null && ctx.before.archivedAt === null;
    return archiving ? safeguardArchiveRules(ctx.relyingTransfers) : [];
  }
  const out: RuleViolation[] = [];
  if (ctx.before && ctx.before.type !== record.type && ctx.relyingTransfers.length > 0) {
    out.push(
      violation(
        "type",
        "Transfers rely on this safeguard; its type cannot change.",
        "The type of a safeguard that transfers rely on cannot change: register a new safeguard instead.",
      ),
    );
  }
  out.push(...sccSigningRules(record, ctx.parties, ctx.ckb));
  return out;
}

// ---------------------------------------------------------------- transfers

export interface TransferRecord {
  exporterId: string;
  recipientId: string;
  destination: string;
  dataCategories: readonly string[];
  purposes: readonly string[];
  safeguardIds: readonly string[];
}

export interface TransferRuleContext {
  /** The exporter and recipient as they will be (undefined when no such party exists). */
  exporter: PartyFacts | undefined;
  recipient: PartyFacts | undefined;
  /** Which of the record's data categories, purposes and safeguards exist (omit a set to skip that check). */
  knownDataCategories?: ReadonlySet<string>;
  knownPurposes?: ReadonlySet<string>;
  knownSafeguards?: ReadonlySet<string>;
}

export function transferRules(t: TransferRecord, ctx: TransferRuleContext): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { exporter, recipient } = ctx;
  if (!exporter) out.push(violation("exporterId", `Unknown party "${t.exporterId}".`));
  else if (exporter.relationship !== "affiliate") out.push(violation("exporterId", "The exporter must be one of the group's affiliates."));
  if (!recipient) out.push(violation("recipientId", `Unknown party "${t.recipientId}".`));
  else if (!recipient.processingLocations.includes(t.destination) && recipient.country !== t.destination) {
    out.push(
      violation(
        "destination",
        `${recipient.name} does not process data in ${t.destination}: choose one of its processing locations (${recipient.processingLocations.join(", ") || recipient.country}), or add the country to the party first.`,
      ),
    );
  }
  const unknownOf = (ids: readonly string[], known: ReadonlySet<string> | undefined) => (known ? ids.filter((id) => !known.has(id)) : []);
  const categories = unknownOf(t.dataCategories, ctx.knownDataCategories);
  if (categories.length) out.push(violation("dataCategories", `Unknown data categories: ${categories.join(", ")}.`));
  const purposes = unknownOf(t.purposes, ctx.knownPurposes);
  if (purposes.length) out.push(violation("purposes", `Unknown purposes: ${purposes.join(", ")}.`));
  const safeguards = unknownOf(t.safeguardIds, ctx.knownSafeguards);
  if (safeguards.length) out.push(violation("safeguardIds", `Unknown safeguards: ${safeguards.join(", ")}.`));
  return out;
}

// ---------------------------------------------------------------- impact assessments

export interface TiaRecord {
  completed: string;
}

/** An assessment records work done: it cannot be completed after `today` (YYYY-MM-DD). */
export function tiaRules(tia: TiaRecord, ctx: { today: string }): RuleViolation[] {
  if (tia.completed <= ctx.today) return [];
  return [violation("completed", `Enter a date on or before ${ctx.today}.`, "An assessment cannot be completed in the future.")];
}

// ---------------------------------------------------------------- a whole document (the CLI's `validate`)

type DocObj = Record<string, unknown>;
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const asText = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** Form field → document field, per kind: the rules speak the forms' names, a document's errors name its JSON paths. */
export const DOCUMENT_FIELD_NAMES: Readonly<Record<"transfer" | "safeguard", Readonly<Record<string, string>>>> = {
  transfer: { exporterId: "exporter", recipientId: "recipient", safeguardIds: "safeguards" },
  safeguard: { sccVersion: "version", partyIds: "parties" },
};

/**
 * The record rules over a whole `transfer-registry/v1` document that passed the format's validator, with the
 * document as the context (every reference it makes resolves inside it): what the registry import would refuse of
 * the same records written into an empty registry. Data category and purpose codes are not checked here (the
 * document alone does not say which the registry knows). Errors carry JSON paths (`transfers[3].exporter`).
 */
export function documentRecordErrors(document: { parties: readonly unknown[]; safeguards?: readonly unknown[]; transfers: readonly unknown[] }, ctx: { ckb: CompiledKnowledgeBase; today: string }): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const add = (path: string, violations: RuleViolation[], names: Readonly<Record<string, string>> = {}) => {
    for (const v of violations) errors.push({ path: `${path}.${names[v.field] ?? v.field}`, message: v.summary });
  };
  const parties = document.parties as DocObj[];
  const safeguards = (document.safeguards ?? []) as DocObj[];
  const transfers = document.transfers as DocObj[];

  const facts = new Map<string, PartyFacts>();
  parties.forEach((p, i) => {
    const id = String(p.id);
    facts.set(id, { id, name: String(p.name), relationship: String(p.relationship), country: String(p.country), processingLocations: asStrings(p.processingLocations) });
    const certs = (Array.isArray(p.certifications) ? p.certifications : []) as DocObj[];
    const siblings = certs.map((c, k) => ({ id: String(k), framework: String(c.framework), from: String(c.from) }));
    siblings.forEach((c, k) => add(`parties[${i}].certifications[${k}]`, certificationRules(c, { partyCertifications: siblings.slice(0, k) })));
  });

  const relying = new Map<string, { id: string; archived: boolean }[]>();
  for (const t of transfers) {
    for (const sid of asStrings(t.safeguards)) {
      const list = relying.get(sid) ?? [];
      list.push({ id: String(t.id), archived: asText(t.archivedAt) !== null });
      relying.set(sid, list);
    }
  }
  safeguards.forEach((s, i) => {
    const type = String(s.type);
    const partyIds = asStrings(type === "bcr" ? s.members : s.parties);
    const record = { type, sccVersion: type === "scc" ? asText(s.version) : null, signed: asText(s.signed), partyIds, archivedAt: asText(s.archivedAt) };
    const signers = partyIds.map((id) => facts.get(id)).filter((x): x is PartyFacts => x !== undefined);
    const names = type === "bcr" ? { ...DOCUMENT_FIELD_NAMES.safeguard, partyIds: "members" } : DOCUMENT_FIELD_NAMES.safeguard;
    add(`safeguards[${i}]`, safeguardRules(record, { ckb: ctx.ckb, parties: signers, before: null, relyingTransfers: relying.get(String(s.id)) ?? [] }), names);
  });

  transfers.forEach((t, i) => {
    const assessments: { path: string; completed: unknown }[] = Array.isArray(t.tias)
      ? (t.tias as DocObj[]).map((a, k) => ({ path: `transfers[${i}].tias[${k}]`, completed: a?.completed }))
      : t.tia && typeof t.tia === "object"
        ? [{ path: `transfers[${i}].tia`, completed: (t.tia as DocObj).completed }]
        : [];
    for (const a of assessments) if (typeof a.completed === "string") add(a.path, tiaRules({ completed: a.completed }, { today: ctx.today }));
    // An archived transfer is history: the forms no longer edit it, so its parties may since have changed.
    if (asText(t.archivedAt) !== null) return;
    const record = {
      exporterId: String(t.exporter),
      recipientId: String(t.recipient),
      destination: String(t.destination),
      dataCategories: asStrings(t.dataCategories),
      purposes: asStrings(t.purposes),
      safeguardIds: asStrings(t.safeguards),
    };
    add(`transfers[${i}]`, transferRules(record, { exporter: facts.get(record.exporterId), recipient: facts.get(record.recipientId) }), DOCUMENT_FIELD_NAMES.transfer);
  });
  return errors;
}
