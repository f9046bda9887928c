/**
 * The role matrix, written from the specification (README: the roles at the top, "Demo accounts",
 * "What is in the app"), not from `can()`: a wrong row in the permission table
 * (server/auth/permissions.ts) fails here.
 *
 * 1. SPEC below is a literal table action × role → allowed, each row citing the README sentence it
 *    comes from. It must list exactly the actions of the permission table, and `can()` must agree
 *    with it for every role.
 * 2. Every procedure of the app router is called as every role and signed out, with the sample
 *    input from ./samples; the expected outcome comes from SPEC: allowed calls succeed, the others
 *    are refused with FORBIDDEN (signed in, wrong role) or UNAUTHORIZED (signed out). A procedure
 *    without a declared permission, with an action SPEC does not list, or without a sample input
 *    fails.
 *
 * Where the README says nothing or disagrees with itself, the row says so ("README silent" /
 * "README inconsistent"); those rows are the product owner's to confirm.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/server/testing/factories";
import { createTestDb } from "@/db/testing";
import { ACTIONS, can, ROLES, type Access, type Role } from "@/server/auth/permissions";
import { appRouter, createCaller } from "./root";
import { SAMPLE_INPUTS } from "./samples";
import type { SessionUser } from "./trpc";

type Row = readonly [admin: boolean, procurement: boolean, dpo: boolean, auditor: boolean, source: string];
const Y = true;
const N = false;

// README: "admin: users and settings, reads everything"; "procurement: registers and edits parties, transfers,
// safeguards, certifications, TIAs"; "DPO: everything procurement can, plus the knowledge base";
// "auditor: reads everything, changes nothing"; "Audit log (auditor, DPO, admin) and Users (admin)";
// "Knowledge base … the DPO and administrators edit it in the app"; procurement registers parties,
// transfers and safeguards "one by one or in bulk (registry import)".
//                                   admin procurement dpo auditor
const SPEC: Record<string, Row> = {
  "party.read": /*             */ [Y, Y, Y, Y, "every role reads the register ('reads everything'; procurement and DPO edit it)"],
  "party.create": /*           */ [N, Y, Y, N, "procurement registers parties; DPO: everything procurement can"],
  "party.update": /*           */ [N, Y, Y, N, "procurement edits parties"],
  "party.archive": /*          */ [N, Y, Y, N, "procurement edits parties (archive/restore is an edit)"],
  "category.read": /*          */ [Y, Y, Y, Y, "the data categories are read with the parties"],
  "category.manage": /*        */ [Y, N, Y, N, "README silent on data categories: admin ('settings') and DPO, as the code has it; no procedure uses it yet"],
  "transfer.read": /*          */ [Y, Y, Y, Y, "every role reads transfers and verdicts"],
  "transfer.create": /*        */ [N, Y, Y, N, "procurement registers transfers"],
  "transfer.update": /*        */ [N, Y, Y, N, "procurement edits transfers"],
  "transfer.archive": /*       */ [N, Y, Y, N, "procurement edits transfers"],
  "safeguard.read": /*         */ [Y, Y, Y, Y, "every role reads safeguards"],
  "safeguard.create": /*       */ [N, Y, Y, N, "procurement registers safeguards"],
  "safeguard.update": /*       */ [N, Y, Y, N, "procurement edits safeguards"],
  "safeguard.archive": /*      */ [N, Y, Y, N, "procurement edits safeguards"],
  "certification.manage": /*   */ [N, Y, Y, N, "procurement registers and edits certifications"],
  "tia.manage": /*             */ [N, Y, Y, N, "procurement registers and edits TIAs"],
  "kb.read": /*                */ [Y, Y, Y, Y, "every role reads the knowledge base the verdicts cite"],
  "kb.edit": /*                */ [Y, N, Y, N, "'the DPO and administrators edit it' (README inconsistent: the role table gives admin only users and settings)"],
  "registry.export": /*        */ [Y, Y, Y, Y, "export is a read: 'reads everything'"],
  "registry.import": /*        */ [N, Y, Y, N, "procurement registers 'in bulk (registry import)'; DPO: everything procurement can"],
  "audit.read": /*             */ [Y, N, Y, Y, "'Audit log (auditor, DPO, admin)'"],
  "user.read": /*              */ [Y, N, N, N, "'Users (admin)'"],
  "user.manage": /*            */ [Y, N, N, N, "'administrators manage users'"],
  "scenario.read": /*          */ [Y, Y, Y, Y, "issue 10: what-if scenarios, 'DPO-only to save (others may read)'; everyone 'reads everything'"],
  "scenario.manage": /*        */ [N, N, Y, N, "issue 10: 'The DPO describes hypothetical changes'; saving a scenario is DPO-only"],
  "notice.read": /*            */ [Y, N, Y, Y, "issue 13: the privacy notice is the DPO's; admin and auditor read it ('reads everything'), as they read the audit log; procurement does not"],
  "notice.manage": /*          */ [N, N, Y, N, "issue 13: 'the DPO may generate, check and store' notices; the auditor changes nothing, admin manages users"],
  "request.read": /*           */ [Y, N, Y, Y, "'Requests: the DPO logs and answers them; auditors and administrators read them' (requesters' personal data: not procurement's)"],
  "request.manage": /*         */ [N, N, Y, N, "'the DPO logs each request … the DPO marks [redactions] per safeguard' (issue 11)"],
  "file.read": /*              */ [Y, Y, Y, Y, "signed contracts and TIA documents are read with the safeguards and TIAs ('reads everything')"],
  "file.upload": /*            */ [N, Y, Y, N, "procurement registers and edits safeguards and TIAs, their documents included"],
  "party.import": /*           */ [N, Y, Y, N, "issue 11: bulk CSV import of parties for procurement and the DPO ('registers parties … in bulk')"],
  "registry.export_full": /*   */ [Y, N, N, N, "issue 11: the full export (contacts, internal notes) 'stays for administrators'; others get the shareable one"],
  "flag.read": /*              */ [Y, Y, Y, Y, "flags are verdicts read with their review: 'reads everything'; 'My flags for each user' (issue 10)"],
  "flag.review": /*            */ [N, N, Y, N, "'The DPO assigns an owner … moves it … risk_accepted' (issue 10)"],
  "flag.comment": /*           */ [N, Y, Y, N, "'The DPO … comments' (issue 10); procurement users own flags, so they comment too; auditors change nothing"],
  "reminders.read": /*         */ [Y, Y, Y, Y, "the reminders inbox is a read of the register ('reads everything')"],
  "reminders.configure": /*    */ [Y, Y, Y, N, "README silent on per-user settings: one's own horizon and calendar feed; 'auditor … changes nothing'"],
};

const ROLE_COLUMN: Record<Role, 0 | 1 | 2 | 3> = { admin: 0, procurement: 1, dpo: 2, auditor: 3 };
const allowedBySpec = (action: string, role: Role): boolean => SPEC[action]![ROLE_COLUMN[role]];

type ProcedureDef = { _def: { type?: string; meta?: { access?: Access } } };
const procedureMap = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
const procedures = Object.entries(procedureMap);

async function call(db: Db, user: SessionUser | null, path: string, input: unknown) {
  const caller = createCaller({ db, user }) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split(".") as [string, string];
  return caller[ns]![name]!(input);
}

function expectedFor(access: Access, role: Role | null): "ok" | "FORBIDDEN" | "UNAUTHORIZED" {
  if (access === "public") return "ok";
  if (role === null) return "UNAUTHORIZED";
  if (access === "authenticated") return "ok";
  return allowedBySpec(access, role) ? "ok" : "FORBIDDEN";
}

describe("the permission table agrees with the specification", () => {
  it("the specification lists exactly the actions of the permission table", () => {
    expect(Object.keys(SPEC).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(Object.keys(SPEC).flatMap((action) => ROLES.map((role) => ({ action, role, allowed: allowedBySpec(action, role) }))))(
    "$role may $action: $allowed",
    ({ action, role, allowed }) => {
      expect(ACTIONS).toContain(action);
      expect(can(role, action as (typeof ACTIONS)[number])).toBe(allowed);
    },
  );

  it("the auditor changes nothing: every mutation declares an action the auditor may not perform", () => {
    const mutations = procedures.filter(([, p]) => p._def.type === "mutation");
    expect(mutations.length).toBeGreaterThan(10);
    for (const [path, p] of mutations) {
      const access = p._def.meta?.access;
      expect(access === "public" || access === "authenticated", `${path} is a mutation open to every signed-in user`).toBe(false);
      expect(allowedBySpec(access as string, "auditor"), `${path} (${access}) lets the auditor change something`).toBe(false);
    }
  });
});

describe("role matrix", () => {
  it("finds the procedures of the app router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(Object.keys(SAMPLE_INPUTS).length);
  });

  it.each(procedures.map(([path]) => path))("%s declares a permission the specification lists, and has a sample input", (path) => {
    const access = procedureMap[path]!._def.meta?.access;
    expect(access, `${path} has no declared permission`).toBeTruthy();
    if (access !== "public" && access !== "authenticated") expect(Object.keys(SPEC), `${path} declares ${access}, which SPEC does not list`).toContain(access);
    expect(SAMPLE_INPUTS[path], `${path} has no sample input in server/api/samples`).toBeTypeOf("function");
  });

  const cases = procedures.flatMap(([path, proc]) => [...ROLES, null].map((role) => ({ path, role, access: proc._def.meta?.access })));

  it.each(cases)("$path as $role", async ({ path, role, access }) => {
    expect(access, `${path} declares no permission`).toBeTruthy();
    const db = createTestDb();
    const user = role ? { ...insertUser(db, role), role } : null;
    const expected = expectedFor(access!, role);
    const input = await SAMPLE_INPUTS[path]?.(db);
    const outcome = await call(db, user, path, input).then(
      () => "ok",
      (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected error: ${String(e)}`),
    );
    expect(outcome).toBe(expected);
  });
});
