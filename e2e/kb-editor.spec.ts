import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

/** The value a detail page shows for a field, by the field's label. */
const detailValue = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator(":scope > dd");

/**
 * The knowledge-base editor (issue 12): every kind is edited in a structured form, and an entry without dates
 * is edited without inventing one.
 */
test.describe("knowledge-base editor", () => {
  test("the DPO fixes the note of a shipped Swiss adequacy entry without entering any date", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    await open(page, "/knowledge-base/ch-adequacy-ar");
    await expect(page.getByRole("heading", { level: 1, name: "Argentina (AR)" })).toBeVisible();
    // Shipped without dates: the detail says so rather than showing a blank.
    await expect(detailValue(page, "Covers transfers from")).toHaveText("Not recorded");
    await page.getByRole("link", { name: "Edit" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Edit Argentina (AR)" })).toBeVisible();
    const from = page.getByLabel("Covers transfers from");
    await expect(from).toHaveValue("");
    await expect(from).not.toHaveAttribute("aria-required", "true");
    await expect(page.getByText("Not recorded in the shipped knowledge base; leave empty unless you have the primary source.").first()).toBeVisible();
    // Coded values read as words.
    await expect(page.getByLabel("Status")).toHaveValue("in_force");
    await expect(page.getByLabel("Status").locator("option:checked")).toHaveText("In force");

    // A refusal only the server finds (the last day before the first) comes back at its field.
    await from.fill("2024-01-02");
    await page.getByLabel("Last day covered").fill("2024-01-01");
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Last day covered: “Last day covered” is before “Covers transfers from”.");
    await expect(page.getByLabel("Last day covered")).toHaveAttribute("aria-invalid", "true");
    // Back to no dates at all: the note is saved without one.
    await from.fill("");
    await page.getByLabel("Last day covered").fill("");

    const note = `Checked against Annex 1 DPO on ${Date.now().toString(36)}.`;
    await page.getByLabel("Notes", { exact: true }).fill(note);
    await page.getByRole("button", { name: "Save changes" }).click();

    await expect(page.getByTestId("toast")).toContainText("Entry saved.");
    await expect(page).toHaveURL(/\/knowledge-base\/ch-adequacy-ar$/);
    await expect(detailValue(page, "Notes")).toHaveText(note);
    for (const label of ["Adopted", "Published \\(Official Journal\\)", "Covers transfers from"]) await expect(detailValue(page, label)).toHaveText("Not recorded");
    await expect(page.getByText("Edited reference entry")).toBeVisible();
    const history = page.getByRole("list", { name: "History entries" });
    await expect(history.getByRole("listitem").filter({ hasText: "Knowledge-base entry edited" })).toHaveCount(1);
    await expect(history).not.toContainText("kb.update");
  });

  test("the DPO edits an instrument's window in the structured form; a failed submit moves focus to the error summary", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    // An instrument of its own (an SCC version no safeguard uses), so the edit moves no other test's verdicts.
    const id = `scc-e2e-${Date.now().toString(36)}`;
    const { status, error } = await trpcCall(page.request, "kb.create", {
      data: {
        id,
        kind: "instrument",
        instrumentType: "scc",
        version: `e2e/${id}`,
        title: `Test clauses ${id}`,
        instrumentUri: null,
        adopted: "2020-01-01",
        modules: [{ module: null, exporterRole: "controller", recipientRole: "processor", label: "Controller to processor" }],
        windows: [
          { regime: "EU", usableFrom: "2020-02-01", lastSignDate: null, validUntil: null, requires: null, legalBasis: "GDPR Art. 46(2)(c)" },
          { regime: "CH", usableFrom: "2020-02-01", lastSignDate: null, validUntil: null, requires: "swiss_adaptations", legalBasis: "FADP Art. 16(2)(d)" },
        ],
        sources: ["https://example.test/clauses"],
      },
    });
    expect(status, error?.message).toBe(200);

    await open(page, `/knowledge-base/${id}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: `Edit Test clauses ${id}` })).toBeVisible();
    const windows = page.getByRole("group", { name: "When each regime accepts it" });
    const eu = windows.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "EU/EEA GDPR" }) });
    const swiss = windows.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Swiss FADP" }) });
    await expect(swiss.getByLabel("The contract must also carry")).toHaveValue("swiss_adaptations");

    // Refused before sending: the EU window's legal basis is emptied.
    await eu.getByRole("textbox", { name: "Legal basis", exact: true }).fill("");
    await eu.getByLabel("Last day to sign a new contract").fill("2027-09-26");
    await page.getByRole("button", { name: "Save changes" }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("Legal basis: Required. (When each regime accepts it › EU/EEA GDPR)");
    await summary.getByRole("link", { name: /Legal basis/ }).click();
    await expect(eu.getByRole("textbox", { name: "Legal basis", exact: true })).toBeFocused();
    await expect(eu.getByRole("textbox", { name: "Legal basis", exact: true })).toHaveAttribute("aria-invalid", "true");

    await eu.getByRole("textbox", { name: "Legal basis", exact: true }).fill("GDPR Art. 46(2)(c)");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("toast")).toContainText("Entry saved.");
    await expect(page.getByRole("heading", { level: 1, name: `Test clauses ${id}` })).toBeVisible();

    const saved = await trpcCall(page.request, "kb.byId", { id }, "query");
    const entry = (saved.data as { entry: { windows: { regime: string; lastSignDate: string | null; requires: string | null }[] } }).entry;
    expect(entry.windows).toEqual([
      expect.objectContaining({ regime: "EU", lastSignDate: "2027-09-26", requires: null }),
      expect.objectContaining({ regime: "CH", lastSignDate: null, requires: "swiss_adaptations" }),
    ]);
    // The detail page shows the window in words.
    await expect(detailValue(page, "When each regime accepts it")).toContainText("2027-09-26");
    await expect(detailValue(page, "When each regime accepts it")).toContainText("The Swiss adaptations");
  });
});

test("axe finds no violations in the editor of every kind, nor on the audit log", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageAs(browser, "dpo");
  const found: string[] = [];
  const urls = [
    "/knowledge-base/regime-eu/edit",
    "/knowledge-base/ch-adequacy-ar/edit",
    "/knowledge-base/scc-2021-914/edit",
    "/knowledge-base/derogation-49-1-c/edit",
    "/knowledge-base/new?kind=area_membership",
    "/knowledge-base/new?kind=framework",
    "/knowledge-base/scc-2021-914",
    "/audit",
  ];
  for (const url of urls) {
    await open(page, url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) found.push(`${url}: ${v.id} [${v.impact}] ${v.help} — e.g. ${v.nodes[0]?.target.join(" ")}`);
  }
  expect(found).toEqual([]);
});
