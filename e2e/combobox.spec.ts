import { expect, open, pageAs, test } from "./fixtures";

/** A demo vendor (db/examples/demo-registry.json): its name starts with "Str", which also occurs inside "Kestrelform". */
const STRATACLOUD = { id: "stratacloud", label: "Stratacloud Hosting Inc. (US)" };

test.describe("search-as-you-type pickers", () => {
  test("procurement finds a recipient from three letters and picks it with the keyboard", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    await open(page, "/transfers/new");

    const recipient = page.getByRole("combobox", { name: "Recipient", exact: true });
    await expect(recipient).toHaveAttribute("aria-expanded", "false");
    await recipient.click();
    await recipient.pressSequentially("Str", { delay: 50 });
    await expect(recipient).toHaveAttribute("aria-expanded", "true");

    const listbox = page.getByRole("listbox", { name: "Recipient", exact: true });
    const option = listbox.getByRole("option", { name: new RegExp(STRATACLOUD.label.replace(/[()]/g, "\\$&")) });
    await expect(option).toBeVisible();
    // The best match comes first: a name starting with the letters before names merely containing them.
    await expect(listbox.getByRole("option").first()).toContainText("Stratacloud Hosting Inc.");
    await expect(listbox.getByRole("option").filter({ hasText: "Kestrelform" }).first()).toBeVisible();

    // Arrow down to it: the combobox points at the active option with aria-activedescendant.
    const optionId = await option.getAttribute("id");
    for (let i = 0; i < 20 && (await recipient.getAttribute("aria-activedescendant")) !== optionId; i++) await recipient.press("ArrowDown");
    await expect(recipient).toHaveAttribute("aria-activedescendant", optionId!);
    await expect(option).toHaveAttribute("aria-selected", "false");
    await recipient.press("Enter");

    await expect(recipient).toHaveAttribute("aria-expanded", "false");
    await expect(recipient).toHaveValue(STRATACLOUD.label);
    // The destinations offered are the chosen recipient's processing locations (demo data: US and IE).
    await expect(page.getByLabel("Destination country").locator("option")).toHaveText(["Choose…", "Ireland (IE)", "United States of America (US)"]);

    // Escape closes the list without changing the choice.
    await recipient.press("ArrowDown");
    await expect(recipient).toHaveAttribute("aria-expanded", "true");
    await recipient.press("Escape");
    await expect(recipient).toHaveAttribute("aria-expanded", "false");
    await expect(recipient).toHaveValue(STRATACLOUD.label);
  });

  test("a list filter keeps the id in the URL and shows the party's name", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    await open(page, `/transfers?recipient=${STRATACLOUD.id}`);
    const filter = page.getByRole("combobox", { name: "Recipient", exact: true });
    await expect(filter).toHaveValue(STRATACLOUD.label);
    await expect(page.getByRole("table", { name: "Transfers" })).toContainText("Stratacloud Hosting Inc.");

    await page.getByRole("button", { name: "Clear Recipient" }).click();
    await expect(page).not.toHaveURL(/recipient=/);
    await expect(filter).toHaveValue("");

    await filter.fill("stratacloud");
    await page.getByRole("listbox", { name: "Recipient", exact: true }).getByRole("option", { name: /Stratacloud Hosting Inc\./ }).click();
    await expect(page).toHaveURL(/recipient=stratacloud/);
  });
});
