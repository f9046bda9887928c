/**
 * tRPC setup.
 * 1. Context: the database and the signed-in user (if any).
 * 2. Init: superjson, zod and domain errors flattened for forms (which validate on the server only).
 * 3. Procedures: every procedure declares the access it needs in `meta.access`
 *    (an action from server/auth/permissions.ts, or `public` / `authenticated`);
 *    one middleware enforces it. A procedure without a declaration is refused
 *    (fail closed) and fails the role-matrix test.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { refusalMessage } from "@/server/auth/permission-labels";
import { can, type Access, type Role } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";

// 1. Context ---------------------------------------------------------------
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
}

export interface Meta {
  access: Access;
}

// 2. Init ------------------------------------------------------------------
const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          zodError: cause instanceof ZodError ? cause.flatten() : null,
          /** Every input issue with its path (e.g. ["fields", "start"]), so a form can put each message next to its field. */
          inputIssues: cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null,
          fieldErrors: cause instanceof AppError ? (cause.fieldErrors ?? null) : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps domain errors (AppError) to tRPC codes, in one place. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  // The database stayed locked past the busy timeout: another process (an import of a large registry runs in its
  // own, server/jobs/run-registry-job.ts) holds the write lock. Nothing was written; say so and when to retry.
  if (!result.ok && (result.error.cause as { code?: unknown } | undefined)?.code === "SQLITE_BUSY") {
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The registry is busy with a large import or another write; nothing was saved. Try again in a few seconds.", cause: result.error.cause });
  }
  return result;
});

/** Enforces the procedure's declared access before its input is even parsed. */
const enforceAccess = t.middleware(({ ctx, meta, next }) => {
  const access = meta?.access;
  if (!access) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This procedure declares no permission." });
  }
  if (access === "public") return next({ ctx: { ...ctx, actor: null } });
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (access !== "authenticated" && !can(ctx.user.role, access)) {
    throw new TRPCError({ code: "FORBIDDEN", message: refusalMessage(ctx.user.role, access) });
  }
  const actor: Actor = { kind: "user", ...ctx.user };
  return next({ ctx: { ...ctx, user: ctx.user, actor } });
});

const base = t.procedure.use(mapDomainErrors).use(enforceAccess);

// 3. Procedures ------------------------------------------------------------
/** A procedure anyone may call, signed in or not. Use sparingly. */
export const publicProcedure = base.meta({ access: "public" });

/** A procedure any signed-in user may call (e.g. "who am I"). */
export const authenticatedProcedure = base.meta({ access: "authenticated" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { ...ctx, user: ctx.user, actor: { kind: "user", ...ctx.user } as Actor } });
});

/** A procedure gated by one action of the permission table. */
export function protectedProcedure(action: Exclude<Access, "public" | "authenticated">) {
  return base.meta({ access: action }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    return next({ ctx: { ...ctx, user: ctx.user, actor: { kind: "user", ...ctx.user } as Actor } });
  });
}
