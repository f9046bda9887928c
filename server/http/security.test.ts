import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, crossSiteRefusal } from "./security";

const APP = "http://127.0.0.1:3100";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${APP}${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3100", ...init.headers } });
}

/** The directives of a CSP header as name → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("security headers (proxy.ts)", () => {
  it("a page gets a CSP with a fresh nonce and no 'unsafe-inline' script source, no framing, and the other headers", () => {
    const first = proxy(request("/transfers"));
    const second = proxy(request("/transfers"));
    const csp = directives(first.headers.get("content-security-policy") ?? "");
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
    expect(csp.get("style-src")).toContain(nonce);
    expect(csp.get("style-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("permissions-policy")).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(first.headers.get("x-frame-options")).toBe("DENY");
  });

  it("Next.js receives the same nonce in the request's CSP header (it puts it on its scripts)", () => {
    const response = proxy(request("/"));
    const csp = response.headers.get("content-security-policy")!;
    // NextResponse.next({ request: { headers } }) passes the overridden request headers as x-middleware-request-*.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("static files get the headers but no nonce", () => {
    const response = proxy(request("/_next/static/chunks/main.js"));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("development adds only what React's dev tooling needs", () => {
    const dev = directives(contentSecurityPolicy("abc", { dev: true }));
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
  });
});

describe("cross-site state-changing requests are refused with 403", () => {
  const paths = ["/api/trpc/party.create", "/api/registry/export", "/api/auth/sign-in/email", "/transfers"];

  it.each(paths)("POST %s from another origin (a page on another local port) → 403", async (path) => {
    const response = proxy(request(path, { method: "POST", headers: { origin: "http://127.0.0.1:4000", "sec-fetch-site": "same-site" } }));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/Cross-site request refused/);
  });

  it.each([
    ["Sec-Fetch-Site cross-site, no Origin", { "sec-fetch-site": "cross-site" }],
    ["Origin of another site, no Sec-Fetch-Site", { origin: "https://evil.test" }],
    ["Origin null (sandboxed frame, data: URL)", { origin: "null" }],
    ["Sec-Fetch-Site same-origin but a foreign Origin", { "sec-fetch-site": "same-origin", origin: "https://evil.test" }],
  ])("refuses %s", (_label, headers) => {
    expect(proxy(request("/api/trpc/party.create", { method: "POST", headers })).status).toBe(403);
    expect(crossSiteRefusal("DELETE", new Headers({ host: "127.0.0.1:3100", ...headers }))).not.toBeNull();
  });

  it.each([
    ["the app's own page", { origin: APP, "sec-fetch-site": "same-origin" }],
    ["a client that sends neither header (curl, scripts)", {}],
    ["a user-initiated request (Sec-Fetch-Site none)", { "sec-fetch-site": "none" }],
  ])("lets through %s", (_label, headers) => {
    const response = proxy(request("/api/trpc/party.create", { method: "POST", headers }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("accepts the configured public origin (BETTER_AUTH_URL) behind a proxy that rewrites Host", () => {
    const headers = new Headers({ host: "internal:3000", origin: "https://registry.example.test" });
    expect(crossSiteRefusal("POST", headers, ["https://registry.example.test"])).toBeNull();
    expect(crossSiteRefusal("POST", headers, [])).not.toBeNull();
  });

  it("a tRPC call gets the security headers and a policy that allows nothing, without a page nonce", () => {
    const response = proxy(request("/api/trpc/party.list", {}));
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-middleware-request-x-nonce")).toBeNull();
    // A page does get one.
    expect(proxy(request("/transfers", {})).headers.get("x-middleware-request-x-nonce")).toMatch(/.{16,}/);
  });

  it("never refuses a read", () => {
    expect(proxy(request("/api/trpc/party.list", { headers: { origin: "https://evil.test", "sec-fetch-site": "cross-site" } })).status).toBe(200);
  });
});
