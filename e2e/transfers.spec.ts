import type { APIRequestContext } from "@playwright/test";
import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";
import { pick } from "./pickers";

/** The demo's German affiliate, or one created for this test when the demo data has none. */
async function germanAffiliate(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const { data } = await trpcCall(request, "party.list", { relationship: "affiliate", country: "DE", pageSize: 100 }, "query");
  const found = (data as { items: { id: string; name: string; country: string }[] } | undefined)?.items.find((p) => p.country === "DE");
  if (found) return found;
  return createPartyViaApi(request, uniqueName("Test Affiliate GmbH"), { relationship: "affiliate", serviceCategory: null, country: "DE", processingLocations: ["DE"] });
}

test.describe("transfers and safeguards", () => {
  test("procurement registers a US analytics provider, a controller-to-processor transfer from Germany and 2021 SCCs module 2: unsafeguarded → safeguarded, tia_missing until a TIA is recorded", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await pageAs(browser, "procurement");
    const exporter = await germanAffiliate(page.request);
    const vendor = uniqueName("Lumen Analytics Inc.");

    // 1. The vendor, through the party form.
    await open(page, "/parties/new");
    await page.getByLabel("Legal name").fill(vendor);
    await page.getByLabel("Relationship").selectOption("service_provider");
    await page.getByLabel("Service category").selectOption("analytics");
    await page.getByLabel("Country of establishment").selectOption("US");
    await page.getByRole("combobox", { name: "Processing locations" }).selectOption("US");
    await page.getByRole("button", { name: "Register party" }).click();
    await expect(page.getByRole("heading", { level: 1, name: vendor })).toBeVisible();
    const vendorId = page.url().split("/").pop()!;

    // 2. The transfer; the form explains the regime, the destination and the fitting safeguard.
    await open(page, "/transfers/new");
    await page.getByRole("button", { name: "Register transfer" }).click();
    await expect(page.getByText("Choose the exporter.", { exact: true })).toBeVisible();
    await expect(page.getByText("Enter the date the transfer started.", { exact: true })).toBeVisible();

    await pick(page, "Exporter", exporter.name, exporter.name);
    await pick(page, "Recipient", vendor, vendor);
    await expect(page.getByLabel("Destination country")).toHaveValue("US");
    await page.getByLabel("Exporter role").selectOption("controller");
    await page.getByLabel("Recipient role").selectOption("processor");
    await page.getByLabel("Start date").fill("2024-01-15");
    await page.getByRole("checkbox", { name: "Customers" }).check();
    const guidance = page.getByRole("region", { name: "Transfer guidance" });
    await expect(guidance).toContainText("EU/EEA GDPR");
    await expect(guidance.getByTestId("destination-kind")).toHaveText("Third country: a safeguard is needed");
    await expect(guidance.getByRole("list", { name: "Suggested safeguards" })).toContainText("SCCs 2021/914 Module 2 (controller-to-processor)");
    await expect(guidance.locator("[data-status]")).toHaveAttribute("data-status", "unsafeguarded");
    await page.getByRole("button", { name: "Register transfer" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText(vendor);
    const transferUrl = page.url();
    const status = page.getByLabel("Current status").locator("[data-status]");
    await expect(status).toHaveAttribute("data-status", "unsafeguarded");

    // 3. The SCCs. Signing the 2010 set after the EU cut-off is refused with the reason.
    await open(page, "/safeguards/new");
    await page.getByLabel("Type").selectOption("scc");
    const title = uniqueName("SCCs Lumen");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("SCC version").selectOption("2010/87");
    await page.getByLabel("Signed on").fill("2024-01-10");
    await pick(page, "Signing parties", exporter.name, exporter.name);
    await pick(page, "Signing parties", vendor, vendor);
    await expect(page.getByRole("list", { name: "Selected signing parties" }).getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: "Register safeguard" }).click();
    await expect(page.getByText(/could not be signed after 2021-09-26 under the EU regime/).first()).toBeVisible();

    await page.getByLabel("SCC version").selectOption("2021/914");
    await page.getByRole("checkbox", { name: "Module 2: controller → processor" }).check();
    await page.getByRole("button", { name: "Register safeguard" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("No transfer relies on this safeguard")).toBeVisible();

    // 4. Attach them to the transfer.
    await open(page, transferUrl);
    await page.getByRole("link", { name: "Edit" }).click();
    // The picker offers the safeguards binding both parties; the new SCCs are among them.
    await pick(page, "Safeguards relied on", title, title);
    await expect(page.getByRole("list", { name: "Selected safeguards relied on" })).toContainText(title);
    await expect(page.getByRole("region", { name: "Transfer guidance" }).locator("[data-status]")).toHaveAttribute("data-status", "safeguarded");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(transferUrl);
    await expect(status).toHaveAttribute("data-status", "safeguarded");
    const issues = page.getByRole("list", { name: "Issues" });
    await expect(issues.locator('[data-issue="tia_missing"]')).toBeVisible();
    await expect(page.getByRole("list", { name: "Safeguards relied on" })).toContainText(title);

    // 5. Record a TIA: the warning disappears.
    await page.getByRole("button", { name: "Record TIA" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a transfer impact assessment" });
    await dialog.getByRole("button", { name: "Save assessment" }).click();
    await expect(dialog.getByText("Enter the date the assessment was completed.")).toBeVisible();
    await dialog.getByLabel("Date completed").fill("2024-02-01");
    await dialog.getByLabel("Assessor").fill("Privacy Office");
    await dialog.getByLabel("Outcome").selectOption("proceed");
    await dialog.getByLabel("Next review").fill("2099-02-01");
    await dialog.getByRole("button", { name: "Save assessment" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("list", { name: "Assessments" })).toContainText("Completed 2024-02-01");
    await expect(page.locator('[data-issue="tia_missing"]')).toHaveCount(0);
    await expect(status).toHaveAttribute("data-status", "safeguarded");

    // The history shows the changes and the assessment.
    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByRole("list", { name: "History entries" });
    await expect(history.getByRole("listitem").filter({ hasText: "Transfer impact assessment recorded" })).toHaveCount(1);
    await expect(history.getByRole("listitem").filter({ hasText: "Transfer edited" })).toHaveCount(1);

    // The safeguard page lists the transfer with its status; the list filters by status.
    await open(page, "/safeguards");
    await page.getByRole("searchbox", { name: "Search safeguards" }).fill(title);
    await expect(page).toHaveURL(/q=/);
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("table", { name: "Transfers relying on this safeguard" }).locator('[data-status="safeguarded"]')).toHaveCount(1);

    await open(page, `/transfers?status=safeguarded&recipient=${vendorId}`);
    await expect(page.getByRole("table", { name: "Transfers" }).getByRole("row")).toHaveCount(2);
    await open(page, `/transfers?status=unsafeguarded&recipient=${vendorId}`);
    await expect(page.getByText("No transfers match these filters")).toBeVisible();

    // The party page shows the transfer and the worst status.
    await open(page, `/parties/${vendorId}`);
    await expect(page.getByRole("table", { name: "Transfers as recipient" })).toContainText(exporter.name);
    await expect(page.getByLabel("Worst transfer status").locator("[data-status]")).toHaveAttribute("data-status", "safeguarded");
  });

  test("a module that does not match the roles is flagged in the form and in the verdict", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const exporter = await germanAffiliate(page.request);
    const vendor = await createPartyViaApi(page.request, uniqueName("Mismatch Hosting Inc."));
    const sg = await trpcCall(page.request, "safeguard.create", {
      fields: { type: "scc", title: uniqueName("SCCs module 1"), sccVersion: "2021/914", modules: [1], signed: "2023-01-01", partyIds: [exporter.id, vendor.id] },
    });
    expect(sg.status).toBe(200);
    const created = await trpcCall(page.request, "transfer.create", {
      fields: { exporterId: exporter.id, recipientId: vendor.id, destination: "US", exporterRole: "controller", recipientRole: "processor", frequency: "continuous", start: "2023-02-01", safeguardIds: [(sg.data as { id: string }).id] },
    });
    expect(created.status).toBe(200);
    const id = (created.data as { id: string }).id;

    await open(page, `/transfers/${id}`);
    await expect(page.getByLabel("Current status").locator("[data-status]")).toHaveAttribute("data-status", "unsafeguarded");
    await expect(page.getByRole("list", { name: "Issues" }).locator('[data-issue="module_mismatch"]')).toBeVisible();
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByText("A chosen safeguard does not cover this transfer:")).toBeVisible();
  });

  test("the auditor reads transfers but cannot change them", async ({ browser }) => {
    const auditor = await pageAs(browser, "auditor");
    await open(auditor, "/transfers");
    await expect(auditor.getByRole("heading", { level: 1, name: "Transfers" })).toBeVisible();
    await expect(auditor.getByRole("link", { name: "New transfer" })).toHaveCount(0);
    const forged = await trpcCall(auditor.request, "tia.create", { transferId: "anything", fields: { completed: "2024-01-01", assessor: "x", outcome: "proceed" } });
    expect(forged.status).toBe(403);
  });

  test("a link to a transfer that does not exist says so at once and leads back to the list", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    await open(page, "/transfers/no-such-transfer");
    // The server no longer retries a failed prefetch (the page took 3 s to answer before: app/_trpc/query-client.test.ts).
    const alert = page.getByRole("alert").filter({ hasText: "Transfer not found" });
    await expect(alert).toContainText('Transfer "no-such-transfer" was not found.');
    await page.getByRole("link", { name: "Back to the transfers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Transfers" })).toBeVisible();
    await expect(page).toHaveURL(/\/transfers$/);
  });
});
