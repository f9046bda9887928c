import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, open, pageAs, test } from "./fixtures";

/**
 * The overview's dashboard (issue 10, item 5): counts by status and regime, the status trend (chart, legend,
 * events with their citations, table) and the world map of flows (SVG drawn on the server, legend, table;
 * a country or a flow opens the filtered transfers list). Screenshots at 1280 and 390 px go to
 * reports/screenshots/ for a person to look at.
 */
test.describe("dashboard", () => {
  test.setTimeout(120_000);

  test("the trend and the map render with legends and tables; a country opens the filtered list", async ({ browser }) => {
    const page = await pageAs(browser, "dpo");
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, "/");

    // Counts by status and regime.
    const counts = page.getByRole("table", { name: "Transfers by status and regime" });
    await expect(counts.getByRole("columnheader", { name: "EU" })).toBeVisible();
    await expect(counts.getByRole("rowheader", { name: "Unsafeguarded" })).toBeVisible();

    // The trend: an SVG chart, its legend, the invalidations from the knowledge base, and the figures as a table.
    const chart = page.getByTestId("trend-chart");
    await expect(chart.locator("svg.recharts-surface")).toBeVisible({ timeout: 30_000 });
    await expect(chart.locator(".recharts-area").first()).toBeAttached();
    const legend = page.getByRole("list", { name: "Legend: trend statuses" });
    await expect(legend.getByText("Unsafeguarded")).toBeVisible();
    const events = page.getByRole("list", { name: "Events marked on the chart" });
    await expect(events.getByText(/2015-10-06 · EU\/EEA GDPR · EU-US Safe Harbor invalidated/)).toBeVisible();
    await expect(events.getByRole("link", { name: /C-362\/14/ })).toBeVisible();
    await expect(events.getByText(/2020-07-16 · EU\/EEA GDPR · EU-US Privacy Shield invalidated/)).toBeVisible();
    await expect(events.getByText(/2022-12-28 · EU\/EEA GDPR · Old SCCs/)).toBeVisible();
    await page.getByText("Show the figures as a table").click();
    const figures = page.getByRole("table", { name: "Transfers per status at each month-end" });
    await expect(figures.getByRole("rowheader", { name: "2015-01", exact: true })).toBeVisible();
    await expect(figures.getByRole("rowheader", { name: "2020-07", exact: true })).toBeVisible();

    // The map: server-rendered SVG with the countries, lines, legends and the flows table.
    const map = page.getByTestId("world-map");
    await expect(map).toBeVisible();
    // Every country is drawn by the base layer, one cached image (GET /api/map/base) under the interactive parts.
    const base = await map.locator("image").getAttribute("href");
    expect(base).toMatch(/^\/api\/map\/base\?regime=EU/);
    const layer = await page.request.get(base!);
    expect(layer.status()).toBe(200);
    expect(layer.headers()["content-type"]).toContain("image/svg+xml");
    expect(((await layer.text()).match(/<path /g) ?? []).length).toBeGreaterThan(150);
    expect((await page.request.get(base!, { headers: { "if-none-match": layer.headers()["etag"]! } })).status()).toBe(304);
    // The countries with flows are links over it; their outlines come by reference from GET /api/map/shapes.
    await expect(map.locator('a[data-country="US"] use')).toHaveAttribute("href", "/api/map/shapes#c-US");
    const shapes = await page.request.get("/api/map/shapes");
    expect(shapes.headers()["content-type"]).toContain("image/svg+xml");
    expect(await shapes.text()).toContain('<path id="c-US" d="M');
    await expect(page.getByRole("list", { name: "Legend: country shading" }).getByText("Third country")).toBeVisible();
    await expect(page.getByRole("list", { name: "Legend: line colours" }).getByText("Unsafeguarded")).toBeVisible();
    const flows = page.getByRole("table", { name: "Flows by exporter country and destination" });
    await expect(flows.getByRole("row").nth(1)).toBeVisible();

    // No axe violations with the tables open and the chart drawn.
    const more = page.getByText(/Show the other \d+ flows/);
    if (await more.count()) await more.click();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id} [${v.impact}] ${v.help}: ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);

    fs.mkdirSync("reports/screenshots", { recursive: true });
    await page.screenshot({ path: "reports/screenshots/dashboard-1280.png", fullPage: true });

    // Clicking the United States opens the transfers to the US under the EU regime.
    await map.locator('a[data-country="US"]').click();
    await expect(page).toHaveURL(/\/transfers\?destination=US&regime=EU/);
    await expect(page.getByRole("heading", { name: "Transfers", level: 1 })).toBeVisible();
    const rows = page.getByRole("table").first().getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    await expect(rows.nth(1)).toContainText("United States");
  });

  test("a flow in the table opens the list filtered by exporter country and destination; the regime switch redraws the map", async ({ browser }) => {
    const page = await pageAs(browser, "auditor");
    await page.setViewportSize({ width: 390, height: 800 });
    await open(page, "/");
    await expect(page.getByTestId("world-map")).toBeVisible();
    await expect(page.getByTestId("trend-chart").locator("svg.recharts-surface")).toBeVisible({ timeout: 30_000 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.screenshot({ path: "reports/screenshots/dashboard-390.png", fullPage: true });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("navigation", { name: "Regime of the map" }).getByRole("link", { name: "CH" }).click();
    await expect(page).toHaveURL(/mapRegime=CH/);
    await expect(page.getByRole("heading", { name: "Flows on the world map" })).toBeVisible();
    await expect(page.getByText(/Transfers under the Swiss FADP as of/)).toBeVisible();

    const link = page.getByRole("table", { name: "Flows by exporter country and destination" }).getByRole("link").first();
    const label = (await link.getAttribute("aria-label")) ?? "";
    await link.click();
    await expect(page).toHaveURL(/\/transfers\?exporterCountry=[A-Z]{2}&destination=[A-Z]{2}&regime=CH/);
    const n = Number(/^(\d+) transfers/.exec(label)?.[1]);
    expect(n).toBeGreaterThan(0);
    await expect(page.getByLabel("Exporter country")).not.toHaveValue("");
  });
});
