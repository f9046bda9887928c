import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { mainPages } from "./main-pages";
import { expect, open, pageAs, ROLES, test, type Role } from "./fixtures";

/**
 * No accessibility failures (issue 12): axe-core finds no violation, of any impact, on any main page, as
 * each role. A page a role may not open (users for non-admins) is checked as what that role gets there.
 */
for (const role of ROLES) {
  test(`axe finds no violations on the main pages as ${role}`, async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await pageAs(browser, role as Role);
    const pages = [...(await mainPages(page.request)), { name: "requests", url: "/requests" }, { name: "new-request", url: "/requests/new" }, { name: "flags", url: "/flags" }];
    const found: string[] = [];
    for (const p of pages) {
      await open(page, p.url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations) {
        found.push(`${p.name} (${p.url}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(" ")}`);
      }
    }
    expect(found).toEqual([]);
  });
}

test("the sign-in page has no axe violations", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).waitFor();
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} — e.g. ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
});

test("axe finds no violations in the open states: the menu drawer, the command palette, a refused form, a confirm dialog", async ({ browser }) => {
  test.setTimeout(120_000);
  const scan = async (page: Page, what: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations.map((v) => `${what}: ${v.id} [${v.impact}] ${v.help} — e.g. ${v.nodes[0]?.target.join(" ")}`);
  };
  const found: string[] = [];

  const procurement = await pageAs(browser, "procurement");
  await procurement.setViewportSize({ width: 390, height: 800 });
  await open(procurement, "/parties/new");
  await procurement.getByRole("button", { name: "Open the menu" }).click();
  await expect(procurement.getByRole("dialog", { name: "Menu" })).toBeVisible();
  found.push(...(await scan(procurement, "drawer")));
  await procurement.keyboard.press("Escape");
  await expect(procurement.getByRole("dialog", { name: "Menu" })).toBeHidden();

  await procurement.getByRole("button", { name: "Register party" }).click();
  await expect(procurement.getByTestId("error-summary")).toBeFocused();
  found.push(...(await scan(procurement, "refused form")));

  await procurement.setViewportSize({ width: 1280, height: 800 });
  await procurement.keyboard.press("Control+k");
  await procurement.getByRole("combobox", { name: "Go to a page, party, transfer or safeguard" }).fill("Kestrel");
  await expect(procurement.getByRole("dialog", { name: "Go to" }).getByRole("option").first()).toBeVisible();
  found.push(...(await scan(procurement, "command palette")));

  const admin = await pageAs(browser, "admin");
  await open(admin, "/users");
  await admin.getByRole("row").filter({ hasText: "auditor@demo.test" }).getByRole("button", { name: "Deactivate" }).click();
  await expect(admin.getByRole("dialog", { name: /Deactivate/ })).toBeVisible();
  found.push(...(await scan(admin, "confirm dialog")));
  await admin.getByRole("dialog", { name: /Deactivate/ }).getByRole("button", { name: "Cancel" }).click();

  expect(found).toEqual([]);
});
