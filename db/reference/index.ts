/**
 * The reference knowledge base: regulatory-facts.md, corrected and completed by regulatory-facts-2.md (both kept
 * in this folder), encoded as versioned data. The app loads it into the database at seed time; the CLI and the
 * benchmark use it directly. Bump {@link REFERENCE_DATA_VERSION} when an entry changes so stored copies can
 * tell they are stale.
 */
import type { KnowledgeBase } from "../../server/domain/kb/types";
import { chAdequacy } from "./adequacy-ch";
import { euAdequacy } from "./adequacy-eu";
import { ukAdequacy } from "./adequacy-uk";
import { derogations } from "./derogations";
import { areaMemberships } from "./eea";
import { frameworks } from "./frameworks";
import { instruments } from "./instruments";
import { regimes } from "./regimes";

/** Version of this data: the date of the regulatory-facts.md compilation, and the revision after it. */
export const REFERENCE_DATA_VERSION = "2026-11-29.2";

/** The day up to which the facts were checked against their sources (regulatory-facts.md: compiled 2026-11-29). */
export const REFERENCE_CHECKED_UP_TO = "2026-11-29";

/** What verdicts computed with this data say about the knowledge they used. */
export const referenceKnowledgeBaseInfo = { version: REFERENCE_DATA_VERSION, checkedUpTo: REFERENCE_CHECKED_UP_TO } as const;

export const referenceKnowledgeBase: KnowledgeBase = {
  regime: regimes,
  area_membership: areaMemberships,
  adequacy: [...euAdequacy, ...ukAdequacy, ...chAdequacy],
  framework: frameworks,
  instrument: instruments,
  derogation: derogations,
};

export { EEA_STATES, EU_TERRITORIES } from "./eea";
