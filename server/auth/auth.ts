/**
 * Sign-in with better-auth: e-mail and password, sessions stored in SQLite,
 * rate-limited sign-in. Constructed lazily (`getAuth()`), never at import,
 * so `next build` needs no database or secret.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { getDb, databasePath, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { isDemoMode } from "@/server/config";

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

export function createAuth(db: Db, options: { secret?: string; baseURL?: string; rateLimitMax?: number } = {}) {
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
      minPasswordLength: 10,
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
        // Sign-in attempts per client IP per minute.
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
    advanced: {
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
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
