import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const ROLES = ["admin", "procurement", "dpo", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const storageStateOf = (role: Role) => `e2e/.auth/${role}.json`;

/** A page signed in as `role` (from the setup project's stored session), in its own context. */
export async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return context.newPage();
}

/** Opens an app page and waits until React has hydrated it, so typing is not lost to server-rendered HTML. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("main[data-hydrated]").waitFor();
}

/** A name no other test or earlier run uses. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** Fails the test on any uncaught page error. */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
