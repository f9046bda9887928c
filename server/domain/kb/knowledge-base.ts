/** Converting between the knowledge base object and the flat list of entries the database stores. */
import { KB_KINDS, type KbEntry, type KbEntryOfKind, type KbKind, type KnowledgeBase } from "./types";

/** Creates an empty knowledge base (one empty array per kind). */
export function createEmptyKnowledgeBase(): KnowledgeBase {
  return { regime: [], area_membership: [], adequacy: [], framework: [], instrument: [], derogation: [] };
}

/** Flattens a knowledge base into one list of entries (kind order of {@link KB_KINDS}, entry order kept). */
export function flattenKnowledgeBase(kb: KnowledgeBase): KbEntry[] {
  const entries: KbEntry[] = [];
  for (const kind of KB_KINDS) entries.push(...(kb[kind] as KbEntry[]));
  return entries;
}

/** Groups a flat list of entries (e.g. rows read from the database) back into a knowledge base. */
export function buildKnowledgeBase(entries: readonly KbEntry[]): KnowledgeBase {
  const kb = createEmptyKnowledgeBase();
  for (const entry of entries) (kb[entry.kind] as KbEntryOfKind<KbKind>[]).push(entry);
  return kb;
}
