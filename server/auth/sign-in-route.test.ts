/**
 * The real sign-in route (app/api/auth/[...all]/route.ts) on a throwaway database file, as
 * serve.mjs hands requests to it. Before issue 8: a new X-Forwarded-For per attempt gave unlimited
 * guesses, and better-auth's self-service endpoints changed the account unaudited.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, PEER_ADDRESS_MARK } from "./client-address";

const BASE = "http://localhost:3998";
const PASSWORD = "a long enough password";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-signin-"));
process.env.DATABASE_PATH = path.join(dir, "registry.db");
process.env.BETTER_AUTH_SECRET = "route-test-secret-0123456789abcdef0123456789";
process.env.BETTER_AUTH_URL = BASE;
process.env.AUTH_SIGNIN_MAX_PER_MINUTE = "3";
// As under serve.mjs: the peer header is written from the socket.
(globalThis as Record<symbol, unknown>)[PEER_ADDRESS_MARK] = true;

type Handler = (req: Request) => Promise<Response> | Response;
let POST: Handler;
let GET: Handler;

async function post(pathName: string, body: unknown, headers: Record<string, string>) {
  return POST(
    new Request(`${BASE}/api/auth${pathName}`, { method: "POST", headers: { "content-type": "application/json", origin: BASE, ...headers }, body: JSON.stringify(body) }),
  );
}

beforeAll(async () => {
  const route = await import("@/app/api/auth/[...all]/route");
  POST = route.POST;
  GET = route.GET;
  const { getDb } = await import("@/db/client");
  const { createUser } = await import("@/server/services/users");
  const { SYSTEM_ACTOR } = await import("./actor");
  await createUser(getDb(), SYSTEM_ACTOR, { name: "Dana", email: "dana@example.test", role: "dpo", password: PASSWORD });
});

afterAll(async () => {
  const { getDb } = await import("@/db/client");
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the sign-in route", () => {
  it("counts attempts per socket address: a new X-Forwarded-For value per attempt mints no new bucket", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const spoofed = `192.0.2.${i + 1}`;
      const response = await post("/sign-in/email", { email: `nobody${i}@example.test`, password: "wrong password!" }, {
        [PEER_ADDRESS_HEADER]: "203.0.113.50",
        "x-forwarded-for": spoofed,
        "x-real-ip": spoofed,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it("behind TRUST_PROXY, the address the proxy forwards is the client", async () => {
    process.env.TRUST_PROXY = "127.0.0.1";
    try {
      const viaProxy = (client: string, i: number) =>
        post("/sign-in/email", { email: `proxied${i}@example.test`, password: "wrong password!" }, { [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": client });
      const first: number[] = [];
      for (let i = 0; i < 4; i++) first.push((await viaProxy("198.51.100.20", i)).status);
      expect(first).toEqual([401, 401, 401, 429]);
      expect((await viaProxy("198.51.100.21", 9)).status).toBe(401);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  it("serves sign-in, sign-out and the session only: better-auth's self-service account endpoints answer 404 and change nothing", async () => {
    const signIn = await post("/sign-in/email", { email: "dana@example.test", password: PASSWORD }, { [PEER_ADDRESS_HEADER]: "203.0.113.60" });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const asDana = { [PEER_ADDRESS_HEADER]: "203.0.113.60", cookie };

    const attempts = [
      ["/update-user", { name: "Renamed behind the audit trail" }],
      ["/change-password", { currentPassword: PASSWORD, newPassword: "          x", revokeOtherSessions: false }],
      ["/change-email", { newEmail: "elsewhere@example.test" }],
      ["/delete-user", {}],
      ["/sign-up/email", { email: "new@example.test", password: PASSWORD, name: "New" }],
    ] as const;
    for (const [pathName, body] of attempts) {
      expect((await post(pathName, body, asDana)).status, pathName).toBe(404);
    }

    const session = await GET(new Request(`${BASE}/api/auth/get-session`, { headers: asDana }));
    expect(session.status).toBe(200);
    const me = (await session.json()) as { user: { name: string; email: string } };
    expect(me.user).toMatchObject({ name: "Dana", email: "dana@example.test" });
    // The password is unchanged.
    expect((await post("/sign-in/email", { email: "dana@example.test", password: PASSWORD }, { [PEER_ADDRESS_HEADER]: "203.0.113.61" })).status).toBe(200);
  });
});
