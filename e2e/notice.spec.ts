import { expect, open, pageAs, test } from "./fixtures";

const OUTDATED_NOTICE = [
  "Data transfers",
  "We share personal data with our affiliates and with service providers such as IT hosting providers.",
  "We rely on the EU-U.S. Privacy Shield Framework to transfer personal data to the United States.",
].join("\n");

test("the DPO pastes a notice that still claims Privacy Shield reliance and sees the finding with its quote", async ({ browser }) => {
  const page = await pageAs(browser, "dpo");
  await open(page, "/notice");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  await page.getByRole("tab", { name: "Check a notice" }).click();
  await page.getByLabel("Notice text").fill(OUTDATED_NOTICE);
  await page.getByRole("button", { name: "Check notice", exact: true }).click();

  const findings = page.getByRole("list", { name: "Findings" });
  const finding = findings.getByRole("listitem").filter({ hasText: "Mechanism claimed but not in use" }).filter({ hasText: "Privacy Shield" });
  await expect(finding).toHaveCount(1);
  await expect(finding.getByText("Error", { exact: true })).toBeVisible();
  await expect(finding.locator("blockquote")).toContainText("We rely on the EU-U.S. Privacy Shield Framework to transfer personal data to the United States.");
  await expect(finding).toContainText("since 2020-07-16");
});

test("the DPO stores generated sections and a check; they are listed in the history", async ({ browser }) => {
  const page = await pageAs(browser, "dpo");
  await open(page, "/notice");
  await expect(page.getByRole("heading", { name: "International transfers", exact: true, level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "CCPA/CPRA tables", exact: true, level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Store these sections" }).click();
  const history = page.getByRole("table", { name: "Stored notice records" });
  await expect(history.getByRole("row").filter({ hasText: "Generated sections" }).first()).toBeVisible();

  await page.getByRole("tab", { name: "Check a notice" }).click();
  await page.getByLabel("Notice text").fill(OUTDATED_NOTICE);
  await page.getByRole("button", { name: "Check and store in the history" }).click();
  await expect(history.getByRole("row").filter({ hasText: "Check of Pasted text" }).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Findings" })).toBeVisible();
});

test("an empty check is refused with a message; the auditor reads but cannot check", async ({ browser }) => {
  const dpo = await pageAs(browser, "dpo");
  await open(dpo, "/notice?tab=check");
  await dpo.getByRole("button", { name: "Check notice", exact: true }).click();
  await expect(dpo.getByRole("alert").filter({ hasText: "Paste the notice's text or choose a file first." })).toBeVisible();

  const auditor = await pageAs(browser, "auditor");
  await open(auditor, "/notice?tab=check");
  await expect(auditor.getByText("Checking a notice is open to the data protection officer")).toBeVisible();
  await expect(auditor.getByRole("button", { name: "Store these sections" })).toHaveCount(0);
});
