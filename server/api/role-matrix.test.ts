/**
 * The role matrix: every procedure of the app router, called as every role and
 * signed out. Allowed calls must succeed; the others must be refused with
 * FORBIDDEN (signed in, wrong role) or UNAUTHORIZED (signed out).
 *
 * A procedure added without a declared permission, or without a sample input
 * below, makes this test fail.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty, insertUser, partyFields, uniqueSuffix } from "@/db/factories";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { can, ROLES, type Access, type Role } from "@/server/auth/permissions";
import { archiveParty } from "@/server/services/parties";
import { appRouter, createCaller } from "./root";
import type { SessionUser } from "./trpc";

interface Fixtures {
  db: Db;
  party: { id: string; version: number };
  archived: { id: string; version: number };
  otherUser: { id: string };
}

function setup(): Fixtures {
  const db = createTestDb();
  const party = insertParty(db, { name: "Matrix Hosting Inc." });
  const toArchive = insertParty(db, { name: "Matrix Archived Ltd" });
  const archived = archiveParty(db, SYSTEM_ACTOR, { id: toArchive.id, version: toArchive.version });
  const otherUser = insertUser(db, "auditor");
  return { db, party, archived, otherUser };
}

/** A valid input for each procedure, so that an allowed call can succeed. */
const SAMPLE_INPUTS: Record<string, (f: Fixtures) => unknown> = {
  "party.list": () => ({ search: "Matrix" }),
  "party.byId": (f) => ({ id: f.party.id }),
  "party.history": (f) => ({ id: f.party.id }),
  "party.create": () => partyFields({ name: `Created ${uniqueSuffix()}` }),
  "party.update": (f) => ({ id: f.party.id, version: f.party.version, fields: partyFields({ name: "Matrix Hosting Renamed" }) }),
  "party.archive": (f) => ({ id: f.party.id, version: f.party.version }),
  "party.restore": (f) => ({ id: f.archived.id, version: f.archived.version }),
  "category.list": () => undefined,
  "audit.list": () => ({}),
  "audit.facets": () => undefined,
  "user.me": () => undefined,
  "user.list": () => undefined,
  "user.create": () => ({ name: "New User", email: `new-${uniqueSuffix()}@example.test`, role: "auditor", password: "correct horse battery" }),
  "user.update": (f) => ({ id: f.otherUser.id, name: "Renamed", role: "procurement", active: true }),
  "user.setPassword": (f) => ({ id: f.otherUser.id, password: "another long password" }),
};

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>);

function callerFor(db: Db, user: SessionUser | null) {
  return createCaller({ db, user });
}

async function call(db: Db, user: SessionUser | null, path: string, input: unknown) {
  const caller = callerFor(db, user) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
  const [ns, name] = path.split(".") as [string, string];
  return caller[ns]![name]!(input);
}

function expectedFor(access: Access, role: Role | null): "ok" | "FORBIDDEN" | "UNAUTHORIZED" {
  if (access === "public") return "ok";
  if (role === null) return "UNAUTHORIZED";
  if (access === "authenticated") return "ok";
  return can(role, access) ? "ok" : "FORBIDDEN";
}

describe("role matrix", () => {
  it("finds the procedures of the app router", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(Object.keys(SAMPLE_INPUTS).length);
  });

  it.each(procedures.map(([path]) => path))("%s declares its permission and has a sample input", (path) => {
    const proc = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access } } }>;
    expect(proc[path]!._def.meta?.access, `${path} has no declared permission`).toBeTruthy();
    expect(SAMPLE_INPUTS[path], `${path} has no sample input in role-matrix.test.ts`).toBeTypeOf("function");
  });

  const cases = procedures.flatMap(([path, proc]) =>
    [...ROLES, null].map((role) => ({ path, role, access: proc._def.meta?.access })),
  );

  it.each(cases)("$path as $role", async ({ path, role, access }) => {
    expect(access, `${path} declares no permission`).toBeTruthy();
    const f = setup();
    const user = role ? { ...insertUser(f.db, role), role } : null;
    const expected = expectedFor(access!, role);
    const input = SAMPLE_INPUTS[path]?.(f);
    const outcome = await call(f.db, user, path, input).then(
      () => "ok",
      (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected error: ${String(e)}`),
    );
    expect(outcome).toBe(expected);
  });
});
