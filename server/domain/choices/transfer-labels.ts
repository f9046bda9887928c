/**
 * Transfer choices and their labels: plain constants without zod, safe to import from client components
 * (the zod schemas in ./transfer.ts validate on the server and re-export these).
 */
import { FREQUENCIES } from "@/server/domain/registry/types";
import { PARTY_ID_PATTERN } from "./party-labels";

export { FREQUENCIES };

export const PARTY_ROLES = ["controller", "processor"] as const;
export const PARTY_ROLE_LABELS: Record<(typeof PARTY_ROLES)[number], string> = { controller: "Controller", processor: "Processor" };

export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  continuous: "Continuous (regular, repetitive)",
  occasional: "Occasional (non-repetitive)",
};

export const DATA_SUBJECTS = ["customers", "prospects", "employees", "website_visitors", "healthcare_professionals", "event_attendees"] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];
export const DATA_SUBJECT_LABELS: Record<DataSubject, string> = {
  customers: "Customers",
  prospects: "Prospects",
  employees: "Employees",
  website_visitors: "Website visitors",
  healthcare_professionals: "Healthcare professionals",
  event_attendees: "Event attendees",
};

/** Registry ids for transfers and safeguards: the same pattern as party ids (transfer-registry/v1). */
export const REGISTRY_ID_PATTERN = PARTY_ID_PATTERN;

export const TRANSFER_SORTS = ["id", "exporter", "recipient", "destination", "start", "status", "updatedAt"] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];
