/**
 * The tRPC API as serve.mjs answers it (server/api/node-handler.ts), on a throwaway database file, next to the
 * Next.js route that answers it under `next start` (app/api/trpc/[trpc]/route.ts): the same answers, the same
 * security headers, the same cross-site refusal.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-node-trpc-"));
process.env.DATABASE_PATH = path.join(dir, "registry.db");
process.env.BETTER_AUTH_SECRET = "node-handler-test-secret-0123456789abcdef";
process.env.TR_DEMO = "0";
const PASSWORD = "a long enough password";

let server: http.Server;
let base = "";
let cookie = "";
let routeGET: (req: Request) => Promise<Response>;

beforeAll(async () => {
  const { createNodeTrpcHandler } = await import("./node-handler");
  const handler = createNodeTrpcHandler();
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.BETTER_AUTH_URL = base;
  routeGET = (await import("@/app/api/trpc/[trpc]/route")).GET;

  const { getDb } = await import("@/db/client");
  const { createUser } = await import("@/server/services/users");
  const { SYSTEM_ACTOR } = await import("@/server/auth/actor");
  await createUser(getDb(), SYSTEM_ACTOR, { name: "Dana", email: "dana@example.test", role: "dpo", password: PASSWORD });
  const auth = await import("@/app/api/auth/[...all]/route");
  const signIn = await auth.POST(
    new Request(`${base}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify({ email: "dana@example.test", password: PASSWORD }) }),
  );
  expect(signIn.status).toBe(200);
  cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const { getDb } = await import("@/db/client");
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const query = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const PARTY = { name: "Nimbus Hosting Inc.", relationship: "service_provider", serviceCategory: "it_hosting", country: "US", processingLocations: ["US"], dataCategories: ["contact"] };

describe("the tRPC API answered straight from Node (serve.mjs)", () => {
  it("answers a signed-in query as the Next.js route does, byte for byte", async () => {
    const url = query("party.list", { page: 1, pageSize: 20 });
    const direct = await fetch(base + url, { headers: { cookie } });
    const viaRoute = await routeGET(new Request(base + url, { headers: { cookie } }));
    expect(direct.status).toBe(200);
    expect(viaRoute.status).toBe(200);
    const body = await direct.text();
    expect(body).toBe(await viaRoute.text());
    expect(JSON.parse(body).result.data.json).toMatchObject({ items: [], total: 0 });
  });

  it("sends the security headers of every response and the strictest CSP", async () => {
    const res = await fetch(base + query("party.list", {}), { headers: { cookie } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
  });

  it("answers 401 without a session", async () => {
    const res = await fetch(base + query("party.list", {}));
    expect(res.status).toBe(401);
    expect((await res.json()).error.json.data.code).toBe("UNAUTHORIZED");
  });

  it("refuses a cross-site mutation with 403 and writes nothing; a same-origin one is written", async () => {
    const post = (origin: string) =>
      fetch(`${base}/api/trpc/party.create`, { method: "POST", headers: { cookie, origin, "content-type": "application/json" }, body: JSON.stringify({ json: PARTY }) });
    const refused = await post("https://evil.example");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Cross-site request refused");
    const listed = async () => (await (await fetch(base + query("party.list", {}), { headers: { cookie } })).json()).result.data.json.total;
    expect(await listed()).toBe(0);
    const saved = await post(base);
    expect(saved.status).toBe(200);
    expect((await saved.json()).result.data.json.name).toBe("Nimbus Hosting Inc.");
    expect(await listed()).toBe(1);
  });

  it("answers a batch of calls (the browser's httpBatchLink) in order", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { page: 1, pageSize: 5 } }, 1: { json: { id: "no-such-party" } } }));
    const res = await fetch(`${base}/api/trpc/party.list,party.byId?batch=1&input=${input}`, { headers: { cookie } });
    const body = (await res.json()) as [{ result: { data: { json: { total: number } } } }, { error: { json: { data: { code: string } } } }];
    expect(body[0].result.data.json.total).toBe(1);
    expect(body[1].error.json.data.code).toBe("NOT_FOUND");
  });

  it("refuses a body over 10 MB with 413", async () => {
    const big = JSON.stringify({ json: { ...PARTY, notes: "x".repeat(10 * 1024 * 1024 + 1) } });
    const res = await fetch(`${base}/api/trpc/party.create`, { method: "POST", headers: { cookie, origin: base, "content-type": "application/json" }, body: big });
    expect(res.status).toBe(413);
  });
});
