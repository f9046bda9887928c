/**
 * The role matrix: every procedure of the app router, called as every role and
 * signed out. Allowed calls must succeed; the others must be refused with
 * FORBIDDEN (signed in, wrong role) or UNAUTHORIZED (signed out).
 *
 * A procedure added without a declared permission, or without a sample input
 * in ./samples (one file per router), makes this test fail.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/db/factories";
import { createTestDb } from "@/db/testing";
import { can, ROLES, type Access, type Role } from "@/server/auth/permissions";
import { appRouter, createCaller } from "./root";
import { SAMPLE_INPUTS } from "./samples";
import type { SessionUser } from "./trpc";

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
    expect(SAMPLE_INPUTS[path], `${path} has no sample input in server/api/samples`).toBeTypeOf("function");
  });

  const cases = procedures.flatMap(([path, proc]) =>
    [...ROLES, null].map((role) => ({ path, role, access: proc._def.meta?.access })),
  );

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
