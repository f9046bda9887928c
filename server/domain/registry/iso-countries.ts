/**
 * ISO 3166-1 alpha-2 codes: the 249 officially assigned codes (Kosovo's user-assigned `XK` excluded).
 * Embedded rather than read from a package so the domain does no I/O; a test checks it against
 * `i18n-iso-countries`.
 */
export const ISO_ALPHA2_CODES: readonly string[] = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE",
  "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
  "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
  "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
  "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
  "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
  "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
  "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
  "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI",
  "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
  "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
  "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

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
