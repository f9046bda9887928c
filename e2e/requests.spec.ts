import crypto from "node:crypto";
import fs from "node:fs";
import { trpcCall } from "./api";
import { expect, open, pageAs, test, uniqueName } from "./fixtures";
import { pdfText } from "./pdf-text";
import { pick } from "./pickers";

/**
 * Issue 11, requests for a copy of the safeguards: the DPO marks Annex II of a vendor's SCCs as redacted, logs a
 * request, generates the copy and downloads the PDF, whose text names the mechanism and the SCC module and shows
 * Annex II only as its summary; the request is then sent, with the stored copy's hash; a request past its due
 * date is flagged on the list and the overview.
 */
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test.describe("requests for a copy of the safeguards", () => {
  test("the DPO logs a request, generates the copy, downloads the PDF and marks the request as sent", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await pageAs(browser, "dpo");
    const secret = `Vault cluster ${crypto.randomUUID().slice(0, 8)} with HSM key ceremony`;
    const summary = "Personal data is encrypted at rest and in transit, with keys kept in hardware security modules.";

    // The DPO marks Annex II of the Cadence Mailworks SCCs (2021/914, Module 2) as redacted, with a summary.
    await open(page, "/safeguards/scc-cadence");
    const form = page.getByRole("form", { name: "Add a part" });
    await form.getByLabel("Part").selectOption("annex_ii");
    await form.getByLabel("Text as applied").fill(secret);
    await form.getByLabel("Summary shown instead").fill(summary);
    await form.getByRole("button", { name: "Save part" }).click();
    await expect(page.getByRole("list", { name: "Parts shown in copies" })).toContainText(summary);

    // The request
    const requester = uniqueName("Robin Requester");
    await open(page, "/requests/new");
    await page.getByLabel("Requester's name").fill(requester);
    await page.getByRole("textbox", { name: "Contact", exact: true }).fill("robin@example.test");
    await page.getByLabel("What was asked").fill("Please send me a copy of the safeguards for my e-mail data.");
    await pick(page, "Entities", "Cadence", "Cadence Mailworks");
    await page.getByRole("button", { name: "Log request" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Request from ${requester}` })).toBeVisible();

    // The copy
    await page.getByRole("button", { name: "Generate copy" }).click();
    const hash = page.getByTestId("copy-sha256").first();
    await expect(hash).toHaveText(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /PDF/ }).click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const sha = crypto.createHash("sha256").update(bytes).digest("hex");
    await expect(page.getByTestId("copy-sha256").filter({ hasText: sha })).toHaveCount(1);

    const text = (await pdfText(bytes)).replace(/\s+/g, " ");
    expect(text).toContain("Cadence Mailworks");
    expect(text).toContain("Standard contractual clauses");
    expect(text).toContain("Module 2 (controller to processor)");
    expect(text).toContain("Annex II: technical and organisational security measures [redacted]");
    expect(text).toContain(summary);
    expect(text).toContain("Clause 8.3");
    expect(text).not.toContain(secret);
    expect(text).not.toContain("HSM key ceremony");

    // Downloading again gives the same bytes.
    const again = await page.request.get(await page.getByRole("link", { name: /PDF/ }).getAttribute("href").then((h) => h!));
    expect(crypto.createHash("sha256").update(await again.body()).digest("hex")).toBe(sha);

    // Sent, with the stored copy's hash.
    await page.getByRole("button", { name: "Mark as sent" }).click();
    await expect(page.getByText("Sent", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Sent on")).toBeVisible();
    await expect(page.getByTestId("copy-sha256").filter({ hasText: sha })).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Generate copy" })).toHaveCount(0);
    await page.context().close();
  });

  test("a request past its due date is flagged on the list and the overview", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    const requester = uniqueName("Late Lou");
    const created = await trpcCall(page.request, "request.create", {
      fields: {
        requesterName: requester,
        requesterContact: "lou@example.test",
        received: isoDaysAgo(45),
        channel: "post",
        question: "Copy of the safeguards",
        partyIds: ["cadence-mail"],
        categoryIds: [],
        purposeIds: [],
        withholdNames: true,
        notes: null,
      },
    });
    expect(created.status, created.error?.message).toBe(200);

    await open(page, "/requests?urgency=overdue");
    const row = page.getByRole("row").filter({ hasText: requester });
    await expect(row.getByText("Overdue", { exact: true })).toBeVisible();

    await open(page, "/");
    const card = page.locator("section, div").filter({ has: page.getByRole("heading", { name: "Requests for a copy of the safeguards" }) }).last();
    await expect(card.getByText(/\d+ overdue/)).toBeVisible();

    // Procurement may not read requests (requesters' personal data); the auditor reads but cannot log one.
    const procurement = await pageAs(browser, "procurement");
    await procurement.goto("/requests");
    await expect(procurement.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    const auditor = await pageAs(browser, "auditor");
    await open(auditor, "/requests");
    await expect(auditor.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
    await expect(auditor.getByRole("link", { name: "Log a request" })).toHaveCount(0);
    await Promise.all([page.context().close(), procurement.context().close(), auditor.context().close()]);
  });

  test("an upload that is not a PDF or carries a path is refused with a clear message", async ({ browser }) => {
    const page = await pageAs(browser, "procurement");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const wrong = await page.request.post("/api/files/upload?kind=signed_contract&safeguardId=scc-cadence&fileName=scan.pdf", { data: png, headers: { "Content-Type": "application/pdf" } });
    expect(wrong.status()).toBe(400);
    expect((await wrong.json()).error).toMatch(/Only PDF documents/);
    const pdf = Buffer.from("%PDF-1.7\n%%EOF\n", "latin1");
    const traversal = await page.request.post(`/api/files/upload?kind=signed_contract&safeguardId=scc-cadence&fileName=${encodeURIComponent("../../etc/passwd.pdf")}`, {
      data: pdf,
      headers: { "Content-Type": "application/pdf" },
    });
    expect(traversal.status()).toBe(400);
    expect((await traversal.json()).error).toMatch(/folder path/);
    const ok = await page.request.post("/api/files/upload?kind=signed_contract&safeguardId=scc-cadence&fileName=signed.pdf", { data: pdf, headers: { "Content-Type": "application/pdf" } });
    expect(ok.status()).toBe(201);
    const row = (await ok.json()) as { id: string };
    const back = await page.request.get(`/api/files/stored/${row.id}`);
    expect(Buffer.from(await back.body()).equals(pdf)).toBe(true);
    await page.context().close();
  });
});
