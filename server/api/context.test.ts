/**
 * The session lookup behind every request is remembered per cookie, and forgotten as soon as a user or a
 * session changes: a signed-out, re-roled or deactivated user is never served from the cache. On a throwaway
 * database file, with the real auth route.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BASE = "http://localhost:3997";
const PASSWORD = "correct horse battery staple 42";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-context-"));
process.env.DATABASE_PATH = path.join(dir, "registry.db");
process.env.BETTER_AUTH_SECRET = "context-test-secret-0123456789abcdef0123456789";
process.env.BETTER_AUTH_URL = BASE;

type Handler = (req: Request) => Promise<Response> | Response;
let POST: Handler;

async function signIn(email: string): Promise<Headers> {
  const response = await POST(
    new Request(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: JSON.stringify({ email, password: PASSWORD }) }),
  );
  expect(response.status).toBe(200);
  const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
  return new Headers({ cookie });
}

beforeAll(async () => {
  POST = (await import("@/app/api/auth/[...all]/route")).POST;
  const { getDb } = await import("@/db/client");
  const { createUser } = await import("@/server/services/users");
  const { SYSTEM_ACTOR } = await import("@/server/auth/actor");
  await createUser(getDb(), SYSTEM_ACTOR, { name: "Dana", email: "dana@example.test", role: "dpo", password: PASSWORD });
  await createUser(getDb(), SYSTEM_ACTOR, { name: "Ola", email: "ola@example.test", role: "procurement", password: PASSWORD });
});

afterAll(async () => {
  const { getDb } = await import("@/db/client");
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the session behind a request", () => {
  it("is remembered, and looked up again after a role change, a deactivation or a sign-out", async () => {
    const { sessionUserFromHeaders } = await import("./context");
    const { getDb } = await import("@/db/client");
    const { listUsers, updateUser } = await import("@/server/services/users");
    const { SYSTEM_ACTOR } = await import("@/server/auth/actor");

    const dana = await signIn("dana@example.test");
    expect((await sessionUserFromHeaders(dana))?.role).toBe("dpo");
    expect((await sessionUserFromHeaders(dana))?.role).toBe("dpo");

    // A role change ends the user's sessions (server/services/users.ts): the cached answer must not outlive them.
    const danaRow = listUsers(getDb()).find((u) => u.email === "dana@example.test")!;
    updateUser(getDb(), SYSTEM_ACTOR, { id: danaRow.id, name: danaRow.name, role: "auditor", active: true });
    expect(await sessionUserFromHeaders(dana)).toBeNull();

    // A deactivation likewise.
    const ola = await signIn("ola@example.test");
    expect((await sessionUserFromHeaders(ola))?.email).toBe("ola@example.test");
    const olaRow = listUsers(getDb()).find((u) => u.email === "ola@example.test")!;
    updateUser(getDb(), SYSTEM_ACTOR, { id: olaRow.id, name: olaRow.name, role: olaRow.role, active: false });
    expect(await sessionUserFromHeaders(ola)).toBeNull();

    // A sign-out through the auth route.
    const again = await signIn("dana@example.test");
    expect((await sessionUserFromHeaders(again))?.role).toBe("auditor");
    const out = await POST(new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers: { "content-type": "application/json", origin: BASE, cookie: again.get("cookie")! }, body: "{}" }));
    expect(out.status).toBe(200);
    expect(await sessionUserFromHeaders(again)).toBeNull();

    // No cookie: nobody, without a lookup.
    expect(await sessionUserFromHeaders(new Headers())).toBeNull();
  });
});
