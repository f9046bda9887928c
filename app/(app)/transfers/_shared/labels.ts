import { BASIS_TYPE_LABELS } from "@/server/domain/labels";
import type { Basis } from "@/server/domain/rules";

/** The one set of labels (server/domain/labels.ts): the checker and the verdicts use the same words. */
export { ISSUE_LABELS, REGIME_LABELS } from "@/server/domain/labels";

export function roleArrow(exporterRole: string, recipientRole: string): string {
  return `${exporterRole} → ${recipientRole}`;
}

/** What a basis entry rests on, in words: its kind and its official reference (never its internal id). */
export function basisLabel(b: Pick<Basis, "type"> & Partial<Pick<Basis, "citation">>): string {
  const kind = BASIS_TYPE_LABELS[b.type] ?? "Basis";
  return b.citation ? `${kind}: ${b.citation}` : kind;
}
