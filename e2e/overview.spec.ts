import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

test.describe("overview", () => {
  test("shows every status with its count, the transfers that need attention, and a what-if date", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    await open(page, "/");
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    const cards = page.getByRole("region", { name: /Transfers by status as of \d{4}-\d{2}-\d{2}/ });
    for (const label of ["Unsafeguarded", "Derogation", "Safeguarded", "Adequate", "Not restricted", "Inactive"]) {
      await expect(cards.getByText(label, { exact: true })).toBeVisible();
    }
    // The demo registry tells a story: something is unsafeguarded today.
    const unsafeguarded = cards.getByRole("link").filter({ hasText: "Unsafeguarded" });
    expect(Number(await unsafeguarded.locator("p").first().innerText())).toBeGreaterThan(0);
    await expect(page.getByRole("table", { name: "Transfers that need attention" }).getByRole("row").nth(1)).toBeVisible();

    // What-if: the Privacy Shield-era analytics transfer was covered before Schrems II (2020-07-16) and not after.
    await page.getByLabel("As of", { exact: true }).fill("2020-08-01");
    await expect(page).toHaveURL(/asOf=2020-08-01/);
    await expect(page.getByRole("region", { name: "As-of date" })).toContainText("Viewing the registry as of 2020-08-01 (past)");
    await expect(page.getByRole("region", { name: "Transfers by status as of 2020-08-01" })).toBeVisible();

    // The status cards open the transfers list at the same what-if date.
    await page.getByRole("region", { name: "Transfers by status as of 2020-08-01" }).getByRole("link").filter({ hasText: "Unsafeguarded" }).click();
    await expect(page).toHaveURL(/\/transfers\?status=unsafeguarded&asOf=2020-08-01/);
    await expect(page.getByRole("region", { name: "As-of date" })).toContainText("as of 2020-08-01");
    await page.getByRole("searchbox", { name: "Search transfers" }).fill("quanta");
    await expect(page.getByRole("link", { name: /Quanta Pathway/ }).first()).toBeVisible();
    await open(page, "/?asOf=2020-08-01");
    // Wait for the page to be live (its data loaded) before typing into the date field.
    await expect(page.getByRole("region", { name: "Transfers by status as of 2020-08-01" })).toBeVisible();

    await page.getByLabel("As of", { exact: true }).fill("2019-06-30");
    await expect(page.getByRole("region", { name: "Transfers by status as of 2019-06-30" })).toBeVisible();

    const before = await trpcCall(page.request, "dashboard.overview", { asOf: "2019-06-30" }, "query");
    const after = await trpcCall(page.request, "dashboard.overview", { asOf: "2020-08-01" }, "query");
    const statusOf = (data: unknown) => (data as { attention: { id: string; status: string }[] }).attention.find((t) => t.id === "de-quanta-analytics")?.status;
    expect(statusOf(before.data)).not.toBe("unsafeguarded");
    expect(statusOf(after.data)).toBe("unsafeguarded");
  });
});
