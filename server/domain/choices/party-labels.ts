/**
 * Party choices and their labels: plain constants without zod, safe to import from client components
 * (the zod schemas in ./party.ts validate on the server and re-export these).
 */
export const RELATIONSHIPS = [
  "affiliate",
  "service_provider",
  "reseller",
  "advertising_partner",
  "professional_adviser",
  "other",
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  affiliate: "Affiliate (group entity)",
  service_provider: "Service provider",
  reseller: "Reseller",
  advertising_partner: "Advertising partner",
  professional_adviser: "Professional adviser",
  other: "Other",
};

export const SERVICE_CATEGORIES = ["marketing", "analytics", "it_hosting", "payment", "customer_support", "other"] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  marketing: "Marketing",
  analytics: "Analytics",
  it_hosting: "IT hosting",
  payment: "Payment",
  customer_support: "Customer support",
  other: "Other service",
};

export const ADVISER_TYPES = ["accountant", "attorney", "consultant"] as const;
export type AdviserType = (typeof ADVISER_TYPES)[number];
export const ADVISER_TYPE_LABELS: Record<AdviserType, string> = {
  accountant: "Accountant",
  attorney: "Attorney",
  consultant: "Consultant",
};

/** CCPA roles, Cal. Civ. Code §1798.140 (j), (ag), (ai). */
export const CCPA_ROLES = ["service_provider", "contractor", "third_party"] as const;
export type CcpaRole = (typeof CCPA_ROLES)[number];
export const CCPA_ROLE_LABELS: Record<CcpaRole, string> = {
  service_provider: "Service provider",
  contractor: "Contractor",
  third_party: "Third party",
};

/** Registry ids (transfer-registry/v1): lower-case letters, digits, `.`, `_`, `-`; 1–64 characters. */
export const PARTY_ID_PATTERN = /^[a-z0-9._-]{1,64}$/;

export const PARTY_SORTS = ["name", "country", "relationship", "status", "updatedAt"] as const;

/** Worst-status filter values: a transfer status, or `none` for parties without live transfers. */
export const PARTY_STATUS_FILTERS = ["unsafeguarded", "derogation", "safeguarded", "adequate", "not_restricted", "inactive", "none"] as const;
