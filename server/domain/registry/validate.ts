/**
 * The `transfer-registry/v1` validator used by the app's import and by the CLI.
 *
 * Hand-written rather than zod because it must check 100,000 transfers in a few tens of milliseconds (the
 * CLI target is ≤ 3× JSON.parse), and because most of its checks are cross-references zod cannot express
 * per field. It collects every error with its JSON path; a document with any error is rejected whole.
 * It never copies: on success it returns the input object itself, so extra fields round-trip untouched.
 */
import { isValidIsoDate } from "../dates";
import { DEROGATION_BASES, FRAMEWORKS, PARTY_ROLES, REGIMES } from "../kb/types";
import { isDestinationCode, isIsoCountryCode } from "./iso-countries";
import {
  ADEQUACY_SCOPE_ANSWERS,
  BCR_VARIANTS,
  COVERED_DATA,
  TIA_OUTCOMES,
  FREQUENCIES,
  PARTY_RELATIONSHIPS,
  REGISTRY_FORMAT,
  SAFEGUARD_TYPES,
  SCC_VERSIONS,
  type RegistryDocument,
  type RegistryIndex,
  type RegistryParty,
  type RegistrySafeguard,
  type RegistryValidationError,
  type RegistryValidationResult,
} from "./types";

const PARTY_ID = /^[a-z0-9._-]{1,64}$/;
const RELATIONSHIPS: ReadonlySet<unknown> = new Set(PARTY_RELATIONSHIPS);
const FRAMEWORK_SET: ReadonlySet<unknown> = new Set(FRAMEWORKS);
const ROLE_SET: ReadonlySet<unknown> = new Set(PARTY_ROLES);
const FREQUENCY_SET: ReadonlySet<unknown> = new Set(FREQUENCIES);
const SAFEGUARD_TYPE_SET: ReadonlySet<unknown> = new Set(SAFEGUARD_TYPES);
const SCC_VERSION_SET: ReadonlySet<unknown> = new Set(SCC_VERSIONS);
const BCR_VARIANT_SET: ReadonlySet<unknown> = new Set(BCR_VARIANTS);
const DEROGATION_SET: ReadonlySet<unknown> = new Set(DEROGATION_BASES);
const COVERED_DATA_SET: ReadonlySet<unknown> = new Set(COVERED_DATA);
const TIA_OUTCOME_SET: ReadonlySet<unknown> = new Set(TIA_OUTCOMES);
const SCOPE_ANSWER_SET: ReadonlySet<unknown> = new Set(ADEQUACY_SCOPE_ANSWERS);
const REGIME_SET: ReadonlySet<unknown> = new Set(REGIMES);

/** Stop collecting after this many errors: a broken 100k-row file should not print 100k lines. */
export const MAX_VALIDATION_ERRORS = 1000;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function listOf(values: readonly string[]): string {
  return values.join(", ");
}

class ErrorList {
  readonly errors: RegistryValidationError[] = [];
  add(path: string, message: string): void {
    if (this.errors.length < MAX_VALIDATION_ERRORS) this.errors.push({ path, message });
  }
  get full(): boolean {
    return this.errors.length >= MAX_VALIDATION_ERRORS;
  }
}

/*
 * Each check returns null when the value is fine, or the error message. Paths are built only when there is an
 * error: building `transfers[${i}].start` eagerly for every field of 100k transfers costs more than the checks.
 */

/** Adds `id` and says whether it was new: one hash lookup instead of `has` + `add`. */
function addNew(ids: Set<string>, id: string): boolean {
  const size = ids.size;
  ids.add(id);
  return ids.size !== size;
}

/** Adds `id → value` and says whether the id was new (a duplicate is an error, so overwriting does not matter). */
function putNew(index: Map<string, unknown>, id: string, value: unknown): boolean {
  const size = index.size;
  index.set(id, value);
  return index.size !== size;
}

type IdIndex = ReadonlyMap<string, unknown>;

function dateProblem(value: unknown): string | null {
  if (isValidIsoDate(value)) return null;
  return typeof value === "string" ? `"${value}" is not a real date written YYYY-MM-DD` : "must be a date written YYYY-MM-DD";
}

/**
 * An optional end date (absent or null = still running) not before its start. `startValid` says whether the
 * start already passed {@link dateProblem}, so it is not parsed twice.
 */
function endProblem(start: unknown, startValid: boolean, end: unknown, startName: string): string | null {
  if (end === undefined || end === null) return null;
  const problem = dateProblem(end);
  if (problem !== null) return problem;
  return startValid && (end as string) < (start as string) ? `${end as string} is before ${startName} ${start as string}` : null;
}

function roleProblem(value: unknown): string | null {
  // Direct comparisons: cheaper than a Set lookup for a two-value enum checked 200k times per import.
  return value === "controller" || value === "processor" ? null : enumProblem(value, ROLE_SET, PARTY_ROLES);
}

function stringProblem(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? null : "must be a non-empty string";
}

function enumProblem(value: unknown, allowed: ReadonlySet<unknown>, names: readonly string[]): string | null {
  return allowed.has(value) ? null : `${JSON.stringify(value) ?? "undefined"} is not one of: ${listOf(names)}`;
}

function countryProblem(value: unknown): string | null {
  return isIsoCountryCode(value) ? null : `${JSON.stringify(value) ?? "undefined"} is not an ISO 3166-1 alpha-2 country code`;
}

function destinationProblem(value: unknown): string | null {
  return isDestinationCode(value)
    ? null
    : `${JSON.stringify(value) ?? "undefined"} is not an ISO 3166-1 alpha-2 country code or org:ID of an international organisation`;
}

/** An optional enum field: absent and null are fine. */
function optionalEnumProblem(value: unknown, allowed: ReadonlySet<unknown>, names: readonly string[]): string | null {
  return value === undefined || value === null ? null : enumProblem(value, allowed, names);
}

/** An optional text field: absent and null are fine. */
function optionalTextProblem(value: unknown): string | null {
  return value === undefined || value === null || typeof value === "string" ? null : "must be text";
}

/** Checks `safeguards[index].field` is an array of known party ids. */
function checkPartyRefs(errors: ErrorList, value: unknown, partyIds: IdIndex, index: number, field: string): void {
  if (!Array.isArray(value)) {
    errors.add(`safeguards[${index}].${field}`, "must be an array of party ids");
    return;
  }
  for (let i = 0; i < value.length; i++) {
    const ref: unknown = value[i];
    if (typeof ref !== "string" || !partyIds.has(ref)) errors.add(`safeguards[${index}].${field}[${i}]`, `unknown party id ${JSON.stringify(ref)}`);
  }
}

function validateParties(errors: ErrorList, parties: unknown[]): Map<string, unknown> {
  const ids = new Map<string, unknown>();
  let problem: string | null;
  for (let i = 0; i < parties.length && !errors.full; i++) {
    const party = parties[i];
    if (!isObject(party)) {
      errors.add(`parties[${i}]`, "must be an object");
      continue;
    }
    const id = party.id;
    if (typeof id !== "string" || !PARTY_ID.test(id)) errors.add(`parties[${i}].id`, "must be 1–64 characters of a-z 0-9 . _ -");
    else if (!putNew(ids, id, party)) errors.add(`parties[${i}].id`, `duplicate party id "${id}"`);
    if ((problem = stringProblem(party.name))) errors.add(`parties[${i}].name`, problem);
    if ((problem = enumProblem(party.relationship, RELATIONSHIPS, PARTY_RELATIONSHIPS))) errors.add(`parties[${i}].relationship`, problem);
    if ((problem = countryProblem(party.country))) errors.add(`parties[${i}].country`, problem);
    const certs = party.certifications;
    if (certs === undefined) continue;
    if (!Array.isArray(certs)) {
      errors.add(`parties[${i}].certifications`, "must be an array");
      continue;
    }
    for (let c = 0; c < certs.length; c++) {
      const cert: unknown = certs[c];
      if (!isObject(cert)) {
        errors.add(`parties[${i}].certifications[${c}]`, "must be an object");
        continue;
      }
      if ((problem = enumProblem(cert.framework, FRAMEWORK_SET, FRAMEWORKS))) errors.add(`parties[${i}].certifications[${c}].framework`, problem);
      const fromProblem = dateProblem(cert.from);
      if (fromProblem) errors.add(`parties[${i}].certifications[${c}].from`, fromProblem);
      if ((problem = endProblem(cert.from, fromProblem === null, cert.to, "from"))) errors.add(`parties[${i}].certifications[${c}].to`, problem);
      if (cert.coveredData !== undefined && (problem = optionalEnumProblem(cert.coveredData, COVERED_DATA_SET, COVERED_DATA))) {
        errors.add(`parties[${i}].certifications[${c}].coveredData`, problem);
      }
    }
  }
  return ids;
}

/** Checks the dates shared by contractual safeguards: `signed`/`approved` and `ended`. */
function checkSafeguardDates(errors: ErrorList, sg: Obj, i: number, startName: "signed" | "approved"): void {
  const startProblem = dateProblem(sg[startName]);
  if (startProblem) errors.add(`safeguards[${i}].${startName}`, startProblem);
  const problem = endProblem(sg[startName], startProblem === null, sg.ended, startName);
  if (problem) errors.add(`safeguards[${i}].ended`, problem);
}

/** `safeguards[i].approvals`: a list of `{ regime, authority?, approved }`. */
function checkBcrApprovals(errors: ErrorList, approvals: unknown, i: number): void {
  if (!Array.isArray(approvals)) {
    errors.add(`safeguards[${i}].approvals`, "must be an array of { regime, authority, approved }");
    return;
  }
  let problem: string | null;
  for (let k = 0; k < approvals.length; k++) {
    const approval: unknown = approvals[k];
    if (!isObject(approval)) {
      errors.add(`safeguards[${i}].approvals[${k}]`, "must be an object");
      continue;
    }
    if ((problem = enumProblem(approval.regime, REGIME_SET, REGIMES))) errors.add(`safeguards[${i}].approvals[${k}].regime`, problem);
    if ((problem = dateProblem(approval.approved))) errors.add(`safeguards[${i}].approvals[${k}].approved`, problem);
    if (approval.authority !== undefined && (problem = stringProblem(approval.authority))) errors.add(`safeguards[${i}].approvals[${k}].authority`, problem);
  }
}

function validateSafeguard(errors: ErrorList, sg: Obj, i: number, partyIds: IdIndex): void {
  // Paths are written out in each branch (no closures: this runs for every safeguard of a large import).
  let problem: string | null;
  switch (sg.type) {
    case "scc": {
      if ((problem = enumProblem(sg.version, SCC_VERSION_SET, SCC_VERSIONS))) errors.add(`safeguards[${i}].version`, problem);
      const modules = sg.modules;
      if (sg.version === "2021/914") {
        if (!Array.isArray(modules) || modules.length === 0) errors.add(`safeguards[${i}].modules`, "2021/914 clauses need at least one module (1–4)");
        else
          for (let k = 0; k < modules.length; k++) {
            const m: unknown = modules[k];
            if (m !== 1 && m !== 2 && m !== 3 && m !== 4) errors.add(`safeguards[${i}].modules[${k}]`, `${JSON.stringify(m)} is not one of: 1, 2, 3, 4`);
          }
      } else if (modules !== undefined && !(Array.isArray(modules) && modules.length === 0)) {
        errors.add(`safeguards[${i}].modules`, "modules exist only for version 2021/914");
      }
      if (sg.ukAddendum !== undefined && typeof sg.ukAddendum !== "boolean") errors.add(`safeguards[${i}].ukAddendum`, "must be true or false");
      if (sg.swissAdaptations !== undefined && typeof sg.swissAdaptations !== "boolean") errors.add(`safeguards[${i}].swissAdaptations`, "must be true or false");
      checkPartyRefs(errors, sg.parties, partyIds, i, "parties");
      checkSafeguardDates(errors, sg, i, "signed");
      return;
    }
    case "uk_idta":
      checkPartyRefs(errors, sg.parties, partyIds, i, "parties");
      checkSafeguardDates(errors, sg, i, "signed");
      return;
    case "bcr":
      if ((problem = enumProblem(sg.variant, BCR_VARIANT_SET, BCR_VARIANTS))) errors.add(`safeguards[${i}].variant`, problem);
      checkPartyRefs(errors, sg.members, partyIds, i, "members");
      checkSafeguardDates(errors, sg, i, "approved");
      if (sg.approvals !== undefined) checkBcrApprovals(errors, sg.approvals, i);
      return;
    case "code_of_conduct":
    case "certification":
    case "ad_hoc_clauses":
      if ((problem = stringProblem(sg.reference))) errors.add(`safeguards[${i}].reference`, problem);
      if (sg.parties !== undefined) checkPartyRefs(errors, sg.parties, partyIds, i, "parties");
      checkSafeguardDates(errors, sg, i, "approved");
      return;
    case "derogation":
      if ((problem = enumProblem(sg.basis, DEROGATION_SET, DEROGATION_BASES))) errors.add(`safeguards[${i}].basis`, problem);
      return;
    default:
      if ((problem = enumProblem(sg.type, SAFEGUARD_TYPE_SET, SAFEGUARD_TYPES))) errors.add(`safeguards[${i}].type`, problem);
  }
}

function validateSafeguards(errors: ErrorList, safeguards: unknown[], partyIds: IdIndex): Map<string, unknown> {
  const ids = new Map<string, unknown>();
  for (let i = 0; i < safeguards.length && !errors.full; i++) {
    const sg = safeguards[i];
    if (!isObject(sg)) {
      errors.add(`safeguards[${i}]`, "must be an object");
      continue;
    }
    const id = sg.id;
    if (typeof id !== "string" || id.length === 0) errors.add(`safeguards[${i}].id`, "must be a non-empty string");
    else if (!putNew(ids, id, sg)) errors.add(`safeguards[${i}].id`, `duplicate safeguard id "${id}"`);
    validateSafeguard(errors, sg, i, partyIds);
  }
  return ids;
}

function validateTransfers(errors: ErrorList, transfers: unknown[], partyIds: IdIndex, safeguardIds: IdIndex, exporters: unknown[], recipients: unknown[]): void {
  const ids = new Set<string>();
  let problem: string | null;
  for (let i = 0; i < transfers.length && !errors.full; i++) {
    const t = transfers[i];
    if (!isObject(t)) {
      errors.add(`transfers[${i}]`, "must be an object");
      continue;
    }
    const id = t.id;
    if (typeof id !== "string" || id.length === 0) errors.add(`transfers[${i}].id`, "must be a non-empty string");
    else if (!addNew(ids, id)) errors.add(`transfers[${i}].id`, `duplicate transfer id "${id}"`);
    const exporter = t.exporter;
    const exporterParty = typeof exporter === "string" ? partyIds.get(exporter) : undefined;
    if (exporterParty === undefined) errors.add(`transfers[${i}].exporter`, `unknown party id ${JSON.stringify(exporter) ?? "undefined"}`);
    exporters[i] = exporterParty;
    const recipient = t.recipient;
    const recipientParty = typeof recipient === "string" ? partyIds.get(recipient) : undefined;
    if (recipientParty === undefined) errors.add(`transfers[${i}].recipient`, `unknown party id ${JSON.stringify(recipient) ?? "undefined"}`);
    recipients[i] = recipientParty;
    if (!isIsoCountryCode(t.destination) && (problem = destinationProblem(t.destination))) errors.add(`transfers[${i}].destination`, problem);
    if ((problem = roleProblem(t.exporterRole))) errors.add(`transfers[${i}].exporterRole`, problem);
    if ((problem = roleProblem(t.recipientRole))) errors.add(`transfers[${i}].recipientRole`, problem);
    const frequency = t.frequency;
    if (frequency !== "continuous" && frequency !== "occasional") errors.add(`transfers[${i}].frequency`, enumProblem(frequency, FREQUENCY_SET, FREQUENCIES)!);
    const startProblem = dateProblem(t.start);
    if (startProblem) errors.add(`transfers[${i}].start`, startProblem);
    if ((problem = endProblem(t.start, startProblem === null, t.end, "start"))) errors.add(`transfers[${i}].end`, problem);
    const sgs = t.safeguards;
    if (sgs !== undefined) {
      if (!Array.isArray(sgs)) errors.add(`transfers[${i}].safeguards`, "must be an array of safeguard ids");
      else
        for (let k = 0; k < sgs.length; k++) {
          const ref: unknown = sgs[k];
          if (typeof ref !== "string" || !safeguardIds.has(ref)) errors.add(`transfers[${i}].safeguards[${k}]`, `unknown safeguard id ${JSON.stringify(ref)}`);
        }
    }
    const tia = t.tia;
    if (tia !== undefined && tia !== null) {
      if (!isObject(tia)) errors.add(`transfers[${i}].tia`, "must be an object with completed and nextReview");
      else {
        const completedProblem = dateProblem(tia.completed);
        if (completedProblem) errors.add(`transfers[${i}].tia.completed`, completedProblem);
        if ((problem = endProblem(tia.completed, completedProblem === null, tia.nextReview, "completed"))) errors.add(`transfers[${i}].tia.nextReview`, problem);
        if (tia.outcome !== undefined && (problem = optionalEnumProblem(tia.outcome, TIA_OUTCOME_SET, TIA_OUTCOMES))) errors.add(`transfers[${i}].tia.outcome`, problem);
        if (tia.measuresTechnical !== undefined && (problem = optionalTextProblem(tia.measuresTechnical))) errors.add(`transfers[${i}].tia.measuresTechnical`, problem);
        if (tia.measuresContractual !== undefined && (problem = optionalTextProblem(tia.measuresContractual))) errors.add(`transfers[${i}].tia.measuresContractual`, problem);
        if (tia.measuresOrganisational !== undefined && (problem = optionalTextProblem(tia.measuresOrganisational))) errors.add(`transfers[${i}].tia.measuresOrganisational`, problem);
      }
    }
    // Optional fields that mean something to the rules (FORMAT.md); absent in most documents, so test presence first.
    if (t.hrData !== undefined && typeof t.hrData !== "boolean") errors.add(`transfers[${i}].hrData`, "must be true or false");
    if (t.specialCategory !== undefined && typeof t.specialCategory !== "boolean") errors.add(`transfers[${i}].specialCategory`, "must be true or false");
    if (t.adequacyScope !== undefined && (problem = optionalEnumProblem(t.adequacyScope, SCOPE_ANSWER_SET, ADEQUACY_SCOPE_ANSWERS))) {
      errors.add(`transfers[${i}].adequacyScope`, problem);
    }
  }
}

/**
 * Validates an unknown value (parsed JSON) as a `transfer-registry/v1` document: shapes, enums, real dates,
 * ISO 3166-1 alpha-2 countries (or `org:ID` destinations), unique ids, known references, and no end before its
 * start. The optional fields FORMAT.md adds (coverage, scope, TIA outcome, BCR approvals…) are checked when present.
 * Errors carry JSON paths like `transfers[3].recipient`; any error rejects the whole document.
 */
export function validateRegistryDocument(input: unknown): RegistryValidationResult {
  const errors = new ErrorList();
  if (!isObject(input)) return { ok: false, errors: [{ path: "$", message: "the document must be a JSON object" }] };
  if (input.format !== REGISTRY_FORMAT) errors.add("format", `must be "${REGISTRY_FORMAT}"`);
  const parties = input.parties;
  const safeguards = input.safeguards ?? [];
  const transfers = input.transfers;
  if (!Array.isArray(parties)) errors.add("parties", "must be an array");
  if (!Array.isArray(safeguards)) errors.add("safeguards", "must be an array");
  if (!Array.isArray(transfers)) errors.add("transfers", "must be an array");
  const partyIds = Array.isArray(parties) ? validateParties(errors, parties) : new Map<string, unknown>();
  const safeguardIds = Array.isArray(safeguards) ? validateSafeguards(errors, safeguards, partyIds) : new Map<string, unknown>();
  const count = Array.isArray(transfers) ? transfers.length : 0;
  const exporters: unknown[] = new Array(count);
  const recipients: unknown[] = new Array(count);
  if (Array.isArray(transfers)) validateTransfers(errors, transfers, partyIds, safeguardIds, exporters, recipients);
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };
  // The id maps built for the cross-reference checks, and each transfer's parties, handed on so the evaluation
  // need not build or look them up again.
  const index: RegistryIndex = {
    parties: partyIds as Map<string, RegistryParty>,
    safeguards: safeguardIds as Map<string, RegistrySafeguard>,
    exporters: exporters as (RegistryParty | undefined)[],
    recipients: recipients as (RegistryParty | undefined)[],
  };
  return { ok: true, document: input as unknown as RegistryDocument, index };
}
