/**
 * Colours of the overview's chart and map (shared so a status looks the same on both). Strokes and fills are
 * paired with text in the legends and the tables: colour is never the only way to read a figure.
 */
import type { Status } from "@/server/domain/rules/types";

export const STATUS_COLORS: Record<Status, string> = {
  unsafeguarded: "#dc2626",
  derogation: "#d97706",
  safeguarded: "#4f46e5",
  adequate: "#059669",
  not_restricted: "#64748b",
  inactive: "#cbd5e1",
};

/** Statuses from the worst to the best, as the chart stacks them (top to bottom) and the legends list them. */
export const TREND_STATUSES: readonly Status[] = ["unsafeguarded", "derogation", "safeguarded", "adequate", "not_restricted"];

export const COUNTRY_CLASS_COLORS = {
  area: "#a5b4fc",
  adequate: "#86efac",
  partial: "#fde68a",
  third: "#e2e8f0",
} as const;

export const COUNTRY_CLASS_LABELS = {
  area: "Inside the regime's area",
  adequate: "Adequate",
  partial: "Partially adequate (scope or certification)",
  third: "Third country",
} as const;

/** The same, short (in the flows table). */
export const COUNTRY_CLASS_SHORT = {
  area: "inside the area",
  adequate: "adequate",
  partial: "partially adequate",
  third: "third country",
} as const;
