/** Derogations for specific situations: GDPR / UK GDPR Art. 49, FADP Art. 17. */
import type { RegimeId } from "../kb/types";
import type { RegistryDerogationSafeguard, RegistryTransfer } from "../registry/types";
import type { CompiledKnowledgeBase } from "./compile-kb";
import type { Issue } from "./types";

/**
 * Reason sentence for a transfer resting on a derogation. Legal source: GDPR Art. 49(1) (and second
 * subparagraph); applies only where neither an adequacy decision nor an Art. 46 safeguard covers the
 * transfer (EDPB Guidelines 2/2018: last resort, interpreted restrictively).
 */
export function describeDerogation(ckb: CompiledKnowledgeBase, regime: RegimeId, sg: RegistryDerogationSafeguard): string {
  const entry = ckb.derogations.get(sg.basis);
  const reference = entry?.references[regime] ?? `Art. ${sg.basis}`;
  return `Only a derogation covers this transfer: ${reference}${entry ? ` (${entry.title})` : ""} (${sg.id}); derogations are a last resort, interpreted restrictively (EDPB Guidelines 2/2018).`;
}

/**
 * A derogation used for a continuous (regular, repetitive) transfer. Legal source: GDPR recital 111 and
 * Art. 49(1) second subparagraph ("not repetitive"); EDPB Guidelines 2/2018: a recurring vendor integration
 * cannot rest on Art. 49.
 */
export function checkDerogationFrequency(
  ckb: CompiledKnowledgeBase,
  transfer: RegistryTransfer,
  sg: RegistryDerogationSafeguard,
): Issue | null {
  if (transfer.frequency !== "continuous") return null;
  const occasionalOnly = ckb.derogations.get(sg.basis)?.occasionalOnly ?? true;
  return {
    code: "derogation_for_continuous",
    severity: "warning",
    message: occasionalOnly
      ? `Derogation ${sg.basis} (${sg.id}) is limited to occasional transfers, but this transfer is continuous; put SCCs or another Art. 46 safeguard in place.`
      : `Derogation ${sg.basis} (${sg.id}) is used for a continuous transfer; EDPB Guidelines 2/2018 treat derogations as exceptions, not for regular transfers.`,
  };
}
