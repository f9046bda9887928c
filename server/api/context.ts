import { getDb, prepared } from "@/db/client";
import { getAuth } from "@/server/auth/auth";
import { isRole } from "@/server/auth/permissions";
import type { Context, SessionUser } from "./trpc";

/**
 * Which user is behind a session cookie, remembered per cookie until any user or session changes: triggers bump
 * `auth_revision` on every sign-in, sign-out, role change, deactivation and password change (migration 0006),
 * and an entry is also dropped when its session expires. Every request of a signed-in user otherwise costs a
 * session lookup in better-auth; this turns it into one indexed read of a single row.
 */
const sessions = new Map<string, { revision: number; user: SessionUser | null; until: number }>();
const SESSION_CACHE_SIZE = 1000;
const SESSION_CACHE_MS = 60_000;

function authRevision(): number {
  return (prepared(getDb(), "SELECT revision FROM auth_revision WHERE id = 1").get() as { revision: number } | undefined)?.revision ?? -1;
}

/** The signed-in user behind a request's cookies, or null. Deactivated users count as signed out. */
export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const cookie = headers.get("cookie");
  if (!cookie || !cookie.includes("session_token")) return null;
  const revision = authRevision();
  const now = Date.now();
  const hit = sessions.get(cookie);
  if (hit && hit.revision === revision && now < hit.until) return hit.user;

  const result = await getAuth().api.getSession({ headers });
  let user: SessionUser | null = null;
  let until = now + SESSION_CACHE_MS;
  if (result) {
    const u = result.user as typeof result.user & { role?: unknown; active?: unknown };
    if (u.active !== false && isRole(u.role)) user = { id: u.id, email: u.email, name: u.name, role: u.role };
    until = Math.min(until, new Date(result.session.expiresAt).getTime());
  }
  if (sessions.size >= SESSION_CACHE_SIZE) sessions.delete(sessions.keys().next().value!);
  sessions.set(cookie, { revision, user, until });
  return user;
}

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  return { db: getDb(), user: await sessionUserFromHeaders(opts.headers) };
}
