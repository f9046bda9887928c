/** Which regime an exporter is under, and whether a destination lies inside a regime's area. */
import type { RegimeId } from "../kb/types";
import type { CompiledArea, CompiledKnowledgeBase } from "./compile-kb";

/**
 * The area membership that puts an exporter established in `country` under a regime on `asOf`.
 * Legal source: GDPR Art. 3(1) and Art. 44 (EEA establishments; EEA Agreement for IS, LI, NO); the UK was
 * inside the EU's rules until the end of the transition period, 2020-12-31 (Withdrawal Agreement), and under
 * UK GDPR Art. 44 from 2021-01-01; Swiss FADP Art. 16.
 */
export function findExporterArea(ckb: CompiledKnowledgeBase, country: string, asOf: string): CompiledArea | null {
  const intervals = ckb.exporterRegimes.get(country);
  if (intervals === undefined) return null;
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i]!;
    if (interval.from <= asOf && asOf <= interval.to) return interval.area;
  }
  return null;
}

/** The regime (`EU`, `UK`, `CH`) an exporter established in `country` is under on `asOf`, or `null`. See {@link findExporterArea}. */
export function regimeForExporter(ckb: CompiledKnowledgeBase, country: string, asOf: string): RegimeId | null {
  return findExporterArea(ckb, country, asOf)?.entry.regime ?? null;
}

/**
 * The membership that makes `destination` inside `regime`'s area on `asOf` (so there is no restricted
 * transfer), including the EU→UK bridge. Legal source: GDPR Art. 44 (Chapter V applies to transfers to third
 * countries only); EU-UK TCA Art. FINPROV.10A for 2021-01-01..2021-06-27.
 */
export function findDestinationArea(
  ckb: CompiledKnowledgeBase,
  regime: RegimeId,
  destination: string,
  asOf: string,
): CompiledArea | null {
  const memberships = ckb.areas[regime].get(destination);
  if (memberships === undefined) return null;
  for (let i = 0; i < memberships.length; i++) {
    const membership = memberships[i]!;
    if (membership.from <= asOf && asOf <= membership.to) return membership;
  }
  return null;
}
