/**
 * Roles and permissions as data. One table says which roles may perform each
 * action; `can()` is the single check used by tRPC procedures, download routes
 * and the UI (which hides what a role cannot do).
 *
 * To add an action: add a row here, use it in a procedure's `protectedProcedure(...)`,
 * add a sample input for the procedure in server/api/samples/, and add the action's row, from the
 * README's role descriptions, to SPEC in server/api/role-matrix.test.ts.
 */
export const ROLES = ["admin", "procurement", "dpo", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  procurement: "Procurement",
  dpo: "Data protection officer",
  auditor: "Auditor",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Manages users and settings; reads everything; downloads the full registry export.",
  procurement: "Registers and edits parties, transfers, safeguards, certifications and TIAs, one by one or by import (registry file, CSV of parties); uploads signed contracts; comments on flags.",
  dpo: "Everything procurement can, plus the knowledge base, the audit log, the review of flags (owners, states, accepted risks), what-if scenarios, requests for a copy of the safeguards and the privacy notice.",
  auditor: "Reads everything, changes nothing.",
};

const EVERYONE: readonly Role[] = ROLES;
const EDITORS: readonly Role[] = ["procurement", "dpo"];

/** The permission table: action → roles allowed. */
export const PERMISSIONS = {
  "party.read": EVERYONE,
  "party.create": EDITORS,
  "party.update": EDITORS,
  "party.archive": EDITORS,
  "category.read": EVERYONE,
  "category.manage": ["admin", "dpo"],
  "transfer.read": EVERYONE,
  "transfer.create": EDITORS,
  "transfer.update": EDITORS,
  "transfer.archive": EDITORS,
  "safeguard.read": EVERYONE,
  "safeguard.create": EDITORS,
  "safeguard.update": EDITORS,
  "safeguard.archive": EDITORS,
  "certification.manage": EDITORS,
  "tia.manage": EDITORS,
  "kb.read": EVERYONE,
  "kb.edit": ["admin", "dpo"],
  "registry.export": EVERYONE,
  "registry.import": EDITORS,
  "audit.read": ["admin", "dpo", "auditor"],
  "user.read": ["admin"],
  "user.manage": ["admin"],
  /** What-if scenarios: everyone reads them and their results; only the DPO saves, changes or deletes one. */
  "scenario.read": EVERYONE,
  "scenario.manage": ["dpo"],
  "notice.read": ["admin", "dpo", "auditor"],
  "notice.manage": ["dpo"],
  "request.read": ["admin", "dpo", "auditor"],
  "request.manage": ["dpo"],
  "file.read": EVERYONE,
  "file.upload": EDITORS,
  "party.import": EDITORS,
  "registry.export_full": ["admin"],
  "flag.read": EVERYONE,
  "flag.review": ["dpo"],
  "flag.comment": EDITORS,
  "reminders.read": EVERYONE,
  "reminders.configure": ["admin", "procurement", "dpo"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/**
 * Access levels a procedure can declare instead of an action: `public` needs no
 * session (the sign-in page), `authenticated` needs any signed-in user.
 */
export type Access = Action | "public" | "authenticated";

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** May `role` perform `action`? Unknown roles may do nothing. */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role) return false;
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Every action the role may perform (sent to the UI once per session). */
export function permissionsOf(role: Role): Action[] {
  return ACTIONS.filter((a) => can(role, a));
}
