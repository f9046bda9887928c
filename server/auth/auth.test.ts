import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, user } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "./actor";
import { createAuth } from "./auth";
import { PEER_ADDRESS_HEADER, withClientAddress } from "./client-address";
import { createUser, setUserPassword, updateUser } from "@/server/services/users";
import { AppError } from "@/server/errors";

const BASE = "http://localhost:3999";
const PASSWORD = "a long enough password";

// better-auth's in-memory rate-limit store is shared by every instance in the process:
// each test signs in from its own client address so earlier tests don't count.
let testIp = "203.0.113.1";
let nextHost = 1;

/** A sign-in request as serve.mjs hands it on: the socket's address in the peer header. */
function signInRequest(email: string, password: string, ip = testIp, extraHeaders: Record<string, string> = {}) {
  const request = new Request(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE, [PEER_ADDRESS_HEADER]: ip, ...extraHeaders },
    body: JSON.stringify({ email, password }),
  });
  return withClientAddress(request, { peerFromSocket: true, trustProxy: null });
}

describe("sign-in (better-auth over the app's database)", () => {
  let db: Db;
  let auth: ReturnType<typeof createAuth>;
  let clock: number;
  beforeEach(async () => {
    nextHost += 1;
    testIp = `203.0.113.${nextHost}`;
    clock = Date.parse("2026-01-01T00:00:00Z");
    db = createTestDb();
    auth = createAuth(db, { secret: "test-secret-0123456789abcdef0123456789", baseURL: BASE, rateLimitMax: 3, now: () => clock });
    await createUser(db, SYSTEM_ACTOR, { name: "Dana", email: "dana@example.test", role: "dpo", password: PASSWORD });
  });

  it("signs in with the right password and returns a session cookie that resolves to the user and role", async () => {
    const response = await auth.handler(signInRequest("dana@example.test", PASSWORD));
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain("better-auth.session_token=");
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie.split(";")[0]! }) });
    expect(session?.user.email).toBe("dana@example.test");
    expect((session?.user as { role?: string }).role).toBe("dpo");
    // Session expiry is set (8 hours by default).
    const hours = (session!.session.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    // The session records the socket's address.
    expect(session!.session.ipAddress).toBe(testIp);
  });

  it("refuses a wrong password", async () => {
    const response = await auth.handler(signInRequest("dana@example.test", "not the password"));
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("session_token=");
  });

  it("rate-limits sign-in attempts per client address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await auth.handler(signInRequest("dana@example.test", "wrong password!"))).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Even the right password is refused while limited…
    expect((await auth.handler(signInRequest("dana@example.test", PASSWORD))).status).toBe(429);
    // …but another address is not affected.
    expect((await auth.handler(signInRequest("dana@example.test", PASSWORD, `198.51.100.${nextHost}`))).status).toBe(200);
  });

  it("a new X-Forwarded-For or X-Real-IP value per attempt does not reset the per-address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const spoofed = `192.0.2.${i + 1}`;
      statuses.push((await auth.handler(signInRequest("dana@example.test", "wrong password!", testIp, { "x-forwarded-for": spoofed, "x-real-ip": spoofed }))).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it("refuses sign-up: accounts are created by an administrator only", async () => {
    const response = await auth.handler(
      withClientAddress(
        new Request(`${BASE}/api/auth/sign-up/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: BASE, [PEER_ADDRESS_HEADER]: testIp },
          body: JSON.stringify({ email: "intruder@example.test", password: PASSWORD, name: "Intruder" }),
        }),
        { peerFromSocket: true, trustProxy: null },
      ),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    const session = await auth.handler(signInRequest("intruder@example.test", PASSWORD));
    expect(session.status).toBe(401);
  });

  it("a deactivated account's right password gets exactly the answer a wrong password gets", async () => {
    const wrong = await auth.handler(signInRequest("dana@example.test", "not the password"));
    const dana = db.select().from(user).where(eq(user.email, "dana@example.test")).get()!;
    updateUser(db, SYSTEM_ACTOR, { id: dana.id, name: dana.name, role: "dpo", active: false });
    const deactivated = await auth.handler(signInRequest("dana@example.test", PASSWORD));
    expect(deactivated.headers.get("set-cookie") ?? "").not.toContain("session_token=");
    expect(deactivated.status).toBe(401);
    expect({ status: deactivated.status, body: await deactivated.json() }).toEqual({ status: wrong.status, body: await wrong.json() });
  });

  describe("per-account back-off (5 free failures, then 1 s, 2 s, 4 s … capped at 15 min)", () => {
    /** Each attempt from a new address: only the per-account back-off can stop them. */
    let host = 0;
    const fromNewAddress = (password: string, email = "dana@example.test") => {
      host += 1;
      return auth.handler(signInRequest(email, password, `2001:db8:${nextHost}:${host}::1`));
    };

    it("stops guesses spread over many addresses, refuses even the right password while it lasts, then lets it through", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fromNewAddress("wrong password!")).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      // The 5th failure starts a 1-second wait; the 6th attempt inside it is refused with Retry-After.
      const refused = await fromNewAddress(PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(((await refused.json()) as { code: string }).code).toBe("SIGN_IN_BACKOFF");
      clock += 1000;
      expect((await fromNewAddress("wrong password!")).status).toBe(401); // 6th failure: wait 2 s
      clock += 1000;
      expect((await fromNewAddress(PASSWORD)).status).toBe(429);
      expect((await fromNewAddress(PASSWORD)).headers.get("retry-after")).toBe("1");
      clock += 1000;
      expect((await fromNewAddress("wrong password!")).status).toBe(401); // 7th failure: wait 4 s
      const third = await fromNewAddress(PASSWORD);
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("4");
      clock += 4000;
      // After the wait the right password works, and success clears the count.
      expect((await fromNewAddress(PASSWORD)).status).toBe(200);
      expect((await fromNewAddress("wrong password!")).status).toBe(401);
      expect((await fromNewAddress(PASSWORD)).status).toBe(200);
    });

    it("applies to unknown e-mail addresses too (the answer does not reveal which accounts exist), and only to that account", async () => {
      for (let i = 0; i < 5; i++) expect((await fromNewAddress("wrong password!", "Nobody@Example.test")).status).toBe(401);
      expect((await fromNewAddress("anything at all", " nobody@example.test ")).status).toBe(429);
      expect((await fromNewAddress(PASSWORD)).status).toBe(200);
    });
  });
});

describe("passwords: at least 12 characters and not easy to guess (zxcvbn-ts score ≥ 3)", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  async function refusal(password: string): Promise<string | null> {
    try {
      await createUser(db, SYSTEM_ACTOR, { name: "Eve Example", email: "eve@example.test", role: "auditor", password });
      return null;
    } catch (e) {
      if (e instanceof AppError) return e.fieldErrors?.password ?? e.message;
      if (e instanceof Error && e.name === "ZodError") return e.message;
      throw e;
    }
  }

  it.each([
    ["ten spaces", "          "],
    ["twelve spaces", "            "],
    ["11 characters", "kestrelform"],
    ["the old demo password (13 characters, but a common word)", "demo-password"],
    ["a common password", "password1234"],
    ["a keyboard run", "qwertyuiopas"],
    ["the user's own e-mail address", "eve@example.test"],
  ])("refuses %s", async (_label, password) => {
    expect(await refusal(password)).toBeTruthy();
    expect(db.select().from(user).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("accepts a phrase of unrelated words", async () => {
    expect(await refusal("correct horse battery")).toBeNull();
  });

  it("an administrator's new password for a user obeys the same rule, and a refusal changes nothing", async () => {
    const created = await createUser(db, SYSTEM_ACTOR, { name: "Eve Example", email: "eve@example.test", role: "auditor", password: PASSWORD });
    const auditRows = db.select().from(auditLog).all().length;
    await expect(setUserPassword(db, SYSTEM_ACTOR, { id: created.id, password: "password1234" })).rejects.toThrow(/too easy to guess/);
    expect(db.select().from(auditLog).all()).toHaveLength(auditRows);
    await setUserPassword(db, SYSTEM_ACTOR, { id: created.id, password: "another long password" });
    expect(db.select().from(auditLog).all()).toHaveLength(auditRows + 1);
  });
});
