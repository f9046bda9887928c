import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";

test.describe("party register", () => {
  test("procurement registers a service provider with two processing locations, finds it, edits it and sees the change in its History", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const name = uniqueName("Nimbus Analytics Inc.");

    await open(page, "/parties");
    await page.getByRole("link", { name: "New party" }).click();
    await expect(page.getByRole("heading", { name: "Register a party" })).toBeVisible();

    // Submitting empty shows field-level messages and saves nothing.
    await page.getByRole("button", { name: "Register party" }).click();
    // (exact: the error summary repeats each message after its field's name, as a link to the field)
    await expect(page.getByText("Enter the legal name.", { exact: true })).toBeVisible();
    await expect(page.getByText("Choose a country of establishment.", { exact: true })).toBeVisible();

    await page.getByLabel("Legal name").fill(name);
    await page.getByLabel("Relationship").selectOption("service_provider");
    await page.getByLabel("Service category").selectOption("analytics");
    await page.getByLabel("Country of establishment").selectOption("US");
    await page.getByRole("combobox", { name: "Processing locations" }).selectOption("US");
    await page.getByRole("combobox", { name: "Processing locations" }).selectOption("IE");
    await page.getByLabel("Website").fill("https://nimbus.example");
    await page.getByRole("checkbox", { name: /Online identifiers and device data/ }).check();
    await page.getByRole("button", { name: "Register party" }).click();

    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const locations = page.getByRole("list", { name: "Processing locations" }).getByRole("listitem");
    await expect(locations).toHaveCount(2);
    await expect(locations).toContainText(["Ireland (IE)", "United States of America (US)"]);

    // Find it by search from the list.
    await open(page, "/parties");
    await page.getByRole("searchbox", { name: "Search parties" }).fill(name.split(" ").slice(-1)[0]!);
    await expect(page).toHaveURL(/q=/);
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    // Edit it.
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Contact name").fill("Grace Hopper");
    await page.getByLabel("Website").fill("https://analytics.nimbus.example");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("https://analytics.nimbus.example")).toBeVisible();
    await expect(page.getByText("Grace Hopper")).toBeVisible();

    // See the change in its History.
    await page.getByRole("tab", { name: "History" }).click();
    const entries = page.getByRole("list", { name: "History entries" }).getByRole("listitem").filter({ hasText: "procurement@demo.test" });
    await expect(entries).toHaveCount(2);
    const update = entries.filter({ hasText: "Party edited" });
    await expect(update.getByRole("list", { name: "Changed fields" })).toContainText("Website");
    await expect(update).toContainText("https://analytics.nimbus.example");
    await expect(entries.filter({ hasText: "Party created" })).toHaveCount(1);
  });

  test("the auditor sees a party without edit controls, and a forged edit is FORBIDDEN", async ({ browser }) => {
    const procurement = await pageAs(browser, "procurement");
    const party = await createPartyViaApi(procurement.request, uniqueName("Audited Hosting LLC"));

    const auditor = await pageAs(browser, "auditor");
    await open(auditor, "/parties");
    await expect(auditor.getByRole("heading", { name: "Parties", level: 1 })).toBeVisible();
    await expect(auditor.getByRole("link", { name: "New party" })).toHaveCount(0);

    await open(auditor, `/parties/${party.id}`);
    await expect(auditor.getByRole("heading", { level: 1, name: party.name })).toBeVisible();
    await expect(auditor.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(auditor.getByRole("button", { name: "Archive" })).toHaveCount(0);

    // The edit page itself refuses the auditor, before the form opens (HTTP 403).
    const refused = await auditor.goto(`/parties/${party.id}/edit`);
    expect(refused?.status()).toBe(403);
    await expect(auditor.getByRole("heading", { name: "Not allowed", level: 1 })).toBeVisible();
    await expect(auditor.getByLabel("Legal name")).toHaveCount(0);

    // A forged request with the auditor's session is refused by the server.
    const forged = await trpcCall(auditor.request, "party.update", {
      id: party.id,
      version: party.version,
      fields: { name: "Forged Name", relationship: "other", country: "US", processingLocations: ["US"] },
    });
    expect(forged.status).toBe(403);
    expect(forged.error?.data?.code).toBe("FORBIDDEN");

    const after = await trpcCall(auditor.request, "party.byId", { id: party.id }, "query");
    expect((after.data as { name: string }).name).toBe(party.name);
  });

  test("a stale edit from a second tab is refused and overwrites nothing", async ({ browser }) => {
    const first = await pageAs(browser, "procurement");
    const party = await createPartyViaApi(first.request, uniqueName("Twin Tabs GmbH"), { country: "DE", processingLocations: ["DE"], relationship: "reseller", serviceCategory: null });
    const second = await first.context().newPage();

    await open(first, `/parties/${party.id}/edit`);
    await open(second, `/parties/${party.id}/edit`);
    await expect(first.getByLabel("Legal name")).toHaveValue(party.name);
    await expect(second.getByLabel("Legal name")).toHaveValue(party.name);

    await first.getByLabel("Notes").fill("Saved first.");
    await first.getByRole("button", { name: "Save changes" }).click();
    await expect(first.getByRole("heading", { level: 1, name: party.name })).toBeVisible();
    await expect(first.getByText("Saved first.")).toBeVisible();

    await second.bringToFront();
    await second.getByLabel("Notes").fill("Saved second, from a stale copy.");
    await second.getByRole("button", { name: "Save changes" }).click();
    await expect(second.getByText("Not saved: this party changed meanwhile")).toBeVisible();
    await expect(second.getByText(/changed by someone else after you opened it/)).toBeVisible();

    const current = await trpcCall(first.request, "party.byId", { id: party.id }, "query");
    expect((current.data as { notes: string; version: number }).notes).toBe("Saved first.");
    expect((current.data as { notes: string; version: number }).version).toBe(party.version + 1);
  });
});
