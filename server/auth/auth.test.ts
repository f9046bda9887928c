import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "./actor";
import { createAuth } from "./auth";
import { createUser, updateUser } from "@/server/services/users";

const BASE = "http://localhost:3999";
const PASSWORD = "a long enough password";

// better-auth's in-memory rate-limit store is shared by every instance in the process:
// each test signs in from its own client address so earlier tests don't count.
let testIp = "203.0.113.1";
let nextHost = 1;

function signInRequest(email: string, password: string, ip = testIp) {
  return new Request(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": ip },
    body: JSON.stringify({ email, password }),
  });
}

describe("sign-in (better-auth over the app's database)", () => {
  let db: Db;
  let auth: ReturnType<typeof createAuth>;
  beforeEach(async () => {
    nextHost += 1;
    testIp = `203.0.113.${nextHost}`;
    db = createTestDb();
    auth = createAuth(db, { secret: "test-secret-0123456789abcdef0123456789", baseURL: BASE, rateLimitMax: 3 });
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

  it("refuses sign-up: accounts are created by an administrator only", async () => {
    const response = await auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": testIp },
        body: JSON.stringify({ email: "intruder@example.test", password: PASSWORD, name: "Intruder" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    const session = await auth.handler(signInRequest("intruder@example.test", PASSWORD));
    expect(session.status).toBe(401);
  });

  it("a deactivated user cannot sign in", async () => {
    const users = db.query.user.findMany().sync();
    const dana = users.find((u) => u.email === "dana@example.test")!;
    updateUser(db, SYSTEM_ACTOR, { id: dana.id, name: dana.name, role: "dpo", active: false });
    const response = await auth.handler(signInRequest("dana@example.test", PASSWORD));
    expect(response.status).not.toBe(200);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("session_token=");
  });
});
