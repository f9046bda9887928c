/**
 * The overview's world map of flows, for one regime as of a date:
 * - flows: the live transfers under that regime running on that date (not inactive), grouped by exporter country and destination, with their count
 *   and worst status (one SQL aggregate over the verdicts of that date);
 * - countries: how the regime classifies each destination on that date (inside its area, adequate, partially
 *   adequate, third country), from the knowledge base.
 * Cached per data revision, date and regime.
 */
import { prepared, type Db } from "@/db/client";
import type { RegimeId } from "@/server/domain/kb";
import { describeDestination, type Status } from "@/server/domain/rules";
import { COUNTRIES } from "@/server/countries";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { cachedRead, statusOfRank, today, verdictSource } from "./verdicts";

/** How a regime treats a destination on a date. */
export const COUNTRY_CLASSES = ["area", "adequate", "partial", "third"] as const;
export type CountryClass = (typeof COUNTRY_CLASSES)[number];

/** At most this many flows are returned (the most used first); the rest are counted. */
export const MAP_FLOWS_SHOWN = 300;

export interface MapFlow {
  exporterCountry: string;
  destination: string;
  transfers: number;
  worst: Status;
}

export interface FlowMapData {
  asOf: string;
  regime: RegimeId;
  /** False when no country is under the regime on that date (the UK regime before 2021). */
  regimeInForce: boolean;
  areaLabel: string;
  flows: MapFlow[];
  flowsTotal: number;
  transfers: number;
  /** Country code → class; a country left out is a third country. */
  countries: Record<string, CountryClass>;
}

export function flowMap(db: Db, input: { asOf?: string; regime: RegimeId }): FlowMapData {
  // Today: from the store's rows (which carry the exporter country) and the knowledge base (the shading).
  const todays = input.asOf === undefined || input.asOf === today();
  return cachedRead(db, "dashboard.map", input, () => queryFlowMap(db, input.regime, input.asOf), todays ? ["verdict", "kb"] : undefined);
}

function queryFlowMap(db: Db, regime: RegimeId, asOf?: string): FlowMapData {
  const source = verdictSource(db, asOf);
  const rows = source.store ? storedFlows(db, regime) : evaluatedFlows(db, source.verdicts, regime);
  const flows = rows.slice(0, MAP_FLOWS_SHOWN).map((r) => ({ exporterCountry: r.exporterCountry, destination: r.destination, transfers: r.n, worst: statusOfRank(r.worst) ?? "inactive" }));

  const { regimeInForce, areaLabel, countries } = countryClasses(db, regime, source.asOf);
  return {
    asOf: source.asOf,
    regime,
    regimeInForce,
    areaLabel,
    flows,
    flowsTotal: rows.length,
    transfers: rows.reduce((n, r) => n + r.n, 0),
    countries,
  };
}

interface FlowRow {
  exporterCountry: string;
  destination: string;
  n: number;
  worst: number;
}

const byCountFirst = (a: FlowRow, b: FlowRow) => b.n - a.n || a.exporterCountry.localeCompare(b.exporterCountry) || a.destination.localeCompare(b.destination);

/** Today: the store's rows carry the exporter's country and the destination; one scan of transfer_verdict_flow_idx. */
function storedFlows(db: Db, regime: RegimeId): FlowRow[] {
  const rows = prepared(
    db,
    `SELECT exporter_country AS exporterCountry, destination, count(*) AS n, max(status_rank) AS worst
       FROM transfer_verdict WHERE regime = ? AND status_rank > 0
      GROUP BY exporter_country, destination`,
  ).all(regime) as FlowRow[];
  return rows.sort(byCountFirst);
}

/** Another date: the what-if tables hold only the verdicts, so the transfers are joined. */
function evaluatedFlows(db: Db, verdicts: string, regime: RegimeId): FlowRow[] {
  // Grouped by exporter first (a few thousand affiliates at most), without a party look-up per transfer; the
  // exporters' countries are read once and the groups merged per country.
  const byExporter = prepared(
    db,
    `SELECT t.exporter_id AS exporterId, t.destination AS destination, count(*) AS n, max(v.status_rank) AS worst
       FROM ${verdicts} v JOIN transfer t ON t.id = v.transfer_id
      WHERE v.regime = ? AND v.status_rank > 0
      GROUP BY t.exporter_id, t.destination`,
  ).all(regime) as { exporterId: string; destination: string; n: number; worst: number }[];
  const exporterIds = [...new Set(byExporter.map((r) => r.exporterId))];
  const countryOf = new Map(
    (prepared(db, "SELECT id, country FROM party WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify(exporterIds)) as { id: string; country: string }[]).map((p) => [p.id, p.country] as const),
  );
  const merged = new Map<string, FlowRow>();
  for (const r of byExporter) {
    const exporterCountry = countryOf.get(r.exporterId) ?? "";
    const key = `${exporterCountry}|${r.destination}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { exporterCountry, destination: r.destination, n: r.n, worst: r.worst });
    else {
      m.n += r.n;
      if (r.worst > m.worst) m.worst = r.worst;
    }
  }
  return [...merged.values()].sort(byCountFirst);
}

export interface CountryClasses {
  /** False when no country is under the regime on that date (the UK regime before 2021). */
  regimeInForce: boolean;
  areaLabel: string;
  /** Country code → class; a country left out is a third country. */
  countries: Record<string, CountryClass>;
}

/**
 * How the regime classifies every country on `asOf` (the map's shading): from the knowledge base alone, so it is
 * the same for every registry. Cached per (data revision, day, input) like every read.
 */
export function countryClasses(db: Db, regime: RegimeId, asOf: string): CountryClasses {
  return cachedRead(db, "dashboard.mapClasses", { regime, asOf }, () => {
    const ckb = getCompiledKnowledgeBase(db);
    // Any country whose exporters are under the regime on that date stands for the regime (the classification
    // of a destination does not depend on which one).
    let exporterCountry: string | null = null;
    for (const [country, spans] of ckb.exporterRegimes) {
      if (spans.some((s) => s.regime === regime && s.from <= asOf && asOf <= s.to)) {
        exporterCountry = country;
        break;
      }
    }
    const countries: Record<string, CountryClass> = {};
    if (exporterCountry !== null) {
      for (const { code } of COUNTRIES) {
        const d = describeDestination(ckb, { exporterCountry, destination: code, asOf });
        if (d.insideArea) countries[code] = "area";
        else if (d.adequacy !== null) countries[code] = d.adequacy.scope === "partial" || d.requiresCertification !== null ? "partial" : "adequate";
      }
    }
    return { regimeInForce: exporterCountry !== null, areaLabel: ckb.regimes.get(regime)?.areaLabel ?? regime, countries };
  }, ["kb"]);
}
