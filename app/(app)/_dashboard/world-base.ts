/**
 * The world map's base layer as a standalone SVG document: every country outline, filled by how the regime
 * classifies it. Served by GET /api/map/base (cached by the browser with an ETag) and drawn under the overview's
 * map, so the page itself carries only what is interactive (the countries with flows, the flow lines) and not
 * the ~180 outlines twice (in its HTML and in the React payload). Server-only.
 */
import { COUNTRY_CLASS_COLORS } from "./colors";
import { MAP_HEIGHT, MAP_WIDTH, worldGeometry } from "./world-geometry";

type CountryClass = keyof typeof COUNTRY_CLASS_COLORS;

/** The sky colour behind the countries (Tailwind sky-50, as the map's own background). */
const SEA = "#f0f9ff";

const memo = new Map<string, string>();

/** The base layer for a classification (country code → class; a country left out is a third country). */
export function worldBaseSvg(countries: Readonly<Record<string, CountryClass>>): string {
  const key = JSON.stringify(Object.entries(countries).sort(([a], [b]) => a.localeCompare(b)));
  const known = memo.get(key);
  if (known) return known;
  const byClass = new Map<CountryClass, string[]>();
  for (const c of worldGeometry().countries) {
    const cls: CountryClass = (c.code && countries[c.code]) || "third";
    (byClass.get(cls) ?? byClass.set(cls, []).get(cls)!).push(`<path d="${c.d}"/>`);
  }
  const groups = [...byClass].map(([cls, paths]) => `<g fill="${COUNTRY_CLASS_COLORS[cls]}">${paths.join("")}</g>`).join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}">` +
    `<rect width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="${SEA}"/><g stroke="#ffffff" stroke-width="0.5">${groups}</g></svg>`;
  if (memo.size > 16) memo.delete(memo.keys().next().value!);
  memo.set(key, svg);
  return svg;
}

let shapes: string | undefined;

/**
 * Every country outline once, as `<path id="c-XX">` in an SVG document that the overview's interactive countries
 * reference with `<use href="/api/map/shapes#c-XX">` (GET /api/map/shapes): the page names a country, the browser
 * fetches the geometry once and caches it.
 */
export function worldShapesSvg(): string {
  shapes ??=
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"><defs>` +
    worldGeometry()
      .countries.filter((c) => c.code)
      .map((c) => `<path id="c-${c.code}" d="${c.d}"/>`)
      .join("") +
    `</defs></svg>`;
  return shapes;
}
