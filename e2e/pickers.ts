import type { Page } from "@playwright/test";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Picks an option of a search-as-you-type combobox (app/_components/ui/combobox.tsx): types `text`
 * into the combobox labelled `label` and clicks the option whose name contains `option`.
 */
export async function pick(page: Page, label: string, text: string, option: string) {
  await page.getByRole("combobox", { name: label, exact: true }).fill(text);
  await page
    .getByRole("listbox", { name: label, exact: true })
    .getByRole("option", { name: new RegExp(escape(option)) })
    .click();
}
