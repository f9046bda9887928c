import http from "node:http";
import type { AddressInfo } from "node:net";
import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

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

test.describe("security headers and cross-site requests", () => {
  test("a page carries the CSP (per-request nonce, no inline scripts, no framing) and the other headers, and still hydrates", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/transfers");
    const headers = response!.headers();
    const csp = directives(headers["content-security-policy"] ?? "");
    const scriptSrc = csp.get("script-src") ?? [];
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, "script-src has a nonce").toBeTruthy();
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");

    // Next.js put this response's nonce on its scripts; every script element carries it.
    const html = await response!.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag, tag).toContain(`nonce="${nonce}"`);

    // A second load gets another nonce.
    const again = await page.request.get("/transfers");
    expect(again.headers()["content-security-policy"]).not.toContain(nonce!);

    // The app hydrates and works under the policy: search filters the list.
    await open(page, "/transfers");
    await page.getByRole("searchbox", { name: "Search transfers" }).fill("quanta");
    await expect(page.getByRole("link", { name: /Quanta Pathway/ }).first()).toBeVisible();
    await open(page, "/safeguards");
    // A transfer page draws its coverage timeline with inline style attributes (allowed by style-src-attr).
    await open(page, "/transfers/de-quanta-analytics");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("the sign-in page hydrates under the CSP", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto("/sign-in");
    expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    // The demo "Use" buttons only work once React has hydrated.
    await page.getByRole("button", { name: "Use the Auditor demo account" }).click();
    await expect(page.getByLabel("E-mail address")).toHaveValue("auditor@demo.test");
    expect(violations).toEqual([]);
  });

  test("another origin cannot frame the app, nor make a signed-in user's browser change anything", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    await open(page, "/");
    const app = new URL(page.url()).origin;
    // A page of another origin (another local port), as an attacker's site.
    const attacker = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><iframe id="victim" src="${app}/"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    try {
      const attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
      const consoleMessages: string[] = [];
      page.on("console", (m) => consoleMessages.push(m.text()));
      await page.goto(attackerOrigin);
      // Chromium refuses to render the app in the frame and says why.
      await expect.poll(() => consoleMessages.join("\n")).toMatch(/frame-ancestors 'none'/);
      await expect(page.frameLocator("#victim").getByRole("heading", { name: "Overview" })).toHaveCount(0);

      // A cross-site POST from that page, with the user's cookies: refused before it reaches the app.
      const name = `Forged ${Date.now().toString(36)}`;
      const status = await page.evaluate(
        async ({ url, name }) => {
          const r = await fetch(`${url}/api/trpc/party.create`, {
            method: "POST",
            credentials: "include",
            headers: { "content-type": "text/plain" },
            body: JSON.stringify({ json: { name, relationship: "service_provider", serviceCategory: "it_hosting", country: "US", processingLocations: ["US"], dataCategories: ["contact"] } }),
          }).catch(() => null);
          return r ? r.status : "blocked";
        },
        { url: app, name },
      );
      // CORS hides the status from the attacker's page ("blocked"); either way the app refused it.
      expect([403, "blocked"]).toContain(status);
      // The same request from the API client with the attacker's Origin: 403.
      const forged = await page.request.post(`${app}/api/trpc/party.create`, {
        headers: { origin: attackerOrigin, "sec-fetch-site": "same-site" },
        data: { json: { name, relationship: "service_provider", serviceCategory: "it_hosting", country: "US", processingLocations: ["US"], dataCategories: ["contact"] } },
      });
      expect(forged.status()).toBe(403);
      for (const path of ["/api/registry/export", "/api/auth/sign-out"]) {
        expect((await page.request.post(`${app}${path}`, { headers: { origin: attackerOrigin } })).status(), path).toBe(403);
      }
      // Nothing was created.
      const found = await trpcCall(page.request, "party.list", { search: name }, "query");
      expect((found.data as { total: number }).total).toBe(0);
    } finally {
      attacker.close();
    }
  });
});
