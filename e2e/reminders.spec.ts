import { request as playwrightRequest } from "@playwright/test";
import { createPartyViaApi, trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";

/** Today (UTC, as the server counts) plus `days`, as YYYY-MM-DD. */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("the DPO sees a safeguard's end in the inbox, changes the horizon, and subscribes to the calendar feed", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const page = await pageAs(browser, "dpo");

  // A safeguard whose last day is 20 days from now.
  const exporter = await createPartyViaApi(page.request, uniqueName("Reminder Affiliate GmbH"), { relationship: "affiliate", serviceCategory: null, country: "DE", processingLocations: ["DE"] });
  const vendor = await createPartyViaApi(page.request, uniqueName("Reminder Hosting Inc."));
  const title = uniqueName("SCCs ending soon");
  const ends = inDays(20);
  const sg = await trpcCall(page.request, "safeguard.create", {
    fields: { type: "scc", title, sccVersion: "2021/914", modules: [2], signed: "2023-01-01", ended: ends, partyIds: [exporter.id, vendor.id] },
  });
  expect(sg.status, sg.error?.message).toBe(200);

  // The inbox, filtered to safeguard ends, shows it with its date, days left, kind and a link to the safeguard.
  await open(page, "/reminders");
  await expect(page.getByRole("heading", { level: 1, name: "Reminders" })).toBeVisible();
  await page.getByLabel("Kind").selectOption("safeguard_end");
  await expect(page).toHaveURL(/kind=safeguard_end/);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(ends);
  await expect(row).toContainText("in 20 days");
  await expect(row).toContainText("Safeguard ends");
  await expect(row.getByRole("link", { name: title })).toHaveAttribute("href", `/safeguards/${(sg.data as { id: string }).id}`);

  // A horizon of 10 days leaves it out; 120 brings it back.
  const horizon = page.getByLabel("Days ahead");
  await horizon.fill("10");
  await page.getByRole("button", { name: "Save horizon" }).click();
  await expect(page.getByText("Horizon set to 10 days.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(0);
  await horizon.fill("400");
  await page.getByRole("button", { name: "Save horizon" }).click();
  await expect(page.getByText("Enter a whole number of days from 7 to 365.")).toBeVisible();
  await horizon.fill("120");
  await page.getByRole("button", { name: "Save horizon" }).click();
  await expect(page.getByText("Horizon set to 120 days.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);

  // Create the feed address (shown once), fetch it without a session: 200, text/calendar, the event.
  await page.getByRole("button", { name: "Create feed address" }).click();
  const urlBox = page.getByLabel("Feed address");
  await expect(urlBox).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const firstUrl = await urlBox.inputValue();
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const feed = await anonymous.get(firstUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain(`DTSTART;VALUE=DATE:${ends.replaceAll("-", "")}`);
  expect(body.replace(/\r\n[ \t]/g, "")).toContain(`SUMMARY:Safeguard ends: ${title}`);

  // Rotate: a new address; the old one answers 404.
  await page.getByRole("button", { name: "Rotate address" }).click();
  await expect(urlBox).not.toHaveValue(firstUrl);
  const secondUrl = await urlBox.inputValue();
  expect((await anonymous.get(firstUrl)).status()).toBe(404);
  expect((await anonymous.get(secondUrl)).status()).toBe(200);

  // Revoke: the current address answers 404 too.
  await page.getByRole("button", { name: "Revoke feed" }).click();
  await page.getByRole("button", { name: "Yes, revoke the feed" }).click();
  await expect(page.getByText("You have no calendar feed.")).toBeVisible();
  expect((await anonymous.get(secondUrl)).status()).toBe(404);

  // The changes are in the audit log.
  await open(page, "/audit?action=calendar_feed.rotate");
  await expect(page.getByRole("list", { name: "Audit entries" })).toContainText("Calendar feed address changed");

  // Back to the default horizon for the other tests.
  await open(page, "/reminders");
  await page.getByLabel("Days ahead").fill("90");
  await page.getByRole("button", { name: "Save horizon" }).click();
  await expect(page.getByText("Horizon set to 90 days.")).toBeVisible();
  await anonymous.dispose();
});

test("the overview shows the upcoming events and links to the inbox", async ({ browser }) => {
  const page = await pageAs(browser, "procurement");
  await open(page, "/");
  const card = page.getByRole("region", { name: "Upcoming events" }).or(page.locator("section").filter({ has: page.getByRole("heading", { name: "Upcoming events" }) }));
  await expect(card.first()).toContainText("overdue");
  await card.first().getByRole("link", { name: "All reminders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reminders" })).toBeVisible();
});

test("the auditor reads reminders but has no feed or horizon to change", async ({ browser }) => {
  const page = await pageAs(browser, "auditor");
  await open(page, "/reminders");
  await expect(page.getByText("Your role changes nothing, so it has no calendar feed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create feed address" })).toHaveCount(0);
  const forged = await trpcCall(page.request, "reminders.createFeed", undefined);
  expect(forged.status).toBe(403);
});
