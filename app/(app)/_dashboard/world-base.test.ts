/**
 * The map's base layer: every country outline, filled by its class (the legend's colours), as one SVG document.
 */
import { describe, expect, it } from "vitest";
import { COUNTRY_CLASS_COLORS } from "./colors";
import { worldBaseSvg } from "./world-base";

const groupOf = (svg: string, color: string) => new RegExp(`<g fill="${color}">(.*?)</g>`).exec(svg)?.[1] ?? "";
const pathsIn = (group: string) => (group.match(/<path /g) ?? []).length;

describe("world map base layer", () => {
  it("is a standalone SVG with every country (Natural Earth 1:110m has 177 shapes; Antarctica is left out)", () => {
    const svg = worldBaseSvg({});
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    // With no classification every country is a third country: one group, in the legend's third-country colour.
    expect(pathsIn(groupOf(svg, COUNTRY_CLASS_COLORS.third))).toBe(pathsIn(svg));
    expect(pathsIn(svg)).toBeGreaterThanOrEqual(170);
    expect(pathsIn(svg)).toBeLessThanOrEqual(177);
  });

  it("fills each country with its class's colour", () => {
    const svg = worldBaseSvg({ DE: "area", FR: "area", JP: "adequate", CA: "partial" });
    expect(pathsIn(groupOf(svg, COUNTRY_CLASS_COLORS.area))).toBe(2);
    expect(pathsIn(groupOf(svg, COUNTRY_CLASS_COLORS.adequate))).toBe(1);
    expect(pathsIn(groupOf(svg, COUNTRY_CLASS_COLORS.partial))).toBe(1);
    expect(pathsIn(groupOf(svg, COUNTRY_CLASS_COLORS.third))).toBe(pathsIn(svg) - 4);
  });
});
