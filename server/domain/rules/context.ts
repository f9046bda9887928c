/** The per-document evaluation context: id maps over the registry plus the compiled knowledge base. */
import { addDays } from "../dates";
import type { RegistryDocument, RegistryIndex, RegistryParty, RegistrySafeguard } from "../registry/types";
import type { RegimeId } from "../kb/types";
import type { CompiledAdequacy, CompiledKnowledgeBase } from "./compile-kb";
import type { SharedVerdictParts } from "./types";
import { ENDING_SOON_DAYS } from "./issues";

type AdequacyPartsCache = Map<CompiledAdequacy, Map<RegistryParty | null, Readonly<SharedVerdictParts>>>;

export interface EvaluationContext {
  ckb: CompiledKnowledgeBase;
  parties: Map<string, RegistryParty>;
  safeguards: Map<string, RegistrySafeguard>;
  /** Member sets of BCRs (a group's BCR can list thousands of members; a Set keeps the check O(1)). */
  bcrMembers: Map<string, ReadonlySet<string>>;
  /** Cache of `asOf + 90 days`: evaluating many transfers at one date computes it once. */
  soonAsOf: string;
  soonLimit: string;
  /** Per regime and destination, the "no adequacy decision covers …" sentence (many transfers share it). */
  noAdequacyReasons: Record<RegimeId, Map<string, string>>;
  /**
   * For `soonAsOf`, per era of the law: the frozen parts of `adequate` verdicts resting on adequacy alone, per
   * decision and recipient (`null` when the decision needs no certification, so the recipient does not
   * matter). Transfers to the same recipient share one set of parts: no per-verdict arrays.
   */
  adequacyParts: readonly [AdequacyPartsCache, AdequacyPartsCache];
  /** The frozen parts of `not_restricted` verdicts of exporters under no regime, per exporter. */
  outsideRegimeParts: Map<RegistryParty, Readonly<SharedVerdictParts>>;
}

/**
 * Builds the id maps for one registry document, or takes them from `index` (the maps the validator built for
 * the same document: building them again costs tens of milliseconds on 100k transfers).
 */
export function createEvaluationContext(
  doc: Pick<RegistryDocument, "parties" | "safeguards">,
  ckb: CompiledKnowledgeBase,
  index?: RegistryIndex,
): EvaluationContext {
  let parties = index?.parties;
  if (parties === undefined) {
    parties = new Map<string, RegistryParty>();
    for (const party of doc.parties) parties.set(party.id, party);
  }
  let safeguards = index?.safeguards;
  if (safeguards === undefined) {
    safeguards = new Map<string, RegistrySafeguard>();
    for (const sg of doc.safeguards ?? []) safeguards.set(sg.id, sg);
  }
  const bcrMembers = new Map<string, ReadonlySet<string>>();
  for (const sg of doc.safeguards ?? []) if (sg.type === "bcr") bcrMembers.set(sg.id, new Set(sg.members));
  return {
    ckb, parties, safeguards, bcrMembers, soonAsOf: "", soonLimit: "", noAdequacyReasons: { EU: new Map(), UK: new Map(), CH: new Map() },
    adequacyParts: [new Map(), new Map()], outsideRegimeParts: new Map(),
  };
}

/** Resets the per-date caches when the evaluation date changes. */
export function refreshDateCaches(ctx: EvaluationContext, asOf: string): void {
  if (ctx.soonAsOf !== asOf) {
    ctx.soonLimit = addDays(asOf, ENDING_SOON_DAYS);
    ctx.soonAsOf = asOf;
    ctx.adequacyParts[0].clear();
    ctx.adequacyParts[1].clear();
  }
}

/** `asOf` + {@link ENDING_SOON_DAYS}, cached on the context. */
export function getEndingSoonLimit(ctx: EvaluationContext, asOf: string): string {
  refreshDateCaches(ctx, asOf);
  return ctx.soonLimit;
}

/** "No adequacy decision of the … regime covers XX.", cached per regime and destination. */
export function getNoAdequacyReason(ctx: EvaluationContext, regime: RegimeId, destination: string): string {
  const cache = ctx.noAdequacyReasons[regime];
  let reason = cache.get(destination);
  if (reason === undefined) {
    const place = destination.startsWith("org:") ? `the international organisation ${destination.slice(4)}` : destination;
    reason = `No adequacy decision of the ${ctx.ckb.compiledRegimes[regime].title} regime covers ${place}.`;
    cache.set(destination, reason);
  }
  return reason;
}
