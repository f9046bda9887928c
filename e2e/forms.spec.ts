import type { Page } from "@playwright/test";
import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";

/** Forms guide (issue 12): closed to roles that cannot submit them; a refused submit leads to what to fix. */
test.describe("forms", () => {
  test("the auditor opening /parties/new gets a Not allowed page with HTTP 403, not the form", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    const response = await page.goto("/parties/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Legal name")).toHaveCount(0);
  });

  test("every form a role may not submit answers 403; the roles that may submit get the form", async ({ browser }) => {
    const admin = await pageAs(browser, "admin");
    for (const url of ["/transfers/new", "/safeguards/new", "/parties/new"]) {
      expect((await admin.request.get(url)).status(), `admin ${url}`).toBe(403);
    }
    const procurement = await pageAs(browser, "procurement");
    expect((await procurement.request.get("/knowledge-base/new")).status()).toBe(403);
    expect((await procurement.request.get("/parties/new")).status()).toBe(200);
    const dpo = await pageAs(browser, "dpo");
    expect((await dpo.request.get("/knowledge-base/new")).status()).toBe(200);
  });

  test("a failed submit moves focus to the error summary, which links to each field", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    await open(page, "/parties/new");
    await expect(page.getByLabel("Legal name")).toHaveAttribute("aria-required", "true");
    await page.getByRole("button", { name: /register party|save/i }).click();
    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("heading", { name: "Please correct the highlighted fields" })).toBeVisible();
    const link = summary.getByRole("link", { name: /^Legal name:/ });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByLabel("Legal name")).toBeFocused();
  });
});

/** A throwaway user (a role change ends the user's sessions, so the demo accounts are left alone). */
async function newUser(page: Page): Promise<string> {
  const email = `${uniqueName("confirm").replace(/\W+/g, "-").toLowerCase()}@example.test`;
  const { status, error } = await trpcCall(page.request, "user.create", { name: "Confirm Test", email, role: "auditor", password: "a-long-test-password" });
  if (status !== 200) throw new Error(`user.create failed (${status}): ${error?.message}`);
  return email;
}

test.describe("confirmations and feedback", () => {
  test("a role change on the Users page waits for confirmation and says it saved", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    const email = await newUser(page);
    await open(page, "/users");
    const select = page.getByLabel(`Role of ${email}`);
    await select.selectOption({ label: "Procurement" });
    const dialog = page.getByRole("dialog", { name: /Change the role of/ });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("From Auditor to Procurement");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    // Cancelled: nothing changed.
    await expect(select).toHaveValue("auditor");

    await select.selectOption({ label: "Procurement" });
    await page.getByRole("dialog", { name: /Change the role of/ }).getByRole("button", { name: "Change role" }).click();
    await expect(page.getByTestId("toast")).toContainText("Procurement. Saved.");
    await expect(select).toHaveValue("procurement");
  });

  test("deactivating a user asks first, then says it is done", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    const email = await newUser(page);
    await open(page, "/users");
    const row = page.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: "Deactivate" }).click();
    const dialog = page.getByRole("dialog", { name: /Deactivate/ });
    await expect(dialog).toContainText("can no longer sign in");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();

    await row.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("dialog", { name: /Deactivate/ }).getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByTestId("toast")).toContainText("deactivated");
    await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  });

  test("saving a party says so", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const party = await createPartyViaApi(page.request, uniqueName("Toast Vendor"));
    await open(page, `/parties/${party.id}/edit`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/parties/${party.id}$`));
    await expect(page.getByTestId("toast")).toContainText("Party saved.");
  });
});

test.describe("fewer page trips", () => {
  test("New transfer on a vendor's page opens the form with the vendor as recipient and its only location as destination", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const vendor = await createPartyViaApi(page.request, uniqueName("Prefill Vendor"), { country: "JP", processingLocations: ["JP"] });
    await open(page, `/parties/${vendor.id}`);
    await page.getByRole("link", { name: "New transfer" }).click();
    await expect(page).toHaveURL(new RegExp(`/transfers/new\\?recipient=${vendor.id}$`));
    await page.locator("main[data-hydrated]").waitFor();
    await expect(page.getByRole("combobox", { name: "Recipient", exact: true })).toHaveValue(vendor.name);
    await expect(page.getByLabel("Destination country")).toHaveValue("JP");
  });
});

test.describe("unsaved changes", () => {
  test("leaving a half-filled form by a link asks first; cancelling stays on the form with the input kept", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    await open(page, "/parties/new");
    // Untouched: leaving does not ask.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Safeguards" }).click();
    await expect(page).toHaveURL(/\/safeguards$/);

    await open(page, "/parties/new");
    await page.getByLabel("Legal name").fill("Half Filled GmbH");
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Transfers" }).click();
    await expect.poll(() => asked).toEqual(["Leave this page? Your changes are not saved."]);
    await expect(page).toHaveURL(/\/parties\/new$/);
    await expect(page.getByLabel("Legal name")).toHaveValue("Half Filled GmbH");

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Transfers" }).click();
    await expect(page).toHaveURL(/\/transfers$/);
  });
});
