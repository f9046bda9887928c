/**
 * ISO 3166-1 alpha-2 codes: the 249 officially assigned codes (Kosovo's user-assigned `XK` excluded).
 * Embedded rather than read from a package so the domain does no I/O: they come from the generated
 * list in ./country-names.ts (also the app's country names), which a test checks against
 * `i18n-iso-countries`.
 */
import { COUNTRY_ENTRIES } from "./country-names";

export const ISO_ALPHA2_CODES: readonly string[] = COUNTRY_ENTRIES.map(([code]) => code).sort();

const ISO_ALPHA2_SET: ReadonlySet<string> = new Set(ISO_ALPHA2_CODES);

/** True when `code` is an officially assigned ISO 3166-1 alpha-2 code. */
export function isIsoCountryCode(code: unknown): boolean {
  return typeof code === "string" && ISO_ALPHA2_SET.has(code);
}

/** An international organisation as a destination: `org:` and its short name (`org:EPO`). */
export const ORGANISATION_DESTINATION = /^org:[A-Za-z0-9_-]{1,32}$/;

/** True for an international organisation destination such as `org:EPO`. */
export function isOrganisationDestination(code: string): boolean {
  return code.charCodeAt(0) === 111 /* o */ && ORGANISATION_DESTINATION.test(code);
}

/** A transfer destination: an ISO 3166-1 alpha-2 code, or `org:ID` for an international organisation. */
export function isDestinationCode(code: unknown): boolean {
  return typeof code === "string" && (ISO_ALPHA2_SET.has(code) || ORGANISATION_DESTINATION.test(code));
}
