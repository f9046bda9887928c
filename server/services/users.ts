/**
 * User administration. Passwords are hashed with better-auth's own hasher
 * (scrypt), then the user, its credential account and the audit row are
 * written in one synchronous transaction.
 */
import crypto from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { account, session, user } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { passwordProblem } from "@/server/auth/password-policy";
import type { Role } from "@/server/auth/permissions";
import { AppError, notFound } from "@/server/errors";
import { createUserSchema, type CreateUserInput } from "@/server/schemas/user";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

const summary = (u: typeof user.$inferSelect): UserSummary => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role as Role,
  active: u.active,
  createdAt: u.createdAt,
});

export function listUsers(db: Db): UserSummary[] {
  return db.select().from(user).orderBy(asc(user.email)).all().map(summary);
}

function getUser(db: Pick<Db, "select">, id: string) {
  const u = db.select().from(user).where(eq(user.id, id)).get();
  if (!u) throw notFound("User", id);
  return u;
}

/** Refuses a password that is too short or too easy to guess (zxcvbn), naming the reason. */
function assertStrongPassword(password: string, userInputs: string[]): void {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw new AppError("BAD_REQUEST", problem, { password: problem });
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserSummary> {
  const data = createUserSchema.parse(input);
  assertStrongPassword(data.password, [data.email, data.name]);
  const hash = await hashPassword(data.password);
  return db.transaction((tx) => {
    if (tx.select({ id: user.id }).from(user).where(eq(user.email, data.email)).get()) {
      throw new AppError("CONFLICT", `A user with e-mail ${data.email} already exists.`, { email: "This e-mail is already in use." });
    }
    const id = crypto.randomUUID();
    const now = new Date();
    tx.insert(user)
      .values({ id, name: data.name, email: data.email, emailVerified: true, role: data.role, active: true, createdAt: now, updatedAt: now })
      .run();
    tx.insert(account)
      .values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash, createdAt: now, updatedAt: now })
      .run();
    const created = summary(getUser(tx, id));
    recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: id, before: null, after: created });
    return created;
  });
}

export function updateUser(db: Db, actor: Actor, input: { id: string; name: string; role: Role; active: boolean }): UserSummary {
  return db.transaction((tx) => {
    const before = summary(getUser(tx, input.id));
    if (actor.kind === "user" && actor.id === input.id && (input.role !== "admin" || !input.active)) {
      throw new AppError("BAD_REQUEST", "You cannot remove your own administrator role or deactivate yourself.");
    }
    tx.update(user).set({ name: input.name, role: input.role, active: input.active, updatedAt: new Date() }).where(eq(user.id, input.id)).run();
    // A role change or deactivation takes effect at once: end the user's sessions.
    if (before.role !== input.role || (before.active && !input.active)) {
      tx.delete(session).where(eq(session.userId, input.id)).run();
    }
    const after = summary(getUser(tx, input.id));
    recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: input.id, before, after });
    return after;
  });
}

export async function setUserPassword(db: Db, actor: Actor, input: { id: string; password: string }): Promise<void> {
  const target = summary(getUser(db, input.id));
  assertStrongPassword(input.password, [target.email, target.name]);
  const hash = await hashPassword(input.password);
  db.transaction((tx) => {
    const u = summary(getUser(tx, input.id));
    const result = tx
      .update(account)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(account.userId, input.id), eq(account.providerId, "credential")))
      .run();
    if (result.changes === 0) {
      const now = new Date();
      tx.insert(account)
        .values({ id: crypto.randomUUID(), accountId: input.id, providerId: "credential", userId: input.id, password: hash, createdAt: now, updatedAt: now })
        .run();
    }
    tx.delete(session).where(eq(session.userId, input.id)).run();
    // The audit row records that the password changed, never the password or its hash.
    recordAudit(tx, actor, { action: "user.set_password", entityType: "user", entityId: input.id, before: { email: u.email }, after: { email: u.email, passwordChanged: true } });
  });
}
