import { getDb } from "@/db/client";
import { getAuth } from "@/server/auth/auth";
import { isRole } from "@/server/auth/permissions";
import type { Context, SessionUser } from "./trpc";

/** The signed-in user behind a request's cookies, or null. Deactivated users count as signed out. */
export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  const result = await getAuth().api.getSession({ headers });
  if (!result) return null;
  const u = result.user as typeof result.user & { role?: unknown; active?: unknown };
  if (u.active === false || !isRole(u.role)) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  return { db: getDb(), user: await sessionUserFromHeaders(opts.headers) };
}
