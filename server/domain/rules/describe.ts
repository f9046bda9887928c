/** Helpers for the app's forms: what a destination means for an exporter, and which safeguards fit. */
import type { FrameworkId, PartyRole, RegimeId } from "../kb/types";
import type { RegistryCertification, SccVersion } from "../registry/types";
import { FRAMEWORK_LABELS, REGIME_LABELS } from "../labels";
import { findAdequacyDecision, findCoveringCertification } from "./adequacy";
import { CURRENT_LAW, FORMER_LAW, type CompiledKnowledgeBase } from "./compile-kb";
import { findDestinationArea, findExporterArea } from "./regime";
import { MODULE_FOR_ROLES } from "./safeguards";

export interface DestinationDescription {
  regime: RegimeId | null;
  /** Destination inside the exporter's regime area (or bridged): no restricted transfer. */
  insideArea: boolean;
  /** Set when `insideArea` comes from a bridge (EU→UK TCA). */
  bridge: boolean;
  /** An adequacy decision covers this recipient (for the US: with its certification). */
  adequate: boolean;
  adequacy: { id: string; instrument: string; scope: "full" | "partial"; scopeText: string } | null;
  /** The framework a US recipient must be certified under for the adequacy decision to apply. */
  requiresCertification: FrameworkId | null;
  certified: boolean;
  /** Neither inside the area nor adequate: an Art. 46 safeguard (or Art. 49 derogation) is needed. */
  thirdCountry: boolean;
  summary: string;
}

/**
 * Describes a destination for an exporter established in `exporterCountry` on `asOf`. Legal source: GDPR
 * Arts 44–45; UK GDPR Arts 44–45; FADP Art. 16(1).
 */
export function describeDestination(
  ckb: CompiledKnowledgeBase,
  input: { exporterCountry: string; destination: string; recipientCertifications?: readonly RegistryCertification[]; asOf: string },
): DestinationDescription {
  const { exporterCountry, destination, asOf } = input;
  const none: DestinationDescription = {
    regime: null, insideArea: false, bridge: false, adequate: false, adequacy: null,
    requiresCertification: null, certified: false, thirdCountry: false, summary: "",
  };
  const exporterArea = findExporterArea(ckb, exporterCountry, asOf);
  const regime = exporterArea?.entry.regime ?? null;
  if (regime === null || exporterArea === null) return { ...none, summary: `An exporter in ${exporterCountry} is under none of the EU, UK or Swiss transfer regimes.` };
  const era = asOf >= exporterArea.currentLawFrom ? CURRENT_LAW : FORMER_LAW;
  const area = findDestinationArea(ckb, regime, destination, asOf);
  if (area !== null) return { ...none, regime, insideArea: true, bridge: !area.coversExporters, summary: area.reason[era] };
  const decision = findAdequacyDecision(ckb, regime, destination, asOf);
  if (decision === null) {
    return { ...none, regime, thirdCountry: true, summary: `${destination} is a third country without an adequacy decision of the ${REGIME_LABELS[regime]} on this date: a safeguard is needed.` };
  }
  const adequacy = { id: decision.entry.id, instrument: decision.entry.instrument, scope: decision.entry.scope, scopeText: decision.entry.scopeText };
  if (decision.framework === null) {
    return { ...none, regime, adequate: true, adequacy, summary: `${decision.reason[era]}.` };
  }
  const certified = findCoveringCertification(decision, input.recipientCertifications, asOf) !== null;
  const framework = decision.framework.entry.framework;
  return {
    ...none, regime, adequate: certified, adequacy, requiresCertification: framework, certified, thirdCountry: !certified,
    summary: certified
      ? `${decision.reason[era]}; the recipient is certified under the ${FRAMEWORK_LABELS[framework]}.`
      : `${decision.reason[era]}; the recipient must be certified under the ${FRAMEWORK_LABELS[framework]}, otherwise a safeguard is needed.`,
  };
}

export interface SafeguardSuggestion {
  type: "scc" | "uk_idta" | "bcr";
  version?: SccVersion;
  modules?: number[];
  ukAddendum?: boolean;
  swissAdaptations?: boolean;
  label: string;
}

/**
 * Safeguard types that fit a regime and roles, best first. Legal source: Decision (EU) 2021/914 modules
 * 1–4; ICO IDTA and Addendum (UK GDPR Art. 46(2)(d)); FDPIC recognition of the EU SCCs with Swiss
 * adaptations; BCR (GDPR Art. 47) for intra-group transfers.
 */
export function suggestSafeguardTypes(regime: RegimeId, exporterRole: PartyRole, recipientRole: PartyRole): SafeguardSuggestion[] {
  const moduleNumber = MODULE_FOR_ROLES[exporterRole][recipientRole];
  const moduleLabel = `Module ${moduleNumber} (${exporterRole}-to-${recipientRole})`;
  const bcr: SafeguardSuggestion = { type: "bcr", label: `Binding corporate rules (BCR-${exporterRole === "controller" ? "C" : "P"}), intra-group only` };
  if (regime === "UK") {
    return [
      { type: "uk_idta", label: "ICO International Data Transfer Agreement (IDTA)" },
      { type: "scc", version: "2021/914", modules: [moduleNumber], ukAddendum: true, label: `EU SCCs 2021/914 ${moduleLabel} with the ICO UK Addendum` },
      bcr,
    ];
  }
  if (regime === "CH") {
    return [{ type: "scc", version: "2021/914", modules: [moduleNumber], swissAdaptations: true, label: `EU SCCs 2021/914 ${moduleLabel} with the FDPIC's Swiss adaptations` }, bcr];
  }
  return [{ type: "scc", version: "2021/914", modules: [moduleNumber], label: `SCCs 2021/914 ${moduleLabel}` }, bcr];
}
