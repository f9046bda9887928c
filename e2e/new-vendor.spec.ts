import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";
import { pick } from "./pickers";

/**
 * Issue 12, item 3 ("fewer page trips"): procurement covers a brand-new vendor (party, transfer, SCCs)
 * without leaving the transfer form once the party is chosen, in at most 2 full page loads.
 */

/** Counts full page loads (document requests of the main frame and load events); client-side navigations are not loads. */
function countLoads(page: Page) {
  const counts = { documents: 0, loads: 0 };
  page.on("request", (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) counts.documents++;
  });
  page.on("load", () => counts.loads++);
  return counts;
}

async function axeViolations(page: Page, include: string) {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations.map((v) => `${v.id} [${v.impact}] ${v.help} — e.g. ${v.nodes[0]?.target.join(" ")}`);
}

/** True when the focused element is inside the open dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")));

test.describe("a new vendor in one trip", () => {
  test("procurement registers a vendor, then from its page a transfer and its SCCs in the form's dialog: covered, in at most 2 page loads", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const page = await pageAs(browser, "procurement");
    const counts = countLoads(page);
    const vendor = uniqueName("Quanta Cloud Inc.");

    // 1. The party (page load 1).
    await open(page, "/parties/new");
    await page.getByLabel("Legal name").fill(vendor);
    await page.getByLabel("Relationship").selectOption("service_provider");
    await page.getByLabel("Service category").selectOption("analytics");
    await page.getByLabel("Country of establishment").selectOption("US");
    await page.getByRole("combobox", { name: "Processing locations" }).selectOption("US");
    await page.getByRole("button", { name: "Register party" }).click();
    await expect(page.getByRole("heading", { level: 1, name: vendor })).toBeVisible();

    // 2. "New transfer" on the party page opens the form with the vendor as recipient, its only location as destination.
    await page.getByRole("link", { name: "New transfer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Register a transfer" })).toBeVisible();
    const formUrl = page.url();
    expect(formUrl).toMatch(/\/transfers\/new\?recipient=/);
    await expect(page.getByRole("combobox", { name: "Recipient", exact: true })).toHaveValue(new RegExp(vendor.split(" ").pop()!));
    await expect(page.getByLabel("Destination country")).toHaveValue("US");
    const loadsOnForm = { ...counts };

    await expect(page.getByRole("button", { name: "Register a safeguard" })).toBeDisabled();
    await pick(page, "Exporter", "Kestrelform GmbH", "Kestrelform GmbH");
    await page.getByLabel("Exporter role").selectOption("controller");
    await page.getByLabel("Recipient role").selectOption("processor");
    await page.getByLabel("Start date").fill("2025-02-01");
    await page.getByRole("checkbox", { name: "Contact information" }).check();
    await page.getByRole("checkbox", { name: "Customers" }).check();
    const guidance = page.getByRole("region", { name: "Transfer guidance" });
    await expect(guidance.getByRole("list", { name: "Suggested safeguards" })).toContainText("SCCs 2021/914 Module 2 (controller-to-processor)");
    await expect(guidance.locator("[data-status]")).toHaveAttribute("data-status", "unsafeguarded");

    // 3. The dialog: labelled, focus inside it, Escape closes it without a trace.
    await page.getByRole("button", { name: "Register a safeguard" }).click();
    const dialog = page.getByRole("dialog", { name: "Register a safeguard" });
    await expect(dialog).toBeVisible();
    expect(await focusInDialog(page)).toBe(true);
    for (let n = 0; n < 15; n++) await page.keyboard.press("Tab");
    expect(await focusInDialog(page)).toBe(true);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Reopened from the rules panel's suggestion: pre-filled with the 2021 SCCs, module 2, and both parties.
    await guidance.getByRole("button", { name: /Register it now.*SCCs 2021\/914 Module 2/ }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Kestrelform GmbH");
    await expect(dialog).toContainText(vendor);
    await expect(dialog).toContainText("SCCs 2021/914 Module 2 (controller-to-processor)");
    await expect(dialog.getByLabel("Title")).toHaveValue(`SCCs Kestrelform GmbH – ${vendor}`);
    await expect(dialog.getByRole("checkbox", { name: "Module 2: controller → processor" })).toBeChecked();
    await expect(dialog.getByRole("checkbox", { name: "Module 1: controller → controller" })).not.toBeChecked();

    // A refused save explains itself inside the dialog (no signing date), and saves nothing.
    await dialog.getByRole("button", { name: "Register and choose it" }).click();
    await expect(dialog.getByText("Enter the date the clauses were signed.", { exact: true })).toBeVisible();
    expect(await axeViolations(page, "dialog[open]")).toEqual([]);

    await dialog.getByLabel("Signed on").fill("2025-01-20");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: testInfo.outputPath("register-safeguard-dialog-1280.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath("register-safeguard-dialog-390.png") });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axeViolations(page, "dialog[open]")).toEqual([]);

    await dialog.getByRole("button", { name: "Register and choose it" }).click();
    await expect(dialog).toBeHidden();
    // The new SCCs are chosen in the form, which still is the same page.
    await expect(page.getByRole("list", { name: "Selected safeguards relied on" })).toContainText(`SCCs Kestrelform GmbH – ${vendor}`);
    await page.getByRole("heading", { name: "Safeguards relied on" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("form-after-dialog-1280.png") });
    await expect(guidance.locator("[data-status]")).toHaveAttribute("data-status", "safeguarded");
    expect(page.url()).toBe(formUrl);
    expect(counts).toEqual(loadsOnForm);

    // 4. Save the transfer: it is covered.
    await page.getByRole("button", { name: "Register transfer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(vendor);
    expect(page.url()).toMatch(/\/transfers\/[^/?]+$/);
    await expect(page.getByLabel("Current status").locator("[data-status]")).toHaveAttribute("data-status", "safeguarded");
    await expect(page.getByRole("list", { name: "Safeguards relied on" })).toContainText(`SCCs Kestrelform GmbH – ${vendor}`);

    // The whole trip: at most 2 full page loads (here: the first one only).
    expect(counts.documents).toBeLessThanOrEqual(2);
    expect(counts.loads).toBeLessThanOrEqual(2);
  });

  test("the form warns of a duplicate; a safeguard's page attaches itself to a transfer; archiving offers Undo", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const page = await pageAs(browser, "procurement");
    const vendorName = uniqueName("Duplo Hosting LLC");
    const vendor = await createPartyViaApi(page.request, vendorName, { country: "US", processingLocations: ["US"] });
    const exporterId = "kf-de";
    const fields = {
      exporterId,
      recipientId: vendor.id,
      destination: "US",
      exporterRole: "controller",
      recipientRole: "processor",
      dataCategories: ["contact"],
      dataSubjects: ["customers"],
      purposes: ["it_hosting"],
      frequency: "continuous",
      start: "2025-03-01",
    };
    const created = await trpcCall(page.request, "transfer.create", { fields });
    const transfer = created.data as { id: string };
    expect(transfer.id).toBeTruthy();

    // Duplicate warning: the same parties, destination, a shared category and purpose; saving stays possible.
    await open(page, `/transfers/new?recipient=${encodeURIComponent(vendor.id)}`);
    await pick(page, "Exporter", "Kestrelform GmbH", "Kestrelform GmbH");
    await page.getByRole("checkbox", { name: "Contact information" }).check();
    await page.getByRole("checkbox", { name: "Data storage and information technology activities" }).check();
    const warning = page.getByTestId("duplicate-warning");
    await expect(warning).toContainText("A live transfer looks the same");
    await expect(warning.getByRole("link", { name: new RegExp(`${vendorName}.*since 2025-03-01`) })).toHaveAttribute("href", new RegExp(`/transfers/${transfer.id}`));
    await expect(page.getByRole("button", { name: "Register anyway" })).toBeEnabled();
    await warning.screenshot({ path: testInfo.outputPath("duplicate-warning-1280.png") });

    // SCCs registered on their own, then attached from the safeguard's page.
    const sg = await trpcCall(page.request, "safeguard.create", {
      fields: { type: "scc", title: uniqueName("SCCs Duplo"), sccVersion: "2021/914", modules: [2], signed: "2025-02-15", partyIds: [exporterId, vendor.id] },
    });
    const safeguard = sg.data as { id: string; title: string };
    await open(page, `/safeguards/${safeguard.id}`);
    await expect(page.getByText("No transfer relies on this safeguard")).toBeVisible();
    await page.getByRole("button", { name: "Attach to transfers" }).click();
    const dialog = page.getByRole("dialog", { name: "Attach to transfers" });
    await dialog.getByRole("searchbox", { name: "Search the transfers" }).fill(vendorName.split(" ").pop()!);
    const candidates = dialog.getByRole("list", { name: "Transfers it can be attached to" });
    await expect(candidates.getByRole("listitem")).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath("attach-dialog-1280.png") });
    expect(await axeViolations(page, "dialog[open]")).toEqual([]);
    await candidates.getByRole("button", { name: new RegExp(`Attach.*${transfer.id}`) }).click();
    await expect(dialog.getByRole("status").filter({ hasText: "Attached to 1 transfer" })).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    const relying = page.getByRole("table", { name: "Transfers relying on this safeguard" });
    await expect(relying).toContainText(vendorName);
    await expect(relying.locator("[data-status]")).toHaveAttribute("data-status", "safeguarded");

    // Archive the (now superseded) transfer, then undo it from the toast.
    await open(page, `/transfers/${transfer.id}`);
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive transfer" }).click();
    const toast = page.getByTestId("toast").filter({ hasText: "Transfer archived." });
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Transfer restored." })).toBeVisible();
    const after = await trpcCall(page.request, "transfer.byId", { id: transfer.id }, "query");
    expect((after.data as { archivedAt: string | null }).archivedAt).toBeNull();
  });
});
