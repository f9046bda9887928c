/**
 * Sign-in with better-auth: e-mail and password, sessions stored in SQLite.
 * Constructed lazily (`getAuth()`), never at import, so `next build` needs no
 * database or secret.
 *
 * - Rate limit per client address, the address taken from the socket (see client-address.ts),
 *   plus a per-account exponential back-off after failed attempts (sign-in-backoff.ts).
 * - A deactivated account gets exactly the answer a wrong password gets.
 * - Only sign-in, sign-out and the session are served (AUTH_ROUTES): every account change goes
 *   through the app's audited procedures (the Users page); better-auth's self-service endpoints
 *   (update-user, change-password, change-email, delete-user, …) are switched off.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { getDb, databasePath, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { isDemoMode } from "@/server/config";
import { MIN_PASSWORD_LENGTH } from "@/server/domain/choices/user-labels";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { DEFAULT_BACKOFF, normalizeAccountKey, SignInBackoff, type BackoffPolicy } from "./sign-in-backoff";

const SESSION_HOURS = Number(process.env.SESSION_TTL_HOURS ?? 8);

/**
 * The secret that signs session cookies. In demo mode a random one is created
 * next to the database file; otherwise BETTER_AUTH_SECRET must be set.
 */
function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(path.dirname(path.resolve(databasePath())), ".auth-secret");
  if (isDemoMode() || process.env.NODE_ENV === "test") {
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
    const secret = crypto.randomBytes(32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  throw new Error("BETTER_AUTH_SECRET is not set. Set it to 32 or more random characters (see README, Configuration).");
}

/** The better-auth endpoints the app serves over HTTP (method and path below /api/auth); all others answer 404. */
export const AUTH_ROUTES: readonly { method: "GET" | "POST"; path: string }[] = [
  { method: "POST", path: "/sign-in/email" },
  { method: "POST", path: "/sign-out" },
  { method: "GET", path: "/get-session" },
];

/**
 * better-auth's endpoints for changing an account or signing up, switched off (404) in the library
 * itself too, in case a request reaches its handler some other way than the route's allow-list.
 */
const SELF_SERVICE_PATHS = [
  "/sign-up/email",
  "/update-user",
  "/change-password",
  "/set-password",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/request-password-reset",
  "/reset-password",
  "/verify-email",
  "/send-verification-email",
  "/link-social",
  "/unlink-account",
  "/sign-in/social",
  "/update-session",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/list-sessions",
  "/list-accounts",
  "/account-info",
  "/refresh-token",
  "/get-access-token",
  "/verify-password",
];

/** The one answer for a wrong password, an unknown e-mail and a deactivated account alike. */
const invalidCredentials = () => new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });

export interface AuthOptions {
  secret?: string;
  baseURL?: string;
  rateLimitMax?: number;
  backoff?: BackoffPolicy;
  /** The clock of the per-account back-off (tests). */
  now?: () => number;
}

export function createAuth(db: Db, options: AuthOptions = {}) {
  const backoff = new SignInBackoff(options.backoff ?? DEFAULT_BACKOFF, options.now);
  return betterAuth({
    appName: "Transfer Registry",
    baseURL: options.baseURL ?? process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    secret: options.secret ?? authSecret(),
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an administrator (Users page or `npm run user:create`), never by sign-up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "auditor", input: false },
        active: { type: "boolean", required: true, defaultValue: true, input: false },
      },
    },
    session: {
      expiresIn: SESSION_HOURS * 60 * 60,
      updateAge: 60 * 60,
    },
    rateLimit: {
      enabled: process.env.AUTH_RATE_LIMIT !== "off",
      window: 60,
      max: 100,
      storage: "memory",
      customRules: {
        // Sign-in attempts per client address per minute.
        "/sign-in/email": { window: 60, max: options.rateLimitMax ?? Number(process.env.AUTH_SIGNIN_MAX_PER_MINUTE ?? 10) },
      },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user cannot start a session.
          before: async (session) => {
            const u = getUserActive(db, session.userId);
            return u ? { data: session } : false;
          },
        },
      },
    },
    disabledPaths: SELF_SERVICE_PATHS,
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const key = normalizeAccountKey((ctx.body as { email?: unknown } | undefined)?.email);
        const wait = key ? backoff.retryAfter(key) : 0;
        if (wait > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: `Too many failed sign-ins for this account. Try again in ${wait} second${wait === 1 ? "" : "s"}.`, code: "SIGN_IN_BACKOFF" },
            { "Retry-After": String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const key = normalizeAccountKey((ctx.body as { email?: unknown } | undefined)?.email);
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode !== 401) return;
          if (key) backoff.recordFailure(key);
          // A deactivated account's right password ends in "failed to create session" (the session
          // hook below refuses it): answer exactly as for a wrong password.
          throw invalidCredentials();
        }
        if (key) backoff.recordSuccess(key);
      }),
    },
    advanced: {
      // Set by the auth route from the socket address (server/auth/client-address.ts), never by the client.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
  });
}

function getUserActive(db: Db, userId: string): boolean {
  const row = db.select({ active: schema.user.active }).from(schema.user).where(eq(schema.user.id, userId)).get();
  return row?.active === true;
}

export type Auth = ReturnType<typeof createAuth>;

let shared: Auth | undefined;

export function getAuth(): Auth {
  shared ??= createAuth(getDb());
  return shared;
}
