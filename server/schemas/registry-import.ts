/**
 * Limits of the registry import (`transfer-registry/v1` documents), in one place: the import route
 * (POST /api/registry/import), the preview and the apply (server/services/registry-import.ts, which check
 * every one of them in the preview, so the apply accepts whatever the preview accepted) and the upload card.
 * Dependency-free so the browser bundle can import it.
 *
 * | what | limit |
 * |---|---|
 * | the request body / document text | {@link MAX_IMPORT_BYTES} = 256 MiB (the app's own export of 100,000 transfers is ~106 MB) |
 * | every entity id: parties, safeguards, transfers, TIAs (`tias[].id`) | `^[a-z0-9._-]{1,64}$` (REGISTRY_ID_PATTERN, server/schemas/transfer.ts) |
 * | nesting of objects and arrays, the document itself counting as level 1 | {@link IMPORT_LIMITS}.maxDepth = 32 (the format itself uses 5: document, list, entity, `tias`, assessment) |
 * | field names, anywhere | 200 characters, and never `__proto__` |
 * | any string the list below does not name (extra fields included) | 10,000 characters |
 * | party `name`; certification `verifiedBy` | 200 |
 * | party `website`; safeguard `title` and `reference` | 300 |
 * | party `contactEmail` | 320 |
 * | `dataSubjects[]` entries | 100 |
 * | other known texts (notes, contacts, registration numbers, justifications, TIA details…) | 5,000 |
 * | the file name recorded in the audit row | 255 |
 */

/** The largest request body and document text the import accepts: 256 MiB. Above it the route answers 413. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export const IMPORT_LIMITS = {
  maxBytes: MAX_IMPORT_BYTES,
  /** Levels of objects and arrays, the document itself being level 1. */
  maxDepth: 32,
  maxFieldNameLength: 200,
  /** Strings no other limit names, extra fields included. */
  maxStringLength: 10_000,
  /** Known text fields without a stricter limit (notes, contacts, justifications, TIA details…). */
  maxTextLength: 5_000,
  partyName: 200,
  website: 300,
  contactEmail: 320,
  safeguardTitle: 300,
  reference: 300,
  verifiedBy: 200,
  dataSubject: 100,
  fileName: 255,
  planHash: 128,
} as const;

/** "256 MB": how the UI and the 413 message name the limit. */
export const MAX_IMPORT_SIZE_LABEL = `${MAX_IMPORT_BYTES / 1024 / 1024} MB`;
