/**
 * ISO 3166-1 alpha-2 countries with English names, from the maintained
 * `i18n-iso-countries` package (Kosovo's user-assigned XK code is left out).
 * Pure data: used by forms, filters, validation and display.
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

countries.registerLocale(en);

const names = countries.getNames("en", { select: "official" });
delete names.XK;

export interface Country {
  code: string;
  name: string;
}

/** All countries, sorted by name. */
export const COUNTRIES: readonly Country[] = Object.entries(names)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, "en"));

export const COUNTRY_CODES: ReadonlySet<string> = new Set(COUNTRIES.map((c) => c.code));

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  return names[code] ?? code;
}
