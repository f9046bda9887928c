import fs from "node:fs";
import Papa from "papaparse";
import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

/** Issue 11, item 4: the Export button downloads exactly what the list's filters select. */
test("the auditor exports the filtered transfers as CSV and XLSX from the list's Export button", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await pageAs(browser, "auditor");
  await open(page, "/transfers?status=unsafeguarded");
  const { data } = await trpcCall(page.request, "transfer.list", { status: "unsafeguarded", pageSize: 100 }, "query");
  const listed = data as { total: number; items: { id: string }[] };
  expect(listed.total).toBeGreaterThan(0);

  await page.locator("summary", { hasText: "Export" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV (spreadsheet text)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^transfers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  expect(rows[0]!.slice(0, 2)).toEqual(["Transfer id", "Exporter"]);
  expect(rows.length - 1).toBe(listed.total);
  const status = rows[0]!.indexOf("Status");
  expect(new Set(rows.slice(1).map((r) => r[status]))).toEqual(new Set(["Unsafeguarded"]));
  expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(listed.items.map((i) => i.id).sort());

  const xlsx = await page.request.get("/api/export/transfers?format=xlsx&status=unsafeguarded");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(xlsx.headers()["x-export-rows"]).toBe(String(listed.total));
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

  // Bad filters and a signed-out request are refused.
  expect((await page.request.get("/api/export/transfers?format=pdf")).status()).toBe(400);
  expect((await page.request.get("/api/export/transfers?status=nope")).status()).toBe(400);
  const anonymous = (await browser.newContext()).request;
  expect((await anonymous.get("/api/export/parties?format=csv")).status()).toBe(401);
});

test("the shareable registry JSON leaves out contacts and notes; the full one is the administrator's", async ({ browser }) => {
  const dpo = await pageAs(browser, "dpo");
  const shareable = await dpo.request.get("/api/registry/export?variant=shareable");
  expect(shareable.status()).toBe(200);
  const body = await shareable.text();
  expect(body).toContain('"transfer-registry/v1"');
  for (const field of ['"contactName"', '"contactEmail"', '"notes"']) expect(body).not.toContain(field);
  expect((await dpo.request.get("/api/registry/export")).status()).toBe(403);

  const admin = await pageAs(browser, "admin");
  await open(admin, "/registry");
  await expect(admin.getByRole("link", { name: "Download full JSON" })).toBeVisible();
  const full = await admin.request.get("/api/registry/export");
  expect(full.status()).toBe(200);
  expect(await full.text()).toContain('"contactEmail"');

  // The summary for auditors, as a PDF with its fonts embedded.
  await expect(admin.getByRole("link", { name: "Summary for auditors (PDF)" })).toBeVisible();
  const pdf = await admin.request.get("/api/export/summary");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
