import { open, pageAs, test } from "./fixtures";

test("flags screenshots", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await pageAs(browser, "dpo");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, "/flags");
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/flags-${width}.png`, fullPage: false });
    const details = page.getByRole("button", { name: "Details and review" }).first();
    await details.click();
    await page.waitForLoadState("networkidle");
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/flags-${width}-details.png`, fullPage: false });
    await open(page, "/");
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/overview-${width}.png`, fullPage: true });
  }
});
