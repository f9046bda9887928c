import { trpcCall } from "./api";
import { expect, pageAs, test } from "./fixtures";

/**
 * Pages arrive with their data: the server prefetches the queries a page needs and hands them to the client
 * cache, so a direct load shows data in its first HTML and the browser does not ask for them again.
 */
test.describe("pages arrive with their data", () => {
  test("the transfers list has its first row in the initial HTML, and the browser never fetches the list", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    // The first row of the default list (worst status first), as the API answers it.
    const { data } = await trpcCall(page.request, "transfer.list", { sort: "status", dir: "desc", page: 1, pageSize: 20, archived: "active" }, "query");
    const first = (data as { items: { id: string; exporter: { name: string }; recipient: { name: string } }[] }).items[0]!;
    expect(first).toBeDefined();

    // 1. The HTML the server sends, before any script runs.
    const response = await page.request.get("/transfers");
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain(`href="/transfers/${first.id}"`);

    // 2. In the browser: the row is there after hydration without any transfer.list request.
    const listRequests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/trpc/") && r.url().includes("transfer.list")) listRequests.push(r.url());
    });
    await page.goto("/transfers");
    await page.locator("main[data-hydrated]").waitFor();
    await expect(page.locator(`a[href="/transfers/${first.id}"]`).first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(listRequests).toEqual([]);
  });

  test("a transfer's page and the overview have their data in the initial HTML", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    const overview = await (await page.request.get("/")).text();
    // The overview's status cards are server-rendered with their counts (no loading skeleton in their place).
    expect(overview).toContain("Needs attention");

    const { data } = await trpcCall(page.request, "transfer.list", { sort: "id", dir: "asc", page: 1, pageSize: 5, archived: "active" }, "query");
    const id = (data as { items: { id: string }[] }).items[0]!.id;
    const html = await (await page.request.get(`/transfers/${id}`)).text();
    expect(html).toContain(id);
    expect(html).toContain("what covered the transfer on each day");
  });
});
