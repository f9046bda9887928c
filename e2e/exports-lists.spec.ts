import fs from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

/** Issue 11, item 4: the Export button of the flags, safeguards and audit-log lists downloads exactly what their filters select. */
test("the DPO exports the error flags as CSV from the flags list's Export button: the same flags as the list", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await pageAs(browser, "dpo");
  await open(page, "/flags?severity=error&state=all");
  const { data } = await trpcCall(page.request, "flag.list", { severity: "error", state: "all", pageSize: 100 }, "query");
  const listed = data as { total: number; items: { transferId: string; code: string }[] };
  expect(listed.total).toBeGreaterThan(0);
  expect(listed.total).toBeLessThanOrEqual(100);

  await page.locator("summary", { hasText: "Export" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV (spreadsheet text)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^flags-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = Papa.parse<string[]>(fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
  expect(rows[0]!.slice(0, 3)).toEqual(["Severity", "Issue", "Transfer id"]);
  expect(rows.length - 1).toBe(listed.total);
  expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(["Error"]));
  expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(listed.items.map((i) => i.transferId).sort());

  // A past as-of date travels with the export.
  const past = await page.request.get("/api/export/flags?format=csv&severity=error&asOf=2024-01-01");
  expect(past.status()).toBe(200);
  expect(past.headers()["content-disposition"]).toContain('filename="flags-2024-01-01.csv"');
});

test("the safeguards export selects what the list's filters select, as XLSX", async ({ browser }) => {
  const page = await pageAs(browser, "procurement");
  await open(page, "/safeguards?type=scc");
  await expect(page.locator("summary", { hasText: "Export" })).toBeVisible();
  const { data } = await trpcCall(page.request, "safeguard.list", { type: "scc", pageSize: 100 }, "query");
  const listed = data as { total: number; items: { id: string }[] };
  expect(listed.total).toBeGreaterThan(0);
  const response = await page.request.get("/api/export/safeguards?format=xlsx&type=scc");
  expect(response.status()).toBe(200);
  expect(response.headers()["x-export-rows"]).toBe(String(listed.total));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Safeguards")!;
  const kinds = new Set<string>();
  const ids: string[] = [];
  for (let i = 2; i <= sheet.rowCount; i++) {
    ids.push(String(sheet.getRow(i).getCell(1).value));
    kinds.add(String(sheet.getRow(i).getCell(3).value));
  }
  expect(kinds).toEqual(new Set(["EU standard contractual clauses (SCCs)"]));
  if (listed.total <= 100) expect(ids.sort()).toEqual(listed.items.map((s) => s.id).sort());
});

test("the audit log export is for the roles that read the audit log", async ({ browser }) => {
  const auditor = await pageAs(browser, "auditor");
  await open(auditor, "/audit?entityType=party");
  await auditor.locator("summary", { hasText: "Export" }).click();
  const downloading = auditor.waitForEvent("download");
  await auditor.getByRole("link", { name: "Excel workbook (XLSX)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet("Audit log")!;
  expect(sheet.rowCount).toBeGreaterThan(1);
  const types = new Set<string>();
  for (let i = 2; i <= sheet.rowCount; i++) types.add(String(sheet.getRow(i).getCell(6).value));
  expect(types).toEqual(new Set(["Party"]));

  const procurement = await pageAs(browser, "procurement");
  const refused = await procurement.request.get("/api/export/audit?format=csv");
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toMatch(/not allowed|may not/i);
});
