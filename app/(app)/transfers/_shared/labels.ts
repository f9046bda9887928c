import { BASIS_TYPE_LABELS } from "@/server/domain/labels";
import type { Basis } from "@/server/domain/rules";

export { ISSUE_LABELS, REGIME_LABELS } from "@/app/_components/labels";

export function roleArrow(exporterRole: string, recipientRole: string): string {
  // "controller" → "Controller"
  const w = (r: string) => r.charAt(0).toUpperCase() + r.slice(1);
  return `${w(exporterRole)} → ${w(recipientRole)}`;
}

/** What a basis entry rests on, in words: its kind and its official reference (never its internal id). */
export function basisLabel(b: Pick<Basis, "type"> & Partial<Pick<Basis, "citation">>): string {
  const kind = BASIS_TYPE_LABELS[b.type] ?? "Basis";
  return b.citation ? `${kind}: ${b.citation}` : kind;
}
