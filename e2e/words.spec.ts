import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";

/** In the users' words (issue 12): specific page titles, names instead of codes, a palette to jump anywhere. */
test.describe("words and navigation", () => {
  test("a transfer's page title names its exporter and recipient", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    const { data } = await trpcCall(page.request, "transfer.list", { sort: "id", dir: "asc", page: 1, pageSize: 5, archived: "active" }, "query");
    const t = (data as { items: { id: string; exporter: { name: string }; recipient: { name: string } }[] }).items[0]!;
    await open(page, `/transfers/${t.id}`);
    await expect(page).toHaveTitle(`${t.exporter.name} → ${t.recipient.name} · Transfer · Transfer Registry`);
  });

  test("the Users page names permissions in words, not ids", async ({ browser }) => {
    const page = await pageAs(browser, "admin");
    await open(page, "/users");
    const table = page.getByRole("table", { name: "Permissions by role" });
    await expect(table.getByRole("cell", { name: /^Register parties/ })).toBeVisible();
    await expect(table.getByText("party.create", { exact: true })).toBeHidden();
  });

  test("issue badges read as words, with the code kept in data-issue", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    await open(page, "/transfers?issue=tia_missing");
    const badge = page.locator('[data-issue="tia_missing"]').first();
    // The words of server/domain/labels.ts, the one label set the CLI's table uses too.
    await expect(badge).toContainText("Transfer impact assessment missing");
    await expect(badge).not.toContainText("tia_missing");
  });

  test("Ctrl+K opens a palette that finds a party by name on the server and opens it", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const party = await createPartyViaApi(page.request, uniqueName("Palette Vendor"));
    await open(page, "/");
    await page.keyboard.press("Control+k");
    const input = page.getByRole("combobox", { name: "Go to a page, party, transfer or safeguard" });
    await expect(input).toBeFocused();
    await input.fill(party.name);
    const option = page.getByRole("option", { name: new RegExp(party.name) });
    await expect(option).toBeVisible();
    await option.click();
    await expect(page).toHaveURL(new RegExp(`/parties/${party.id}$`));
    await expect(page.getByRole("heading", { name: party.name, level: 1 })).toBeVisible();
  });
});
