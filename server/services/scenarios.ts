/**
 * What-if scenarios: saved, named lists of hypothetical changes (server/domain/scenarios), and their runs.
 *
 * A run never changes real data: it reads, in one read transaction, only the transfers a change can affect
 * (SQL over indexed columns: destination and party countries, the recipients' certifications, the safeguards
 * relied on) with what they depend on (`readRegistrySlice`), applies the changes to an in-memory copy of the
 * compiled knowledge base and of that slice, and evaluates each transfer twice: as the registry stands and
 * under the scenario, as of the chosen date. Runs are cached per (data revision, scenario version, date).
 * Saving a scenario writes the scenario table and its audit row only (no registry table: no verdict changes).
 */
import { randomUUID } from "node:crypto";
import { asc, count, eq, inArray } from "drizzle-orm";
import { prepared, rawClient, type Db, type DbOrTx } from "@/db/client";
import { parties, safeguards, scenarios } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { compileKnowledgeBase, createEvaluationContext, evaluateTransfer, STATUS_RANK, type Status } from "@/server/domain/rules";
import { applyChangesToKnowledgeBase, applyChangesToRegistry, compareOutcome, scenarioScope, type ScenarioChange, type ScenarioOutcome, type ScenarioProblem } from "@/server/domain/scenarios";
import { AppError, notFound, staleEdit } from "@/server/errors";
import { listScenariosSchema, scenarioRunSchema, type ScenarioFields, type ScenarioRunInput } from "@/server/schemas/scenario";
import { getCompiledKnowledgeBase } from "./compiled-knowledge-base";
import { readRegistrySlice } from "./registry-document";
import { statusOfRank, today, verdictSource } from "./verdicts";
import { dataRevision, writeTransaction } from "./verdict-store";

export interface Scenario {
  id: string;
  name: string;
  description: string | null;
  asOf: string;
  changes: ScenarioChange[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

type Row = typeof scenarios.$inferSelect;
const toScenario = (r: Row): Scenario => ({ ...r, changes: JSON.parse(r.changes) as ScenarioChange[] });

export function findScenario(db: DbOrTx, id: string): Scenario | null {
  const row = db.select().from(scenarios).where(eq(scenarios.id, id)).get();
  return row ? toScenario(row) : null;
}

export function getScenario(db: DbOrTx, id: string): Scenario {
  const s = findScenario(db, id);
  if (!s) throw notFound("Scenario", id);
  return s;
}

export function listScenarios(db: Db, input: { page?: number; pageSize?: number }) {
  const q = listScenariosSchema.parse(input);
  const total = db.select({ n: count() }).from(scenarios).get()?.n ?? 0;
  const items = db
    .select()
    .from(scenarios)
    .orderBy(asc(scenarios.name), asc(scenarios.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .all()
    .map(toScenario);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Every id a change names must exist: a scenario about nothing is refused with the change's field. */
function checkReferences(db: DbOrTx, changes: readonly ScenarioChange[]): void {
  const kb = getCompiledKnowledgeBase(db).kb;
  const errors: Record<string, string> = {};
  changes.forEach((c, i) => {
    if (c.kind === "kb_entry_ends") {
      const { problems } = applyChangesToKnowledgeBase(kb, [c]);
      if (problems.length) errors[`changes.${i}.entryId`] = problems[0]!.message;
    } else if (c.kind === "certification_lapses") {
      if (!db.select({ id: parties.id }).from(parties).where(eq(parties.id, c.partyId)).get()) errors[`changes.${i}.partyId`] = `There is no party "${c.partyId}".`;
    } else if (c.kind === "safeguard_ends") {
      if (!db.select({ id: safeguards.id }).from(safeguards).where(eq(safeguards.id, c.safeguardId)).get()) errors[`changes.${i}.safeguardId`] = `There is no safeguard "${c.safeguardId}".`;
    }
  });
  const first = Object.values(errors)[0];
  if (first) throw new AppError("BAD_REQUEST", first, errors);
}

function assertNameFree(db: DbOrTx, name: string, except?: string): void {
  const row = db.select({ id: scenarios.id }).from(scenarios).where(eq(scenarios.name, name)).get();
  if (row && row.id !== except) throw new AppError("CONFLICT", `A scenario named "${name}" already exists.`, { name: "This name is already taken." });
}

const nowIso = () => new Date().toISOString();

export function createScenario(db: Db, actor: Actor, fields: ScenarioFields): Scenario {
  return writeTransaction(db, (tx) => {
    assertNameFree(tx, fields.name);
    checkReferences(tx, fields.changes);
    const id = randomUUID();
    const at = nowIso();
    tx.insert(scenarios)
      .values({ id, name: fields.name, description: fields.description, asOf: fields.asOf, changes: JSON.stringify(fields.changes), createdAt: at, updatedAt: at, updatedBy: actor.email })
      .run();
    const after = getScenario(tx, id);
    recordAudit(tx, actor, { action: "scenario.create", entityType: "scenario", entityId: id, before: null, after });
    return after;
  });
}

export function updateScenario(db: Db, actor: Actor, input: { id: string; version: number; fields: ScenarioFields }): Scenario {
  return writeTransaction(db, (tx) => {
    const before = getScenario(tx, input.id);
    if (before.version !== input.version) throw staleEdit("scenario");
    assertNameFree(tx, input.fields.name, input.id);
    checkReferences(tx, input.fields.changes);
    const f = input.fields;
    tx.update(scenarios)
      .set({ name: f.name, description: f.description, asOf: f.asOf, changes: JSON.stringify(f.changes), version: before.version + 1, updatedAt: nowIso(), updatedBy: actor.email })
      .where(eq(scenarios.id, input.id))
      .run();
    const after = getScenario(tx, input.id);
    recordAudit(tx, actor, { action: "scenario.update", entityType: "scenario", entityId: input.id, before, after });
    return after;
  });
}

export function deleteScenario(db: Db, actor: Actor, input: { id: string; version: number }): { id: string } {
  return writeTransaction(db, (tx) => {
    const before = getScenario(tx, input.id);
    if (before.version !== input.version) throw staleEdit("scenario");
    tx.delete(scenarios).where(eq(scenarios.id, input.id)).run();
    recordAudit(tx, actor, { action: "scenario.delete", entityType: "scenario", entityId: input.id, before, after: null });
    return { id: input.id };
  });
}

// ---------------------------------------------------------------- runs

/**
 * The SQL selecting the live transfers a scenario can affect, or null when none can be: a UNION of selections
 * that each use an index (destination, recipient, exporter, the safeguard links), never a scan of the registry.
 */
export function scopeQuery(changes: readonly ScenarioChange[], db: DbOrTx): { sql: string; params: unknown[] } | null {
  const scope = scenarioScope(getCompiledKnowledgeBase(db).kb, changes);
  const parts: string[] = [];
  const params: unknown[] = [];
  const each = "(SELECT value FROM json_each(?))";
  const live = "t.archived_at IS NULL";
  const add = (sqlText: string, ...values: unknown[]) => {
    parts.push(sqlText);
    params.push(...values.map((v) => JSON.stringify(v)));
  };
  if (scope.countries.size) {
    const list = [...scope.countries];
    add(`SELECT t.id FROM transfer t WHERE ${live} AND t.destination IN ${each}`, list);
    add(`SELECT t.id FROM party p CROSS JOIN transfer t ON t.recipient_id = p.id WHERE p.country IN ${each} AND ${live}`, list);
  }
  if (scope.exporterCountries.size) add(`SELECT t.id FROM party p CROSS JOIN transfer t ON t.exporter_id = p.id WHERE p.country IN ${each} AND ${live}`, [...scope.exporterCountries]);
  if (scope.frameworks.size) {
    add(`SELECT t.id FROM (SELECT DISTINCT party_id FROM certification WHERE framework IN ${each}) c CROSS JOIN transfer t ON t.recipient_id = c.party_id WHERE ${live}`, [...scope.frameworks]);
  }
  if (scope.recipients.size) add(`SELECT t.id FROM transfer t WHERE t.recipient_id IN ${each} AND ${live}`, [...scope.recipients]);
  if (scope.safeguards.size) add(`SELECT t.id FROM transfer_safeguard ts CROSS JOIN transfer t ON t.id = ts.transfer_id WHERE ts.safeguard_id IN ${each} AND ${live}`, [...scope.safeguards]);
  if (scope.instrumentKeys.size) {
    const keys = [...scope.instrumentKeys];
    add(
      `SELECT t.id FROM safeguard s CROSS JOIN transfer_safeguard ts ON ts.safeguard_id = s.id CROSS JOIN transfer t ON t.id = ts.transfer_id
        WHERE (s.type IN ${each} OR (s.type = 'scc' AND s.scc_version IN ${each})) AND ${live}`,
      keys.filter((k) => !k.startsWith("scc:")),
      keys.filter((k) => k.startsWith("scc:")).map((k) => k.slice(4)),
    );
  }
  if (parts.length === 0) return null;
  return { sql: parts.join(" UNION "), params };
}

export interface ScenarioResultItem extends ScenarioOutcome {
  id: string;
}

interface RunResult {
  asOf: string;
  /** How many transfers the changes could affect (and were evaluated twice). */
  evaluated: number;
  items: ScenarioResultItem[];
  needsAction: number;
  withFallback: number;
  problems: ScenarioProblem[];
  ms: number;
}

const runCache = new WeakMap<object, Map<string, RunResult>>();
/** How many runs each connection keeps (least recently used first out). */
export const RUN_CACHE_SIZE = 50;

/** Evaluates `scenario` as of `asOf`: the transfers whose status would change. Reads only; writes nothing real. */
export function evaluateScenario(db: Db, scenario: Scenario, asOf: string): RunResult {
  const client = rawClient(db);
  let cache = runCache.get(client);
  if (!cache) runCache.set(client, (cache = new Map()));
  const key = `${dataRevision(db)}|${scenario.id}|${scenario.version}|${asOf}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const started = performance.now();
  const result = db.transaction((tx): RunResult => {
    const changes = scenario.changes;
    const real = getCompiledKnowledgeBase(tx);
    const { kb, problems } = applyChangesToKnowledgeBase(real.kb, changes);
    const query = scopeQuery(changes, tx);
    if (query === null) return { asOf, evaluated: 0, items: [], needsAction: 0, withFallback: 0, problems, ms: 0 };
    const doc = readRegistrySlice(tx, query.sql, query.params);
    const changed = applyChangesToRegistry(doc, changes);
    const before = createEvaluationContext(doc, real);
    const after = createEvaluationContext(changed, compileKnowledgeBase(kb, real.info));
    const items: ScenarioResultItem[] = [];
    for (const t of doc.transfers) {
      const outcome = compareOutcome(evaluateTransfer(before, t, asOf), evaluateTransfer(after, t, asOf), new Set(t.safeguards ?? []));
      if (outcome) items.push({ id: t.id, ...outcome });
    }
    // Those that need action first, then the worst outcome, then by id.
    items.sort((a, b) => Number(b.needsAction) - Number(a.needsAction) || STATUS_RANK[b.after] - STATUS_RANK[a.after] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      asOf,
      evaluated: doc.transfers.length,
      items,
      needsAction: items.filter((i) => i.needsAction).length,
      withFallback: items.filter((i) => i.fallback.length > 0).length,
      problems,
      ms: 0,
    };
  });
  result.ms = Math.round(performance.now() - started);
  cache.set(key, result);
  if (cache.size > RUN_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** One page of a scenario's run, with names, today's real status and the fallback safeguards' titles. */
export function runScenario(db: Db, input: ScenarioRunInput) {
  const q = scenarioRunSchema.parse(input);
  const scenario = getScenario(db, q.id);
  const asOf = q.asOf ?? scenario.asOf;
  const run = evaluateScenario(db, scenario, asOf);
  const filtered = q.filter === "needs_action" ? run.items.filter((i) => i.needsAction) : q.filter === "has_fallback" ? run.items.filter((i) => i.fallback.length > 0) : run.items;
  const pageItems = filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const ids = JSON.stringify(pageItems.map((i) => i.id));
  const store = verdictSource(db);
  const rows = prepared(
    db,
    `SELECT t.id, t.destination, e.id AS exporterId, e.name AS exporterName, r.id AS recipientId, r.name AS recipientName, v.status_rank AS todayRank
       FROM transfer t JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id LEFT JOIN ${store.verdicts} v ON v.transfer_id = t.id
      WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(ids) as { id: string; destination: string; exporterId: string; exporterName: string; recipientId: string; recipientName: string; todayRank: number | null }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fallbackIds = [...new Set(pageItems.flatMap((i) => i.fallback.map((f) => f.ref)))];
  const titles = new Map(
    fallbackIds.length ? db.select({ id: safeguards.id, title: safeguards.title }).from(safeguards).where(inArray(safeguards.id, fallbackIds)).all().map((s) => [s.id, s.title] as const) : [],
  );
  return {
    scenario,
    asOf,
    today: today(),
    evaluated: run.evaluated,
    changed: run.items.length,
    needsAction: run.needsAction,
    withFallback: run.withFallback,
    problems: run.problems,
    ms: run.ms,
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
    items: pageItems.map((i) => {
      const r = byId.get(i.id);
      return {
        ...i,
        exporter: { id: r?.exporterId ?? "", name: r?.exporterName ?? "" },
        recipient: { id: r?.recipientId ?? "", name: r?.recipientName ?? "" },
        destination: r?.destination ?? "",
        today: statusOfRank(r?.todayRank) as Status | null,
        fallback: i.fallback.map((f) => ({ ...f, title: titles.get(f.ref) ?? f.ref })),
      };
    }),
  };
}
