import {
  ADVISER_TYPE_LABELS,
  CCPA_ROLE_LABELS,
  RELATIONSHIP_LABELS,
  SERVICE_CATEGORY_LABELS,
  type AdviserType,
  type CcpaRole,
  type Relationship,
  type ServiceCategory,
} from "@/server/domain/choices/party-labels";

export function relationshipLabel(p: { relationship: string; serviceCategory?: string | null; adviserType?: string | null }): string {
  const base = RELATIONSHIP_LABELS[p.relationship as Relationship] ?? p.relationship;
  if (p.serviceCategory) return `${base} · ${SERVICE_CATEGORY_LABELS[p.serviceCategory as ServiceCategory] ?? p.serviceCategory}`;
  if (p.adviserType) return `${base} · ${ADVISER_TYPE_LABELS[p.adviserType as AdviserType] ?? p.adviserType}`;
  return base;
}

export function ccpaRoleLabel(role: string | null): string {
  return role ? (CCPA_ROLE_LABELS[role as CcpaRole] ?? role) : "Not set";
}

export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
