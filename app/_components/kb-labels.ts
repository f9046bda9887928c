import type { KbEntry } from "@/server/domain/kb";
import { DEROGATION_LABELS, FRAMEWORK_LABELS, INSTRUMENT_TYPE_LABELS, MEMBERSHIP_LABELS } from "@/server/domain/labels";

export { KB_KIND_LABELS, KB_KIND_SINGULAR } from "@/server/domain/labels";

/** Coded values of knowledge-base entries, in words. */
export const ADEQUACY_STATUS_LABELS: Record<string, string> = {
  in_force: "In force",
  expired: "Expired",
  invalidated: "Invalidated",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
};

export const END_REASON_LABELS: Record<string, string> = {
  sunset: "Sunset",
  invalidated: "Invalidated by a court",
  withdrawn: "Withdrawn",
  superseded: "Superseded",
  not_adequate: "Found not adequate",
};

export const ADEQUACY_SCOPE_LABELS: Record<string, string> = { full: "Full", partial: "Partial" };

const range = (from: string | null | undefined, to: string | null | undefined) =>
  from || to ? `${from ?? "…"} → ${to ?? "open"}` : "No dates";

/** One line of title, regime and dates for lists. */
export function kbSummary(e: KbEntry): { title: string; regime: string | null; detail: string; dates: string } {
  switch (e.kind) {
    case "regime":
      return { title: e.title, regime: e.regime, detail: e.law, dates: "—" };
    case "area_membership":
      return { title: `${e.countryName} (${e.country})`, regime: e.regime, detail: MEMBERSHIP_LABELS[e.membership] ?? e.membership, dates: range(e.from, e.to) };
    case "adequacy":
      return {
        title: `${e.destinationName} (${e.destination})`,
        regime: e.regime,
        detail: `${e.scope === "full" ? "Full" : "Partial"} adequacy${e.scopeText && e.scopeText.toLowerCase() !== e.scope ? `: ${e.scopeText}` : ""} · ${e.instrument}`,
        dates: range(e.effectiveFrom ?? e.adopted, e.endDate),
      };
    case "framework":
      return { title: e.title, regime: e.regime, detail: FRAMEWORK_LABELS[e.framework] ?? e.title, dates: range(e.from, e.to) };
    case "instrument":
      return {
        title: e.title,
        regime: e.windows.map((w) => w.regime).join(", ") || null,
        detail: INSTRUMENT_TYPE_LABELS[e.instrumentType] ?? e.instrumentType,
        dates: e.windows.map((w) => `${w.regime}: ${range(w.usableFrom, w.validUntil)}${w.lastSignDate ? `, sign by ${w.lastSignDate}` : ""}`).join("; "),
      };
    case "derogation":
      return {
        title: `${(DEROGATION_LABELS[e.basis] ?? e.basis).split(":")[0]}: ${e.title}`,
        regime: null,
        detail: e.occasionalOnly ? "Occasional transfers only (EU and UK)" : e.occasionalExpected ? "Meant for occasional transfers" : "",
        dates: "—",
      };
  }
}
