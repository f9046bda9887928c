import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD } from "../server/demo-accounts";
import { ROLES, storageStateOf } from "./fixtures";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: new RegExp(`Use the .* demo account`, "i") }).first().waitFor();
    await page.getByLabel("E-mail address").fill(`${role}@demo.test`);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
