import { expect, type Page } from "@playwright/test";
import type { Status } from "@/server/domain/rules/types";

/**
 * Helpers for the app-wide as-of date (`?asOf=`), shared by the specs that check a status "as of" a day.
 */

/** Sets the header's date control to `date` and waits until the URL and the page follow it. */
export async function setAsOf(page: Page, date: string): Promise<void> {
  await page.getByLabel("As of", { exact: true }).fill(date);
  await expect(page).toHaveURL(new RegExp(`[?&]asOf=${date}`));
  await expect(page.getByRole("region", { name: "As-of date" })).toContainText(`Viewing the registry as of ${date}`);
}

/** The URL of the page carries the as-of date. */
export async function expectAsOfInUrl(page: Page, date: string, path?: RegExp): Promise<void> {
  if (path) await expect(page).toHaveURL(path);
  await expect(page).toHaveURL(new RegExp(`[?&]asOf=${date}(&|$|#)`));
}

/**
 * The status the current page shows for transfer `transferId`: on the transfer's own page, the badge in its title;
 * on any other page (overview, lists, a party's or a safeguard's page, the flags page), the status badge in the row
 * (`tr` or `li`) that links to the transfer.
 */
export async function expectTransferStatus(page: Page, transferId: string, status: Status): Promise<void> {
  const own = new URL(page.url()).pathname === `/transfers/${transferId}`;
  const badge = own
    ? page.getByRole("heading", { level: 1 }).locator("[data-status]")
    : page
        .locator("tr, li")
        .filter({ has: page.locator(`a[href="/transfers/${transferId}"], a[href^="/transfers/${transferId}?"]`) })
        .first()
        .locator("[data-status]")
        .first();
  await expect(badge).toHaveAttribute("data-status", status);
}
