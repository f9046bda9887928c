import { expect, open, pageAs, test } from "./fixtures";

test.describe("knowledge base", () => {
  test("the auditor reads entries, sees UNCONFIRMED facts flagged, and cannot edit", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    await open(page, "/knowledge-base?kind=adequacy");
    await expect(page.getByRole("heading", { name: "Knowledge base", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "New adequacy decision" })).toHaveCount(0);
    const table = page.getByRole("table", { name: "Adequacy decisions" });
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(/of \d+ entries/);
    await page.getByRole("searchbox", { name: "Search the knowledge base" }).fill("Brazil");
    await expect(table.getByRole("link", { name: /Brazil \(BR\)/ }).first()).toBeVisible();
    await page.getByRole("searchbox", { name: "Search the knowledge base" }).fill("");

    await page.getByLabel("Only UNCONFIRMED entries").check();
    // The search cleared just before is still debounced; it must not drop the checkbox's filter from the URL.
    await expect(page).toHaveURL(/unconfirmed=1/);
    await expect(page).not.toHaveURL(/q=/);
    const flagged = table.getByRole("row").filter({ hasText: "UNCONFIRMED" });
    await expect(flagged.first()).toBeVisible();
    await flagged.first().getByRole("link").click();
    await expect(page.getByRole("note")).toContainText("UNCONFIRMED");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  });

  test("the DPO adds an adequacy decision; it is listed, sourced and audited", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    await open(page, "/knowledge-base");
    await page.getByRole("link", { name: "New adequacy decision" }).click();
    await expect(page.getByRole("heading", { name: "Add an adequacy decision" })).toBeVisible();

    // Missing required facts are named before anything is sent, and the first date is asked for.
    await page.getByRole("button", { name: "Add adequacy decision" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Destination: Choose one.");
    await expect(summary).toContainText("Sources: Give at least one.");
    await expect(summary).toContainText("Covers transfers from: Required.");

    // A destination with no adequacy decision, and a date of its own, so the entry is new on every run.
    const [code, country] = (
      [
        ["KE", "Kenya"],
        ["SG", "Singapore"],
        ["AU", "Australia"],
        ["ZA", "South Africa"],
        ["MX", "Mexico"],
        ["TH", "Thailand"],
      ] as const
    )[Math.floor(Math.random() * 6)]!;
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
    await page.getByRole("combobox", { name: "Destination", exact: true }).selectOption(code);
    await page.getByRole("textbox", { name: "Instrument", exact: true }).fill("Commission Implementing Decision (EU) 2026/4242 (test)");
    await page.getByLabel("Covers transfers from").fill(`2026-10-${day}`);
    await page.getByLabel("Sources").fill("https://eur-lex.europa.eu/eli/dec_impl/2026/4242/oj");
    await page.getByRole("button", { name: "Add adequacy decision" }).click();

    await expect(page.getByRole("heading", { level: 1, name: `${country} (${code})` })).toBeVisible();
    await expect(page.getByText(`eu-adequacy-${code.toLowerCase()}-2026-10-${day}`)).toBeVisible();
    await expect(page.getByText("Added in the app")).toBeVisible();
    await expect(page.getByRole("link", { name: "https://eur-lex.europa.eu/eli/dec_impl/2026/4242/oj" })).toBeVisible();
    const history = page.getByRole("list", { name: "History entries" });
    await expect(history).toContainText("Knowledge-base entry added");
    await expect(history).toContainText("dpo@demo.test");
  });
});
