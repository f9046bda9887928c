import type { KbEntry, KbKind } from "@/server/domain/kb";

export const KB_KIND_LABELS: Record<KbKind, string> = {
  regime: "Regimes",
  area_membership: "Area membership",
  adequacy: "Adequacy decisions",
  framework: "US frameworks",
  instrument: "Safeguard instruments",
  derogation: "Derogations",
};

export const KB_KIND_SINGULAR: Record<KbKind, string> = {
  regime: "regime",
  area_membership: "area membership",
  adequacy: "adequacy decision",
  framework: "framework",
  instrument: "instrument",
  derogation: "derogation",
};

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
      return { title: `${e.countryName} (${e.country})`, regime: e.regime, detail: e.membership, dates: range(e.from, e.to) };
    case "adequacy":
      return {
        title: `${e.destinationName} (${e.destination})`,
        regime: e.regime,
        detail: `${e.scope === "full" ? "Full" : "Partial"} adequacy${e.scopeText && e.scopeText.toLowerCase() !== e.scope ? `: ${e.scopeText}` : ""} · ${e.instrument}`,
        dates: range(e.effectiveFrom ?? e.adopted, e.endDate),
      };
    case "framework":
      return { title: e.title, regime: e.regime, detail: e.framework, dates: range(e.from, e.to) };
    case "instrument":
      return {
        title: e.title,
        regime: e.windows.map((w) => w.regime).join(", ") || null,
        detail: e.instrumentType,
        dates: e.windows.map((w) => `${w.regime}: ${range(w.usableFrom, w.validUntil)}${w.lastSignDate ? `, sign by ${w.lastSignDate}` : ""}`).join("; "),
      };
    case "derogation":
      return { title: `Art. ${e.basis}: ${e.title}`, regime: null, detail: e.occasionalOnly ? "Occasional transfers only" : "", dates: "—" };
  }
}
