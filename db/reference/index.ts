/**
 * The reference knowledge base: regulatory-facts.md encoded as versioned data. The app loads it into the
 * database at seed time; the CLI and the benchmark use it directly. Bump {@link REFERENCE_DATA_VERSION} when
 * an entry changes so stored copies can tell they are stale.
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

/** Date of the regulatory-facts.md compilation this data encodes. */
export const REFERENCE_DATA_VERSION = "2026-11-29";

export const referenceKnowledgeBase: KnowledgeBase = {
  regime: regimes,
  area_membership: areaMemberships,
  adequacy: [...euAdequacy, ...ukAdequacy, ...chAdequacy],
  framework: frameworks,
  instrument: instruments,
  derogation: derogations,
};

export { EEA_STATES } from "./eea";
