import AxeBuilder from "@axe-core/playwright";
import type { Locator } from "@playwright/test";
import { expectAsOfInUrl, expectTransferStatus, setAsOf } from "./as-of";
import { expect, open, pageAs, test } from "./fixtures";

/**
 * The as-of date everywhere (issue 10, item 1). The demo registry's Privacy Shield transfer (Kestrelform
 * Deutschland → Quanta Pathway, `de-quanta-analytics`, covered only by the recipient's EU-US Privacy Shield
 * certification) is adequate on 2020-07-15 and unsafeguarded from 2020-07-16, the day after the CJEU's Schrems II
 * judgment (C-311/18) invalidated the Privacy Shield decision (regulatory-facts.md).
 */
const TRANSFER = "de-quanta-analytics";
/** Follows a link from the keyboard (a link that wraps over two lines has no clickable point at its centre). */
const follow = (link: Locator) => link.press("Enter");
const RECIPIENT = "quanta-pathway";

test.describe("the as-of date", () => {
  test("as the DPO: 2020-07-15 then 2020-07-17 in the header, the Privacy Shield transfer turns unsafeguarded and the date survives the click-through", async ({ browser }) => {
    // Eight page loads and two date changes: more than the default 30 s on a busy machine.
    test.setTimeout(120_000);
    const page = await pageAs(browser, "dpo");
    await open(page, "/");
    // Today: no banner.
    await expect(page.getByRole("region", { name: "As-of date" })).toHaveCount(0);

    // 2020-07-15, set with the header control on the overview.
    await setAsOf(page, "2020-07-15");
    await expect(page.getByRole("region", { name: "As-of date" })).toContainText("(past)");
    await expect(page.getByRole("region", { name: "Transfers by status as of 2020-07-15" })).toBeVisible();
    const unsafeguardedOn15 = Number(await page.getByRole("region", { name: "Transfers by status as of 2020-07-15" }).getByRole("link").filter({ hasText: "Unsafeguarded" }).locator("p").first().innerText());

    // Overview → list → transfer, all on 2020-07-15: adequate.
    await page.getByRole("link", { name: "All transfers" }).click();
    await expectAsOfInUrl(page, "2020-07-15", /\/transfers\?/);
    await page.getByRole("searchbox", { name: "Search transfers" }).fill("Quanta");
    // The search lands in the URL (debounced) before a row is followed, or it would replace the next page.
    await expect(page).toHaveURL(/[?&]q=Quanta/);
    await expectTransferStatus(page, TRANSFER, "adequate");
    await follow(page.locator(`a[href^="/transfers/${TRANSFER}?"]`).first());
    await expectAsOfInUrl(page, "2020-07-15", new RegExp(`/transfers/${TRANSFER}\\?`));
    await expectTransferStatus(page, TRANSFER, "adequate");

    // 2020-07-17 on the transfer's own page: unsafeguarded.
    await setAsOf(page, "2020-07-17");
    await expectTransferStatus(page, TRANSFER, "unsafeguarded");

    // The sidebar carries the date back to the overview: one more unsafeguarded transfer, and it is this one.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expectAsOfInUrl(page, "2020-07-17", /\/\?/);
    const cards = page.getByRole("region", { name: "Transfers by status as of 2020-07-17" });
    await expect(cards.getByRole("link").filter({ hasText: "Unsafeguarded" }).locator("p").first()).toHaveText(String(unsafeguardedOn15 + 1));
    await expectTransferStatus(page, TRANSFER, "unsafeguarded");

    // The flags page, reached from the sidebar with the date: on 2020-07-17 the transfer is flagged unsafeguarded…
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flags" }).click();
    await expectAsOfInUrl(page, "2020-07-17", /\/flags\?/);
    await open(page, `/flags?asOf=2020-07-17&party=${RECIPIENT}`);
    await expect(page.locator(`li[data-flag="${TRANSFER}|unsafeguarded"]`)).toBeVisible();
    // …and on 2020-07-15, while the Privacy Shield still covered it, it is not.
    await open(page, `/flags?asOf=2020-07-15&party=${RECIPIENT}`);
    await expect(page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
    await expect(page.locator(`li[data-flag="${TRANSFER}|unsafeguarded"]`)).toHaveCount(0);
    await open(page, "/?asOf=2020-07-17");

    // Overview → list → transfer → party, the date kept at every step.
    await page.getByRole("link", { name: "All transfers" }).click();
    await expectAsOfInUrl(page, "2020-07-17", /\/transfers\?/);
    await page.getByRole("searchbox", { name: "Search transfers" }).fill("Quanta");
    // The search lands in the URL (debounced) before a row is followed, or it would replace the next page.
    await expect(page).toHaveURL(/[?&]q=Quanta/);
    await expectTransferStatus(page, TRANSFER, "unsafeguarded");
    await follow(page.locator(`a[href^="/transfers/${TRANSFER}?"]`).first());
    await expectAsOfInUrl(page, "2020-07-17", new RegExp(`/transfers/${TRANSFER}\\?`));
    await expectTransferStatus(page, TRANSFER, "unsafeguarded");
    await follow(page.locator(`main a[href^="/parties/${RECIPIENT}?"]`).first());
    await expectAsOfInUrl(page, "2020-07-17", new RegExp(`/parties/${RECIPIENT}\\?`));
    await expectTransferStatus(page, TRANSFER, "unsafeguarded");
    await expect(page.getByRole("heading", { level: 1 }).locator("[data-status]")).toHaveAttribute("data-status", "unsafeguarded");

    // One click back to today.
    await page.getByRole("region", { name: "As-of date" }).getByRole("button", { name: "Back to today" }).click();
    await expect(page).not.toHaveURL(/asOf=/);
    await expect(page.getByRole("region", { name: "As-of date" })).toHaveCount(0);
  });

  test("a page loaded directly at a date has that date's verdict in its first HTML", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    const past = await (await page.request.get(`/transfers/${TRANSFER}?asOf=2020-07-17`)).text();
    expect(past).toContain('data-status="unsafeguarded"');
    expect(past).toContain("Viewing the registry as of <strong>2020-07-17</strong>");
    const before = await (await page.request.get(`/transfers/${TRANSFER}?asOf=2020-07-15`)).text();
    expect(before).toContain('data-status="adequate"');
    expect(before).not.toContain('data-status="unsafeguarded"');
  });

  test("the header control and the banner at 1280 and 390 px (screenshots), with no axe violation", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    await open(page, `/transfers/${TRANSFER}?asOf=2020-07-17`);
    await expect(page.getByRole("region", { name: "As-of date" })).toContainText("Viewing the registry as of 2020-07-17 (past)");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} — e.g. ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
    await page.screenshot({ path: "test-results/as-of-1280.png" });
    await page.setViewportSize({ width: 390, height: 800 });
    await open(page, "/?asOf=2030-01-01");
    await expect(page.getByRole("region", { name: "As-of date" })).toContainText("(future)");
    await page.screenshot({ path: "test-results/as-of-390.png" });
  });

  test("the verdicts download follows the date; a date that does not exist is refused", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    const response = await page.request.get("/api/registry/export?content=verdicts&asOf=2020-07-17");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain("transfer-verdicts-2020-07-17.json");
    const doc = (await response.json()) as { asOf: string; verdicts: { transfer: string; status: string }[] };
    expect(doc.asOf).toBe("2020-07-17");
    expect(doc.verdicts.find((v) => v.transfer === TRANSFER)?.status).toBe("unsafeguarded");
    const bad = await page.request.get("/api/registry/export?content=verdicts&asOf=2021-02-30");
    expect(bad.status()).toBe(400);
  });
});
