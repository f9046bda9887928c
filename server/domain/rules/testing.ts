/**
 * Test factories: a one-transfer registry document from a few facts, evaluated on a date. Used by the
 * table-driven rule tests (here and in db/reference) so each case states only what matters for its boundary.
 */
import type { PartyRole } from "../kb/types";
import type {
  AdequacyScopeAnswer,
  Frequency,
  RegistryCertification,
  RegistryDocument,
  RegistrySafeguard,
  RegistryTia,
  RegistryTransfer,
} from "../registry/types";
import type { CompiledKnowledgeBase } from "./compile-kb";
import { createEvaluationContext } from "./context";
import { evaluateTransfer } from "./evaluate-transfer";
import type { Verdict } from "./types";

/** A safeguard without its id and party list: the factory binds it to the scenario's exporter and recipient. */
export type SafeguardSpec =
  | (Omit<Extract<RegistrySafeguard, { type: "scc" }>, "id" | "parties"> & { parties?: string[] })
  | (Omit<Extract<RegistrySafeguard, { type: "uk_idta" }>, "id" | "parties"> & { parties?: string[] })
  | (Omit<Extract<RegistrySafeguard, { type: "bcr" }>, "id" | "members"> & { members?: string[] })
  | Omit<Extract<RegistrySafeguard, { type: "code_of_conduct" | "certification" | "ad_hoc_clauses" }>, "id">
  | Omit<Extract<RegistrySafeguard, { type: "derogation" }>, "id">;

export interface Scenario {
  exporterCountry: string;
  destination: string;
  recipientCountry?: string;
  exporterRole?: PartyRole;
  recipientRole?: PartyRole;
  certifications?: RegistryCertification[];
  safeguards?: SafeguardSpec[];
  start?: string;
  end?: string | null;
  frequency?: Frequency;
  tia?: RegistryTia | null;
  hrData?: boolean;
  adequacyScope?: AdequacyScopeAnswer;
}

export const SCENARIO_EXPORTER = "exporter";
export const SCENARIO_RECIPIENT = "recipient";

function bindSafeguard(spec: SafeguardSpec, index: number): RegistrySafeguard {
  const id = `sg-${index + 1}`;
  const both = [SCENARIO_EXPORTER, SCENARIO_RECIPIENT];
  if (spec.type === "scc" || spec.type === "uk_idta") return { ...spec, id, parties: spec.parties ?? both } as RegistrySafeguard;
  if (spec.type === "bcr") return { ...spec, id, members: spec.members ?? both };
  return { ...spec, id } as RegistrySafeguard;
}

/** Builds a registry document with one exporter, one recipient and one transfer. */
export function createScenarioDocument(s: Scenario): { doc: RegistryDocument; transfer: RegistryTransfer } {
  const safeguards = (s.safeguards ?? []).map(bindSafeguard);
  const transfer: RegistryTransfer = {
    id: "transfer",
    exporter: SCENARIO_EXPORTER,
    recipient: SCENARIO_RECIPIENT,
    destination: s.destination,
    exporterRole: s.exporterRole ?? "controller",
    recipientRole: s.recipientRole ?? "processor",
    start: s.start ?? "2000-01-01",
    end: s.end ?? null,
    frequency: s.frequency ?? "continuous",
    safeguards: safeguards.map((sg) => sg.id),
    tia: s.tia === undefined ? { completed: "2000-01-01", nextReview: null } : s.tia,
    ...(s.hrData === undefined ? {} : { hrData: s.hrData }),
    ...(s.adequacyScope === undefined ? {} : { adequacyScope: s.adequacyScope }),
  };
  const doc: RegistryDocument = {
    format: "transfer-registry/v1",
    parties: [
      { id: SCENARIO_EXPORTER, name: "Exporter", relationship: "affiliate", country: s.exporterCountry },
      {
        id: SCENARIO_RECIPIENT, name: "Recipient", relationship: "service_provider",
        country: s.recipientCountry ?? (s.destination.startsWith("org:") ? "DE" : s.destination),
        ...(s.certifications ? { certifications: s.certifications } : {}),
      },
    ],
    safeguards,
    transfers: [transfer],
  };
  return { doc, transfer };
}

/** Evaluates a scenario on `asOf`. */
export function evaluateScenario(ckb: CompiledKnowledgeBase, s: Scenario, asOf: string): Verdict {
  const { doc, transfer } = createScenarioDocument(s);
  return evaluateTransfer(createEvaluationContext(doc, ckb), transfer, asOf);
}
