import fs from "node:fs";
import { trpcCall } from "./api";
import { expect, open, pageAs, test } from "./fixtures";

/** A small valid registry whose ids and names are unique to this run. */
function registryDocument(tag: string) {
  return {
    format: "transfer-registry/v1",
    parties: [
      { id: `e2e-${tag}-de`, name: `Brightwater GmbH ${tag}`, relationship: "affiliate", country: "DE", processingLocations: ["DE"] },
      {
        id: `e2e-${tag}-us`,
        name: `Cirrus Mail Inc. ${tag}`,
        relationship: "service_provider",
        serviceCategory: "marketing",
        country: "US",
        processingLocations: ["US"],
        certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null }],
      },
    ],
    safeguards: [
      { id: `e2e-${tag}-scc`, type: "scc", version: "2021/914", modules: [2], parties: [`e2e-${tag}-de`, `e2e-${tag}-us`], signed: "2023-01-10", ended: null },
    ],
    transfers: [
      {
        id: `e2e-${tag}-newsletter`,
        exporter: `e2e-${tag}-de`,
        recipient: `e2e-${tag}-us`,
        destination: "US",
        exporterRole: "controller",
        recipientRole: "processor",
        start: "2023-01-10",
        end: null,
        frequency: "continuous",
        safeguards: [`e2e-${tag}-scc`],
        tia: { completed: "2023-01-05", nextReview: "2026-01-05" },
        dataCategories: ["contact"],
        purposes: ["advertising"],
      },
    ],
  };
}

const runTag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const asFile = (name: string, doc: unknown) => ({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc, null, 2)) });

test.describe("registry import / export", () => {
  test("a document with errors is rejected whole: each error is listed with its JSON path, there is no Import button, nothing is saved", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const tag = runTag();
    const doc = registryDocument(tag);
    doc.transfers[0]!.recipient = `ghost-${tag}`;
    doc.transfers[0]!.start = "2023-02-30";
    const before = await trpcCall(page.request, "registry.stats", undefined, "query");

    await open(page, "/registry");
    await expect(page.getByRole("heading", { level: 1, name: "Import / export" })).toBeVisible();
    await page.getByLabel("Choose a registry file (.json)").setInputFiles(asFile("broken-registry.json", doc));

    await expect(page.getByRole("heading", { name: "broken-registry.json cannot be imported: 2 errors" })).toBeVisible();
    const errors = page.getByRole("table", { name: "Import errors" });
    const rows = errors.getByRole("row");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("transfers[0].recipient");
    await expect(rows.nth(1)).toContainText(`unknown party id "ghost-${tag}"`);
    await expect(rows.nth(2)).toContainText("transfers[0].start");
    await expect(rows.nth(2)).toContainText("is not a real date");
    await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);

    // Nothing was saved, not even the valid parties of the rejected document.
    const parties = await trpcCall(page.request, "party.list", { search: tag, archived: "all" }, "query");
    expect((parties.data as { total: number }).total).toBe(0);
    const after = await trpcCall(page.request, "registry.stats", undefined, "query");
    expect(after.data).toEqual(before.data);
  });

  test("a valid document is previewed, imported, and its parties and transfer are then in the registry", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    const tag = runTag();
    const doc = registryDocument(tag);

    await open(page, "/registry");
    await page.getByLabel("Choose a registry file (.json)").setInputFiles(asFile("brightwater.json", doc));

    await expect(page.getByRole("heading", { name: "Preview of brightwater.json" })).toBeVisible();
    const summary = page.getByRole("list", { name: "Summary" });
    await expect(summary).toContainText("2 parties to add");
    await expect(summary).toContainText("1 certification to add");
    await expect(summary).toContainText("1 safeguard to add");
    await expect(summary).toContainText("1 transfer to add");
    await expect(summary).toContainText("1 TIA to add");
    // The expandable list names what will be added.
    await page.getByText("Parties (2 to add)").click();
    await expect(page.getByRole("list", { name: "To add (2)" }).first()).toContainText(`Cirrus Mail Inc. ${tag}`);

    await page.getByRole("button", { name: "Import 6 changes" }).click();
    await expect(page.getByText("brightwater.json was imported")).toBeVisible();
    await expect(page.getByText("2 parties added, 1 certification added, 1 safeguard added, 1 transfer added, 1 TIA added.")).toBeVisible();

    // The parties are in the register.
    await page.getByRole("link", { name: "View parties" }).click();
    await page.getByRole("searchbox", { name: "Search parties" }).fill(tag);
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    await expect(page.getByRole("link", { name: `Brightwater GmbH ${tag}` })).toBeVisible();
    await page.getByRole("link", { name: `Cirrus Mail Inc. ${tag}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Cirrus Mail Inc. ${tag}` })).toBeVisible();

    // The transfer is in the registry, with its safeguard and TIA (read back through the export).
    const exported = await page.request.get("/api/registry/export?variant=shareable");
    expect(exported.status()).toBe(200);
    const registry = (await exported.json()) as { transfers: { id: string; safeguards: string[]; tia?: { completed: string } }[] };
    expect(registry.transfers.find((t) => t.id === `e2e-${tag}-newsletter`)).toMatchObject({ safeguards: [`e2e-${tag}-scc`], tia: { completed: "2023-01-05" } });

    // Checking the same document again finds nothing to import.
    await open(page, "/registry");
    await page.getByLabel("Choose a registry file (.json)").setInputFiles(asFile("brightwater.json", doc));
    await expect(page.getByRole("button", { name: "Nothing to import" })).toBeDisabled();
    await expect(page.getByRole("list", { name: "Summary" })).toContainText("2 parties unchanged");
  });

  test("the auditor can export but not import", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    await open(page, "/registry");
    await expect(page.getByRole("heading", { name: "Export the registry" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Import a registry" })).toHaveCount(0);
    await expect(page.getByLabel("Choose a registry file (.json)")).toHaveCount(0);

    // The auditor gets the shareable file (no contacts or notes); the full one is the administrator's.
    await expect(page.getByRole("link", { name: "Download full JSON" })).toHaveCount(0);
    expect((await page.request.get("/api/registry/export")).status()).toBe(403);
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download shareable JSON" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^transfer-registry-shareable-\d{4}-\d{2}-\d{2}\.json$/);
    const body = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { format: string; parties: unknown[] };
    expect(body.format).toBe("transfer-registry/v1");
    expect(body.parties.length).toBeGreaterThanOrEqual(45);

    // The server refuses a forged import with the auditor's session, and an import or a download without one.
    const upload = { data: JSON.stringify(registryDocument(runTag())), headers: { "Content-Type": "application/json" } };
    const forged = await page.request.post("/api/registry/import?mode=preview", upload);
    expect(forged.status()).toBe(403);
    expect(((await forged.json()) as { error: string }).error).toBe("Your role (auditor) may not import a registry.");
    const anonymous = (await browser.newContext()).request;
    expect((await anonymous.post("/api/registry/import?mode=apply", upload)).status()).toBe(401);
    expect((await anonymous.get("/api/registry/export")).status()).toBe(401);
  });

  test("a document larger than 10 MB reaches the import whole (Next.js would cut a proxied body at 10 MB), and a cross-site upload is refused", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await pageAs(browser, "dpo");
    // 40,000 transfers between the same two parties: about 13 MB of valid JSON.
    const base = registryDocument(runTag());
    const template = base.transfers[0]!;
    const transfers = Array.from({ length: 40_000 }, (_, i) => ({ ...template, id: `${template.id}-${i}` }));
    const text = JSON.stringify({ ...base, transfers });
    expect(text.length).toBeGreaterThan(12 * 1024 * 1024);
    const preview = await page.request.post("/api/registry/import?mode=preview", { data: text, headers: { "Content-Type": "application/json" } });
    expect(preview.status()).toBe(200);
    const body = (await preview.json()) as { ok?: boolean; errors?: { message: string }[] };
    expect(JSON.stringify(body)).not.toContain("not valid JSON");
    expect(body.ok).toBe(true);

    const crossSite = await page.request.post("/api/registry/import?mode=apply", {
      data: JSON.stringify(base),
      headers: { "Content-Type": "application/json", Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status()).toBe(403);
  });
});
