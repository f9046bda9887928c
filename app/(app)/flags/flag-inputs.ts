/**
 * The flags page's URL state and the query input built from it, shared by the server page (prefetch) and the
 * client list, so a directly loaded page arrives with its data. Pure; no zod (browser bundle).
 */
import type { FlagCode } from "@/server/domain/flag-types";

export const FLAG_LIST_DEFAULTS = {
  severity: "",
  regime: "",
  country: "",
  party: "",
  code: "",
  owner: "",
  mine: "",
  state: "active",
  sort: "severity",
  asOf: "",
  page: "1",
};

export const FLAG_PAGE_SIZE = 20;
const STATES = ["active", "open", "in_remediation", "resolved", "risk_accepted", "all"] as const;
const SORTS = ["severity", "due", "transfer"] as const;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function flagListInput(state: typeof FLAG_LIST_DEFAULTS) {
  return {
    severity: (state.severity === "error" || state.severity === "warning" ? state.severity : undefined) as "error" | "warning" | undefined,
    regime: (["EU", "UK", "CH"].includes(state.regime) ? state.regime : undefined) as "EU" | "UK" | "CH" | undefined,
    country: /^[A-Z]{2}$/.test(state.country) ? state.country : undefined,
    partyId: state.party || undefined,
    code: (state.code || undefined) as FlagCode | undefined,
    ownerId: state.owner || undefined,
    mine: state.mine === "1",
    state: ((STATES as readonly string[]).includes(state.state) ? state.state : "active") as (typeof STATES)[number],
    sort: ((SORTS as readonly string[]).includes(state.sort) ? state.sort : "severity") as (typeof SORTS)[number],
    asOf: isDate(state.asOf) ? state.asOf : undefined,
    page: Math.max(1, Math.floor(Number(state.page)) || 1),
    pageSize: FLAG_PAGE_SIZE,
  };
}
