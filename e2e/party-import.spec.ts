import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

/**
 * Issue 11, acceptance: "a CSV with 3 bad rows of 20 shows the 3 errors in the preview. The valid rows apply;
 * with all-or-nothing chosen, nothing applies."
 */
function vendorCsv(tag: string): string {
  const lines = ["Name,Relationship,Country,Website"];
  for (let i = 1; i <= 20; i++) {
    if (i === 4) lines.push(`,Reseller,DE,`); // missing name
    else if (i === 9) lines.push(`Import ${tag} Vendor ${i},Reseller,Atlantis,`); // unknown country
    else if (i === 15) lines.push(`Import ${tag} Vendor ${i},Friend,FR,`); // bad relationship
    else lines.push(`Import ${tag} Vendor ${i},Reseller,${i % 2 ? "Germany" : "NL"},https://vendor-${i}.example`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

async function partiesTagged(request: APIRequestContext, tag: string): Promise<number> {
  const { data } = await trpcCall(request, "party.list", { search: `Import ${tag}`, pageSize: 100 }, "query");
  return (data as { total: number }).total;
}

test("procurement imports parties from a CSV: the preview shows the 3 bad rows of 20, all-or-nothing imports nothing, then the 17 valid rows import", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await pageAs(browser, "procurement");
  const tag = `t${Date.now().toString(36)}`;

  await open(page, "/parties");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import parties from CSV" })).toBeVisible();
  await page.locator("main[data-hydrated]").waitFor();

  await page.getByLabel("Choose a CSV file").setInputFiles({ name: "vendors.csv", mimeType: "text/csv", buffer: Buffer.from(vendorCsv(tag)) });
  await expect(page.getByText("vendors.csv: 20 rows, 4 columns.")).toBeVisible();
  // The columns map themselves by their names.
  await expect(page.getByLabel("Legal name *")).toHaveValue("Name");
  await expect(page.getByLabel("Country of establishment *")).toHaveValue("Country");
  await page.getByRole("button", { name: "Check 20 rows" }).click();

  await expect(page.getByText("17 of 20 rows are ready to import; 3 rows have problems.")).toBeVisible();
  const table = page.getByRole("table", { name: "Rows of the file" });
  await expect(table.getByRole("row")).toHaveCount(21);
  await expect(table.getByText("Missing name.")).toBeVisible();
  await expect(table.getByText('Unknown country "Atlantis": use an ISO code such as DE or an English name such as Germany.')).toBeVisible();
  await expect(table.getByText(/^Bad relationship "Friend": use one of affiliate, service provider/)).toBeVisible();
  await page.getByLabel("Show").selectOption("problems");
  await expect(table.getByRole("row")).toHaveCount(4);
  // Rows as a spreadsheet numbers them (the header is row 1).
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("5");
  await expect(table.getByRole("row").nth(2).getByRole("cell").first()).toHaveText("10");
  await expect(table.getByRole("row").nth(3).getByRole("cell").first()).toHaveText("16");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} — e.g. ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);

  // All or nothing: nothing applies.
  await page.getByLabel("All or nothing: import nothing unless every row is valid").check();
  await page.getByRole("button", { name: "Import all 20 rows" }).click();
  await expect(page.getByText("Nothing was imported: 3 of 20 rows have problems (all or nothing was chosen).", { exact: false })).toBeVisible();
  expect(await partiesTagged(page.request, tag)).toBe(0);

  // The valid rows apply.
  await page.getByLabel("Import the valid rows and skip the others").check();
  await page.getByRole("button", { name: "Import 17 parties" }).click();
  await expect(page.getByText("vendors.csv: 17 parties imported; 3 rows with problems skipped.")).toBeVisible();
  expect(await partiesTagged(page.request, tag)).toBe(17);

  // The import is one audited change, visible to the DPO in the audit log.
  const dpo = await pageAs(browser, "dpo");
  const { data } = await trpcCall(dpo.request, "audit.list", { action: "party.import", pageSize: 5 }, "query");
  expect(JSON.stringify(data)).toContain("vendors.csv");
});

test("the auditor has no import button and the import page refuses them", async ({ browser }) => {
  const page = await pageAs(browser, "auditor");
  await open(page, "/parties");
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await expect(page.locator("summary", { hasText: "Export" })).toBeVisible();
  const response = await page.goto("/parties/import");
  expect(response?.status()).toBe(403);
  const refused = await trpcCall(page.request, "partyImport.preview", { csv: "Name,Relationship,Country\nX,Reseller,DE\n", mapping: { name: "Name", relationship: "Relationship", country: "Country" } });
  expect(refused.status).toBe(403);
});
