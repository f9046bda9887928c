/**
 * Derogations for specific situations: GDPR / UK GDPR Art. 49 (before 2018-05-25 Directive 95/46/EC
 * Art. 26(1)); FADP Art. 17(1) (before 2023-09-01 FADP of 1992 Art. 6(2)).
 */
import type { RegimeId } from "../kb/types";
import { DEROGATION_LABELS, REGIME_LABELS } from "../labels";
import type { RegistryDerogationSafeguard, RegistryTransfer } from "../registry/types";
import { CURRENT_LAW, type CompiledKnowledgeBase, type Era } from "./compile-kb";
import type { Basis, Issue, IssueCode } from "./types";

/** Whether a listed derogation can cover a transfer, and what it then cites. */
export type DerogationAssessment =
  | { valid: true; basis: Basis; reason: string; warning: Issue | null }
  | { valid: false; reason: string; issueCode: IssueCode };

/**
 * Checks one derogation for a transfer under `regime` in the law's `era`:
 * - the ground must exist in the regime's law on that date: compelling legitimate interests (Art. 49(1) second
 *   subparagraph) only from 2018-05-25 (Directive 95/46/EC Art. 26 had none) and never under the FADP; a
 *   GDPR ground counts for a Swiss exporter as its FADP Art. 17(1) counterpart, and the Swiss-only grounds
 *   (Art. 17(1) letters) count only for Swiss exporters;
 * - under the GDPR and UK GDPR, Art. 49(1)(b), (c) and the second subparagraph cannot cover a regular or
 *   repetitive transfer (recital 111; Art. 49(1) second subparagraph "not repetitive"; EDPB Guidelines 2/2018
 *   § 2.2), and consent is not meant for systematic transfers (§ 2.1): a warning. The FADP has no such condition.
 * Derogations apply only where no adequacy decision or Art. 46 safeguard covers the transfer (EDPB Guidelines
 * 2/2018: last resort, interpreted restrictively).
 */
export function assessDerogation(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  era: Era,
  transfer: RegistryTransfer,
  sg: RegistryDerogationSafeguard,
): DerogationAssessment {
  const entry = ckb.derogations.get(sg.basis);
  const label = DEROGATION_LABELS[sg.basis] ?? `Art. ${sg.basis}`;
  const compiledRegime = ckb.compiledRegimes[regime];
  const current = entry?.references[regime];
  const former = era === CURRENT_LAW ? undefined : entry?.formerReferences?.[regime];
  const reference = former === undefined ? current : former;
  if (entry === undefined || current === undefined) {
    return {
      valid: false,
      issueCode: "derogation_not_available",
      reason: `The derogation "${label}" has no counterpart under the ${REGIME_LABELS[regime]}, so it cannot cover this transfer${regime === "CH" ? "; the FADP has its own list of exceptions, Art. 17(1)" : ""}.`,
    };
  }
  if (reference === null || reference === undefined) {
    return {
      valid: false,
      issueCode: "derogation_not_available",
      reason: `The derogation "${label}" did not exist under ${compiledRegime.lawName[era]}, which applied before ${compiledRegime.currentLawFrom}, so it cannot cover this transfer then.`,
    };
  }
  const regular = transfer.frequency === "continuous" && regime !== "CH";
  if (regular && entry.occasionalOnly) {
    return {
      valid: false,
      issueCode: "derogation_for_continuous",
      reason: `${reference} covers only occasional, non-repetitive transfers, and this transfer is regular, so it cannot rest on it: recital 111; EDPB Guidelines 2/2018, section 2.2. Put SCCs or another Art. 46 safeguard in place.`,
    };
  }
  const warning: Issue | null =
    regular && entry.occasionalExpected === true
      ? {
          code: "derogation_for_continuous",
          severity: "warning",
          message: `${reference} is meant for occasional transfers, and this transfer is regular (EDPB Guidelines 2/2018); put SCCs or another Art. 46 safeguard in place.`,
        }
      : null;
  const lastResort = regime === "CH" ? "exceptions to the rules on disclosure abroad are interpreted narrowly." : "derogations are a last resort, interpreted restrictively (EDPB Guidelines 2/2018).";
  return {
    valid: true,
    basis: { type: "derogation", ref: sg.id, citation: `${reference}: ${entry.title}`, uri: compiledRegime.lawUri[era] },
    reason: `Only a derogation covers this transfer, ${reference}: ${entry.title}; ${lastResort}`,
    warning,
  };
}
