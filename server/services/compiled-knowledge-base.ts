/**
 * The knowledge base as the evaluator uses it: read from the `kb_entry` table and compiled once per change.
 * Kept apart from the knowledge-base use cases (./knowledge-base.ts), which write through the verdict store,
 * so that the store can read the compiled knowledge base without a circle of imports.
 */
import { asc, count, max, sum } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { REFERENCE_CHECKED_UP_TO, REFERENCE_DATA_VERSION, referenceKnowledgeBase } from "@/db/reference";
import { kbEntries } from "@/db/schema";
import { buildKnowledgeBase, flattenKnowledgeBase, type KbEntry, type KnowledgeBase } from "@/server/domain/kb";
import { compileKnowledgeBase, type CompiledKnowledgeBase, type KnowledgeBaseInfo } from "@/server/domain/rules";

export function loadKnowledgeBase(db: DbOrTx): KnowledgeBase {
  const entries = db.select({ data: kbEntries.data }).from(kbEntries).orderBy(asc(kbEntries.id)).all();
  return buildKnowledgeBase(entries.map((e) => JSON.parse(e.data) as KbEntry));
}

let compiled: { key: string; ckb: CompiledKnowledgeBase } | undefined;

/**
 * Which knowledge the database holds, for the verdicts to say: the shipped reference version when every
 * reference entry is the shipped one (entries the DPO edited or added are counted as local changes); when
 * unedited entries differ from the shipped ones, the database holds an older reference version, and how far
 * its facts were checked is not known.
 */
export function describeStoredKnowledgeBase(rows: readonly { id: string; data: string; origin: string; edited: boolean }[]): KnowledgeBaseInfo {
  const reference = new Map(flattenKnowledgeBase(referenceKnowledgeBase).map((e) => [e.id, JSON.stringify(e)] as const));
  const present = new Set<string>();
  let stale = 0;
  let local = 0;
  for (const row of rows) {
    present.add(row.id);
    if (row.origin !== "reference" || row.edited) local++;
    else if (reference.get(row.id) !== row.data) stale++;
  }
  for (const id of reference.keys()) if (!present.has(id)) stale++;
  if (stale > 0) {
    return { version: `an earlier reference version (${stale} ${stale === 1 ? "entry differs" : "entries differ"} from ${REFERENCE_DATA_VERSION})`, checkedUpTo: null };
  }
  return {
    version: local === 0 ? REFERENCE_DATA_VERSION : `${REFERENCE_DATA_VERSION} with ${local} ${local === 1 ? "entry" : "entries"} edited or added here`,
    checkedUpTo: REFERENCE_CHECKED_UP_TO,
  };
}

/**
 * The compiled knowledge base, rebuilt only when an entry changed (a cheap
 * aggregate query identifies the table's state), so every verdict reflects an
 * edit at once without recompiling on every request.
 */
export function getCompiledKnowledgeBase(db: DbOrTx): CompiledKnowledgeBase {
  const state = db.select({ n: count(), v: sum(kbEntries.version), at: max(kbEntries.updatedAt) }).from(kbEntries).get();
  const key = `${state?.n}:${state?.v}:${state?.at}`;
  if (!compiled || compiled.key !== key) {
    const rows = db.select({ id: kbEntries.id, data: kbEntries.data, origin: kbEntries.origin, edited: kbEntries.edited }).from(kbEntries).orderBy(asc(kbEntries.id)).all();
    const kb = buildKnowledgeBase(rows.map((r) => JSON.parse(r.data) as KbEntry));
    compiled = { key, ckb: compileKnowledgeBase(kb, describeStoredKnowledgeBase(rows)) };
  }
  return compiled.ckb;
}

