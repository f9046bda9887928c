import type { APIRequestContext } from "@playwright/test";
import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";
import { pick } from "./pickers";

/** `YYYY-MM-DD` of today (UTC, as the server) plus `days`. */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The demo's German affiliate, or one created for this test when the demo data has none. */
async function germanAffiliate(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const { data } = await trpcCall(request, "party.list", { relationship: "affiliate", country: "DE", pageSize: 100 }, "query");
  const found = (data as { items: { id: string; name: string; country: string }[] } | undefined)?.items.find((p) => p.country === "DE");
  if (found) return found;
  return createPartyViaApi(request, uniqueName("Test Affiliate GmbH"), { relationship: "affiliate", serviceCategory: null, country: "DE", processingLocations: ["DE"] });
}

test.describe("flags", () => {
  test("procurement registers a transfer starting in 10 days with no safeguard: flagged uncovered_at_start; the remedy opens a pre-filled SCC form; after saving, the flag resolves", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await pageAs(browser, "procurement");
    const exporter = await germanAffiliate(page.request);
    const vendor = await createPartyViaApi(page.request, uniqueName("Nimbus Payroll Inc."));
    const start = inDays(10);

    // The transfer, through the form, starting in 10 days.
    await open(page, "/transfers/new");
    await pick(page, "Exporter", exporter.name, exporter.name);
    await pick(page, "Recipient", vendor.name, vendor.name);
    await expect(page.getByLabel("Destination country")).toHaveValue("US");
    await page.getByLabel("Exporter role").selectOption("controller");
    await page.getByLabel("Recipient role").selectOption("processor");
    await page.getByLabel("Start date").fill(start);
    await page.getByRole("checkbox", { name: "Customers" }).check();
    await page.getByRole("button", { name: "Register transfer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(vendor.name);
    const transferId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    // The coverage card names the start day, never an inverted range.
    await expect(page.getByText(`The transfer starts on ${start}: what will cover it on that day.`)).toBeVisible();

    // The flags page lists it as "No cover when it starts", an error (within 30 days of the start).
    await open(page, `/flags?party=${encodeURIComponent(vendor.id)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
    const flag = page.locator(`[data-flag="${transferId}|uncovered_at_start"]`);
    await expect(flag).toBeVisible();
    await expect(flag).toContainText("No cover when it starts");
    await expect(flag).toContainText("Error");
    await expect(flag).toContainText(`The transfer starts on ${start} and nothing covers it on that day`);
    await expect(flag).toContainText("Suggested remedy: Sign the 2021 SCCs, module 2.");

    // The remedy opens the safeguard form, pre-filled: SCCs 2021/914, module 2, both parties, this transfer.
    await flag.getByRole("link", { name: /Register the SCCs/ }).click();
    await expect(page).toHaveURL(/\/safeguards\/new\?/);
    await page.locator("main[data-hydrated]").waitFor();
    await expect(page.getByLabel("Type")).toHaveValue("scc");
    await expect(page.getByLabel("SCC version")).toHaveValue("2021/914");
    await expect(page.getByRole("checkbox", { name: "Module 2: controller → processor" })).toBeChecked();
    await expect(page.getByRole("list", { name: "Selected signing parties" }).getByRole("listitem")).toHaveCount(2);
    await expect(page.getByRole("note")).toContainText(transferId);
    await page.getByLabel("Signed on").fill(inDays(0));
    await page.getByRole("button", { name: "Register safeguard" }).click();

    // Saved and attached: back on the transfer, which relies on the new SCCs; the flag is gone.
    await expect(page).toHaveURL(new RegExp(`/transfers/${transferId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(vendor.name);
    await open(page, `/flags?party=${encodeURIComponent(vendor.id)}&state=all`);
    await expect(page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
    await expect(page.locator(`[data-flag="${transferId}|uncovered_at_start"]`)).toHaveCount(0);
    await expect(page.getByText("No flags match these filters")).toBeVisible();
  });

  test("the DPO accepts a risk with a justification and a re-review date: it leaves the open list, its audit entry shows, and it reopens past the re-review date", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await pageAs(browser, "dpo");
    const exporter = await germanAffiliate(page.request);
    const vendor = await createPartyViaApi(page.request, uniqueName("Quarry Support LLC"));
    const created = await trpcCall(page.request, "transfer.create", {
      fields: {
        exporterId: exporter.id, recipientId: vendor.id, destination: "US", exporterRole: "controller", recipientRole: "processor",
        dataCategories: ["contact"], dataSubjects: ["customers"], frequency: "continuous", start: "2024-01-01",
      },
    });
    expect(created.status, created.error?.message).toBe(200);
    const transferId = (created.data as { id: string }).id;
    const rereview = inDays(20);

    await open(page, `/flags?party=${encodeURIComponent(vendor.id)}`);
    const flag = page.locator(`[data-flag="${transferId}|unsafeguarded"]`);
    await expect(flag).toContainText("Unsafeguarded transfer");
    await expect(flag).toContainText("Open");
    await expect(flag).toContainText("Raised since 2024-01-01");
    await flag.getByRole("button", { name: "Details and review" }).click();
    await expect(flag.getByText("Citations")).toBeVisible();

    // The justification is required.
    await flag.getByRole("button", { name: "Accept the risk…" }).click();
    await flag.getByLabel("Re-review on").fill(rereview);
    await flag.getByRole("button", { name: "Accept the risk", exact: true }).click();
    await expect(flag.getByText("Explain why the risk is accepted.").first()).toBeVisible();
    await flag.getByLabel("Justification").fill("The vendor is replaced within the quarter; no special categories.");
    await flag.getByRole("button", { name: "Accept the risk", exact: true }).click();

    // It leaves the open list…
    await expect(page.locator(`[data-flag="${transferId}|unsafeguarded"]`)).toHaveCount(0);
    // …and is listed as an accepted risk, with its audit entry.
    await open(page, `/flags?party=${encodeURIComponent(vendor.id)}&state=risk_accepted`);
    const accepted = page.locator(`[data-flag="${transferId}|unsafeguarded"]`);
    await expect(accepted).toContainText("Risk accepted");
    await expect(accepted).toContainText(`Re-review on ${rereview}`);
    await accepted.getByRole("button", { name: "Details and review" }).click();
    await expect(accepted.getByRole("list", { name: "Audit entries" })).toContainText(`dpo@demo.test · accepted the risk until ${rereview}: The vendor is replaced within the quarter`);

    // Past the re-review date it is open again.
    await open(page, `/flags?party=${encodeURIComponent(vendor.id)}&asOf=${inDays(21)}`);
    const reopened = page.locator(`[data-flag="${transferId}|unsafeguarded"]`);
    await expect(reopened).toContainText("Open");
    await expect(reopened).not.toContainText("Risk accepted");
    // The day before, it is still an accepted risk (not in the open list).
    await open(page, `/flags?party=${encodeURIComponent(vendor.id)}&asOf=${inDays(19)}`);
    await expect(page.locator(`[data-flag="${transferId}|unsafeguarded"]`)).toHaveCount(0);
  });
});
