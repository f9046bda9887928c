/**
 * ISO 3166-1 alpha-2 countries with English names (Kosovo's user-assigned XK code is left out), from
 * the list generated from the maintained `i18n-iso-countries` package
 * (server/domain/registry/country-names.ts, `node server/scripts/generate-countries.mjs`).
 * Pure data without the package itself: used by forms, filters, validation and display, on the server
 * and in the browser.
 */
import { COUNTRY_ENTRIES } from "@/server/domain/registry/country-names";

export interface Country {
  code: string;
  name: string;
}

/** All countries, sorted by name. */
export const COUNTRIES: readonly Country[] = COUNTRY_ENTRIES.map(([code, name]) => ({ code, name }));

const NAMES: ReadonlyMap<string, string> = new Map(COUNTRY_ENTRIES);

export const COUNTRY_CODES: ReadonlySet<string> = new Set(NAMES.keys());

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  return NAMES.get(code) ?? code;
}
