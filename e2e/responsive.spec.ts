import { mainPages } from "./main-pages";
import { expect, open, pageAs, test } from "./fixtures";

/**
 * Usable on every screen (issue 12): no main page scrolls sideways at a phone (390 px), a tablet (768 px),
 * a small laptop (1024 px) or a desktop (1280 px) width; wide content scrolls inside its card. A screenshot
 * of each page at each width goes to reports/screenshots/ (not committed) for a person to look at.
 */
const WIDTHS = [390, 768, 1024, 1280] as const;

test.describe("responsive layout", () => {
  test.setTimeout(240_000);

  test("no main page scrolls horizontally at 390, 768, 1024 or 1280 px", async ({ browser }) => {
    // The DPO sees every page a procurement user does, plus the audit log; users are for the admin.
    const page = await pageAs(browser, "dpo");
    const admin = await pageAs(browser, "admin");
    const pages = await mainPages(page.request);
    const overflow: string[] = [];
    for (const width of WIDTHS) {
      for (const p of pages) {
        const tab = p.name === "users" ? admin : page;
        await tab.setViewportSize({ width, height: 900 });
        await open(tab, p.url);
        await expect(tab.getByRole("heading", { level: 1 })).toBeVisible();
        // Let client-side data settle (placeholder skeletons are narrower than the real rows).
        await tab.waitForLoadState("networkidle");
        const { scrollWidth, innerWidth } = await tab.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        if (scrollWidth > innerWidth) overflow.push(`${p.name} at ${width}px: scrollWidth ${scrollWidth} > ${innerWidth}`);
        await tab.screenshot({ path: `reports/screenshots/${p.name}-${width}.png`, fullPage: true });
        await tab.screenshot({ path: `reports/screenshots/${p.name}-${width}-top.png` });
      }
    }
    expect(overflow).toEqual([]);
  });

  test("below lg the navigation is a drawer opened from the menu button; from lg up the sidebar collapses to icons", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    await page.setViewportSize({ width: 390, height: 800 });
    await open(page, "/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByRole("button", { name: "Open the menu" }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Parties" }).click();
    await expect(page).toHaveURL(/\/parties$/);
    await expect(page.getByRole("heading", { name: "Parties", level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(nav).toBeVisible();
    const wide = (await page.locator("#nav-drawer").boundingBox())!.width;
    await page.getByRole("button", { name: "Collapse sidebar" }).click();
    const narrow = (await page.locator("#nav-drawer").boundingBox())!.width;
    expect(narrow).toBeLessThan(80);
    expect(wide).toBeGreaterThan(200);
    // Icons only, but every link keeps its name for assistive technology.
    await expect(nav.getByRole("link", { name: "Transfers" })).toBeVisible();
    await page.getByRole("button", { name: "Collapse sidebar" }).click();
    expect((await page.locator("#nav-drawer").boundingBox())!.width).toBeGreaterThan(200);
  });
});
