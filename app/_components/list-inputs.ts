/**
 * The query inputs of the list pages, built from their URL state. Used by the client components (from
 * `useUrlState`) and by the server pages that prefetch the same queries (from `searchParams`): the same input
 * gives the same query key, so a directly loaded page arrives with its data and the client does not fetch again.
 * Pure; no zod and no server code (it is part of the browser bundle).
 */
import { isValidIsoDate } from "@/server/domain/dates";
import type { ISSUE_CODES, STATUSES } from "@/server/domain/rules/types";
import { REMINDER_KINDS, type ReminderKind } from "@/server/domain/reminders";
import { PARTY_SORTS, PARTY_STATUS_FILTERS, type RELATIONSHIPS, type SERVICE_CATEGORIES } from "@/server/domain/choices/party-labels";
import { SAFEGUARD_SORTS, type SafeguardSort, type SafeguardType } from "@/server/domain/choices/safeguard-labels";
import { TRANSFER_SORTS, type TransferSort } from "@/server/domain/choices/transfer-labels";

export const LIST_PAGE_SIZE = 20;

const isDate = (s: string) => isValidIsoDate(s);
const pageOf = (s: string) => Math.max(1, Math.floor(Number(s)) || 1);

/** The URL state of a page: every key of `defaults`, overridden by the search parameters that are present. */
export function urlStateFrom<T extends Record<string, string>>(defaults: T, searchParams: Record<string, string | string[] | undefined>): T {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    const v = searchParams[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined) (out as Record<string, string>)[key] = value;
  }
  return out;
}

export const TRANSFER_LIST_DEFAULTS = {
  q: "",
  exporter: "",
  recipient: "",
  destination: "",
  regime: "",
  status: "",
  issue: "",
  exporterCountry: "",
  archived: "active",
  asOf: "",
  sort: "status",
  dir: "desc",
  page: "1",
};

export function transferListInput(state: typeof TRANSFER_LIST_DEFAULTS) {
  return {
    search: state.q || undefined,
    exporterId: state.exporter || undefined,
    recipientId: state.recipient || undefined,
    destination: state.destination || undefined,
    exporterCountry: state.exporterCountry || undefined,
    regime: (state.regime || undefined) as "EU" | "UK" | "CH" | "none" | undefined,
    status: (state.status || undefined) as (typeof STATUSES)[number] | undefined,
    issue: (state.issue || undefined) as (typeof ISSUE_CODES)[number] | undefined,
    archived: state.archived as "active" | "archived" | "all",
    asOf: isDate(state.asOf) ? state.asOf : undefined,
    sort: ((TRANSFER_SORTS as readonly string[]).includes(state.sort) ? state.sort : "status") as TransferSort,
    dir: (state.dir === "asc" ? "asc" : "desc") as "asc" | "desc",
    page: pageOf(state.page),
    pageSize: LIST_PAGE_SIZE,
  };
}

export const PARTY_LIST_DEFAULTS = { q: "", relationship: "", country: "", category: "", status: "", archived: "active", sort: "name", dir: "asc", page: "1", asOf: "" };

export function partyListInput(state: typeof PARTY_LIST_DEFAULTS) {
  return {
    search: state.q || undefined,
    relationship: (state.relationship || undefined) as (typeof RELATIONSHIPS)[number] | undefined,
    country: state.country || undefined,
    serviceCategory: (state.category || undefined) as (typeof SERVICE_CATEGORIES)[number] | undefined,
    archived: state.archived as "active" | "archived" | "all",
    status: (PARTY_STATUS_FILTERS as readonly string[]).includes(state.status) ? (state.status as (typeof PARTY_STATUS_FILTERS)[number]) : undefined,
    sort: ((PARTY_SORTS as readonly string[]).includes(state.sort) ? state.sort : "name") as (typeof PARTY_SORTS)[number],
    dir: (state.dir === "desc" ? "desc" : "asc") as "asc" | "desc",
    page: pageOf(state.page),
    pageSize: LIST_PAGE_SIZE,
    asOf: isDate(state.asOf) ? state.asOf : undefined,
  };
}

export const SAFEGUARD_LIST_DEFAULTS = { q: "", type: "", party: "", archived: "active", sort: "title", dir: "asc", page: "1", asOf: "" };

export function safeguardListInput(state: typeof SAFEGUARD_LIST_DEFAULTS) {
  return {
    search: state.q || undefined,
    type: (state.type || undefined) as SafeguardType | undefined,
    partyId: state.party || undefined,
    archived: state.archived as "active" | "archived" | "all",
    sort: ((SAFEGUARD_SORTS as readonly string[]).includes(state.sort) ? state.sort : "title") as SafeguardSort,
    dir: (state.dir === "desc" ? "desc" : "asc") as "asc" | "desc",
    page: pageOf(state.page),
    pageSize: LIST_PAGE_SIZE,
    asOf: isDate(state.asOf) ? state.asOf : undefined,
  };
}

export const OVERVIEW_DEFAULTS = { asOf: "" };

export function overviewInput(state: typeof OVERVIEW_DEFAULTS): { asOf?: string } {
  return isDate(state.asOf) ? { asOf: state.asOf } : {};
}

export const REMINDER_KIND_CODES: readonly ReminderKind[] = REMINDER_KINDS;
export const REMINDER_PAGE_SIZE = 25;
export const REMINDER_LIST_DEFAULTS = { kind: "", asOf: "", page: "1" };

/** The reminders inbox (server/services/reminders.ts listReminders). */
export function reminderListInput(state: typeof REMINDER_LIST_DEFAULTS) {
  return {
    kind: ((REMINDER_KIND_CODES as readonly string[]).includes(state.kind) ? state.kind : undefined) as ReminderKind | undefined,
    asOf: isDate(state.asOf) ? state.asOf : undefined,
    page: pageOf(state.page),
    pageSize: REMINDER_PAGE_SIZE,
  };
}

export const AUDIT_PAGE_SIZE = 25;
export const AUDIT_LIST_DEFAULTS = { actor: "", action: "", entityType: "", entityId: "", from: "", to: "", page: "1" };

/** The audit log page (server/services/audit.ts listAudit) and its export. */
export function auditListInput(state: typeof AUDIT_LIST_DEFAULTS) {
  return {
    actor: state.actor || undefined,
    action: state.action || undefined,
    entityType: state.entityType || undefined,
    entityId: state.entityId || undefined,
    from: state.from || undefined,
    to: state.to || undefined,
    page: pageOf(state.page),
    pageSize: AUDIT_PAGE_SIZE,
  };
}
