import type { Basis } from "@/server/domain/rules";

export { ISSUE_LABELS } from "@/app/_components/labels";

export const REGIME_LABELS: Record<string, string> = { EU: "EU GDPR", UK: "UK GDPR", CH: "Swiss FADP" };

export function roleArrow(exporterRole: string, recipientRole: string): string {
  // "controller" → "Controller"
  const w = (r: string) => r.charAt(0).toUpperCase() + r.slice(1);
  return `${w(exporterRole)} → ${w(recipientRole)}`;
}

export function basisLabel(b: Basis): string {
  const kinds: Record<string, string> = { adequacy: "Adequacy decision", area: "Inside the area", bridge: "Bridge", derogation: "Derogation" };
  return `${kinds[b.type] ?? b.type.toUpperCase()} · ${b.ref}`;
}
