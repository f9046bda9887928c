/**
 * The world map's geometry, computed once per server process from the bundled world-atlas topology
 * (Natural Earth 1:110m; the 1:50m set only for the small countries the 110m one leaves out, drawn as dots):
 * projected country outlines and one anchor point per country (the centroid of its largest polygon) where flow
 * lines start and end. Server-only: nothing is fetched at run time and no geometry reaches the browser bundle.
 */
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import isoCountries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110 from "world-atlas/countries-110m.json";
import world50 from "world-atlas/countries-50m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 440;

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or null for the few features without a code (Kosovo, N. Cyprus, Somaliland). */
  code: string | null;
  name: string;
  d: string;
}

export interface WorldGeometry {
  countries: CountryShape[];
  /** Alpha-2 → projected anchor point. */
  anchors: Map<string, [number, number]>;
  /** Countries too small for the 1:110m outlines: a dot at their anchor. */
  dots: Set<string>;
}

const ANTARCTICA = "010";

function featuresOf(topology: unknown): Feature<Geometry, { name: string }>[] {
  const t = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return (feature(t, t.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;
}

function codeOf(f: Feature): string | null {
  const id = f.id == null ? "" : String(f.id).padStart(3, "0");
  return (id && isoCountries.numericToAlpha2(id)) || null;
}

/** The centroid of a country's largest polygon (France's is in Europe, not between it and French Guiana). */
function anchorOf(projection: GeoProjection, geometry: Geometry): [number, number] | null {
  let target: Polygon | MultiPolygon | null = null;
  if (geometry.type === "Polygon") target = geometry;
  else if (geometry.type === "MultiPolygon") {
    let best = -1;
    for (const coordinates of geometry.coordinates) {
      const polygon: Polygon = { type: "Polygon", coordinates };
      const area = geoArea(polygon);
      if (area > best) {
        best = area;
        target = polygon;
      }
    }
  }
  if (target === null) return null;
  const point = projection(geoCentroid(target));
  return point ? [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10] : null;
}

let cached: WorldGeometry | undefined;

export function worldGeometry(): WorldGeometry {
  if (cached) return cached;
  const land = featuresOf(world110).filter((f) => String(f.id) !== ANTARCTICA);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: "FeatureCollection", features: land } as FeatureCollection,
  );
  // Whole pixels on a 960-wide map, relative moves, points under 2 px apart dropped, rings that shrink below a triangle left out: the
  // outlines are about a third of their full-precision size (they are sent with every overview page).
  let d = "";
  let ring: [number, number][] = [];
  const flush = () => {
    if (ring.length >= 3) {
      // Relative moves after the first point: a few characters each.
      d += `M${ring[0]![0]},${ring[0]![1]}`;
      for (let i = 1; i < ring.length; i++) d += `l${ring[i]![0] - ring[i - 1]![0]},${ring[i]![1] - ring[i - 1]![1]}`;
      d += "Z";
    }
    ring = [];
  };
  const push = (x: number, y: number) => {
    const p: [number, number] = [Math.round(x), Math.round(y)];
    const last = ring[ring.length - 1];
    // A point less than 2 px from the last one kept adds nothing visible at this scale.
    if (!last || Math.abs(last[0] - p[0]) + Math.abs(last[1] - p[1]) >= 2) ring.push(p);
  };
  const context = {
    moveTo: (x: number, y: number) => {
      flush();
      push(x, y);
    },
    lineTo: push,
    closePath: flush,
    beginPath: () => undefined,
    arc: () => undefined,
  };
  const path = geoPath(projection, context as unknown as CanvasRenderingContext2D);
  const pathOf = (f: Feature): string => {
    d = "";
    path(f);
    flush();
    return d;
  };
  const countries: CountryShape[] = [];
  const anchors = new Map<string, [number, number]>();
  for (const f of land) {
    const code = codeOf(f);
    const outline = pathOf(f);
    if (!outline) continue;
    countries.push({ code, name: f.properties.name, d: outline });
    const anchor = code ? anchorOf(projection, f.geometry) : null;
    if (code && anchor) anchors.set(code, anchor);
  }
  const dots = new Set<string>();
  for (const f of featuresOf(world50)) {
    const code = codeOf(f);
    if (!code || anchors.has(code) || String(f.id) === ANTARCTICA) continue;
    const anchor = anchorOf(projection, f.geometry);
    if (anchor) {
      anchors.set(code, anchor);
      dots.add(code);
    }
  }
  cached = { countries, anchors, dots };
  return cached;
}
