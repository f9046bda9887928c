/**
 * The one write path of the registry's records. Each aggregate (a party with its processing locations and data
 * categories; a certification; a safeguard with its parties; a transfer with its safeguards, data categories and
 * purposes; a TIA) has ONE writer (./party-writer.ts, ./certification-writer.ts…) built on `writeAggregate` below.
 * The forms' services (create, update, archive, restore) call it with one step inside `writeTransaction`; the
 * registry import calls it with every step of its plan inside its own all-or-nothing transaction.
 *
 * A writer writes, for each step:
 * - the row: an INSERT (batched, up to 100 rows per statement, through statements prepared once per connection), or
 *   an UPDATE of only the columns whose value changes, bumping `version` and naming the version the caller read
 *   (0 rows updated: someone else changed it, `onStale` says what to throw);
 * - its child rows, diffed against `before`: an unordered list (data categories…) deletes and inserts only the rows
 *   that differ, an ordered one (safeguard links, safeguard parties) is rewritten only when the list or its order
 *   differs. A write that keeps a list fires no trigger on it, so no cache keyed on that kind of data is dropped
 *   (server/services/revisions.ts) and no verdict is marked for re-evaluation without cause;
 * - its audit row, in one shape whichever path wrote it: `auditShape` of the entity before (null when added) and
 *   after, with the detail's field names (the services' `getTransfer`… names), unordered lists sorted, its version
 *   (not its timestamps: the audit row's `at` is the time).
 *
 * Before it writes anything, a writer runs the record rules (server/domain/registry/record-rules.ts) on EVERY step,
 * with the facts the step carries (`facts`: the parties a transfer names, the transfers relying on a safeguard, the
 * party's other certifications…): one broken rule and it throws (an AppError with the form's field errors) before a
 * single row is written, so inside the caller's transaction nothing is. No caller writes a record without its
 * rules: the services build the facts from the database, the registry import hands over the facts it already
 * judged the document with while planning (so its preview keeps its per-JSON-path messages, and the writer re-runs
 * the same pure rules at apply time without another read).
 */
import type { DbOrTx } from "@/db/client";
import { prepared } from "@/db/client";
import type { AuditAction, EntityType } from "@/server/audit/actions";
import type { Actor } from "@/server/auth/actor";
import { fieldErrors, type RuleViolation } from "@/server/domain/registry/record-rules";
import { AppError } from "@/server/errors";

/** A value as the caller holds it (a detail's field). */
type Obj = Record<string, unknown>;

export interface ColumnSpec {
  /** The detail's field name (`exporterId`). */
  key: string;
  /** The table's column (`exporter_id`). */
  column: string;
  /** The value written, from the field's value and the whole entity (default: as is; booleans as 0/1). */
  encode?: (value: unknown, entity: Obj) => unknown;
}

export interface ChildSpec {
  /** The detail's list field (`dataCategories`). */
  key: string;
  table: string;
  /** The column naming the owner (`transfer_id`). */
  owner: string;
  /** The column holding each value (`category_id`). */
  value: string;
  /** Ordered lists have a `position` column and are compared with their order. */
  ordered: boolean;
}

export interface AggregateSpec {
  entity: EntityType;
  table: string;
  columns: readonly ColumnSpec[];
  children: readonly ChildSpec[];
  /** Whether rows carry `version` (optimistic concurrency) and which timestamps. */
  versioned: boolean;
  timestamps: "created_updated" | "created" | "none";
}

/** The stamps of a stored row (what the detail adds to the fields a caller writes). */
export interface Stamps {
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface WriteStep<S> {
  action: "add" | "change";
  id: string;
  /** For a change: the version the caller read (ignored for rows without a version). */
  version: number | null;
  /** The entity as it is to be: every field of the detail but the stamps (extra keys are ignored). */
  next: S;
  /** For a change: the entity as stored now, with its stamps (the audit row's `before`; child rows are diffed against it). */
  before: (S & Stamps) | null;
  /** The audit action; by default `<entity>.create` or `<entity>.update`. */
  auditAction?: AuditAction;
}

export interface WriteOptions {
  /** The error to throw when a change finds its row at another version than the step's. */
  onStale: () => Error;
}

/** How a writer judges its steps: the record rules over one step, and the error a refused step throws. */
export interface RuleCheck<T> {
  /** The violations of one step's record (none when it obeys the rules), from the facts the step carries. */
  judge: (step: T) => RuleViolation[];
  /** The error for a step's violations (what the form shows). */
  refuse: (violations: RuleViolation[]) => Error;
}

/** The first violation as the form shows it: its sentence, and its message at its field (CONFLICT for a clash). */
export function firstViolation(violations: readonly RuleViolation[], options: { withField?: boolean } = {}): AppError {
  const first = violations[0]!;
  return new AppError(first.kind === "conflict" ? "CONFLICT" : "BAD_REQUEST", first.summary, options.withField === false ? undefined : { [first.field]: first.message });
}

/** Every violation at its field (the first per field), the messages joined as the error's sentence. */
export function allViolations(violations: readonly RuleViolation[]): AppError {
  const errors = fieldErrors(violations);
  return new AppError("BAD_REQUEST", Object.values(errors).join(" "), errors);
}

const q = (name: string) => `"${name}"`;

/** SQLite allows 32,766 parameters per statement; 100 rows per statement is where batching stops paying. */
const rowsPerStatement = (columns: number) => Math.max(1, Math.min(100, Math.floor(32_000 / columns)));

/**
 * Multi-row INSERTs through statements prepared once per connection (`prepared`): rows are written up to 100 per
 * statement, so a large import runs a few thousand statements instead of half a million. Rows are written as
 * batches fill, or, when `deferred`, only at `flush()` (child rows wait for their parents: foreign keys are
 * checked per statement).
 */
export class BatchInsert {
  private readonly perStatement: number;
  private buffer: unknown[] = [];
  private readonly head: string;
  private readonly row: string;
  /** The SQL of a full statement, built once. */
  private fullSql: string | null = null;

  constructor(
    private readonly tx: DbOrTx,
    table: string,
    private readonly columns: readonly string[],
    private readonly deferred = false,
  ) {
    this.head = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES `;
    this.row = `(${columns.map(() => "?").join(", ")})`;
    this.perStatement = rowsPerStatement(columns.length);
  }

  private statement(rows: number) {
    if (rows !== this.perStatement) return prepared(this.tx, this.head + Array<string>(rows).fill(this.row).join(", "));
    this.fullSql ??= this.head + Array<string>(rows).fill(this.row).join(", ");
    return prepared(this.tx, this.fullSql);
  }

  add(values: readonly unknown[]): void {
    for (const v of values) this.buffer.push(v);
    if (!this.deferred && this.buffer.length === this.columns.length * this.perStatement) {
      this.statement(this.perStatement).run(this.buffer);
      this.buffer = [];
    }
  }

  flush(): void {
    const batch = this.columns.length * this.perStatement;
    let offset = 0;
    for (; offset + batch <= this.buffer.length; offset += batch) this.statement(this.perStatement).run(this.buffer.slice(offset, offset + batch));
    const rest = (this.buffer.length - offset) / this.columns.length;
    if (rest > 0) this.statement(rest).run(offset === 0 ? this.buffer : this.buffer.slice(offset));
    this.buffer = [];
  }
}

const AUDIT_COLUMNS = ["at", "actor_id", "actor_email", "action", "entity_type", "entity_id", "before", "after"] as const;

/** Audit rows, batched (the same columns `recordAudit` writes); written as batches fill (nothing refers to them). */
export class AuditRows {
  private readonly rows: BatchInsert;
  private readonly actorId: string | null;
  count = 0;
  constructor(
    tx: DbOrTx,
    private readonly actor: Actor,
    private readonly at: string,
  ) {
    this.rows = new BatchInsert(tx, "audit_log", AUDIT_COLUMNS);
    this.actorId = actor.kind === "user" ? actor.id : null;
  }
  add(action: AuditAction, entityType: EntityType, entityId: string, before: unknown, after: unknown): void {
    this.rows.add([this.at, this.actorId, this.actor.email, action, entityType, entityId, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after)]);
    this.count++;
  }
  flush(): void {
    this.rows.flush();
  }
}

function encodeColumn(c: ColumnSpec, entity: Obj): unknown {
  const value = entity[c.key];
  if (c.encode) return c.encode(value, entity);
  if (value === true) return 1;
  if (value === false) return 0;
  return value ?? null;
}

/** An unordered list's values, sorted and without repeats (how audit rows and diffs see it). */
const setOf = (values: unknown): string[] => [...new Set(Array.isArray(values) ? (values as string[]) : [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const listOf = (values: unknown): string[] => (Array.isArray(values) ? (values as string[]) : []);

/**
 * The entity as its audit rows show it: `id`, every field of the spec (unordered lists sorted), then its `version`
 * where the table has one. One shape for every path that writes the entity. The row's timestamps are left out: the
 * audit row's own `at` says when (a write's `updatedAt`, a creation's `createdAt`), and at 10^5 records per import
 * they would add some 15 MB of audit text that says nothing new.
 */
export function auditShape(spec: AggregateSpec, id: string, entity: Obj, stamps: Stamps): Obj {
  const out: Obj = { id };
  for (const c of spec.columns) out[c.key] = entity[c.key] ?? null;
  for (const child of spec.children) out[child.key] = child.ordered ? [...listOf(entity[child.key])] : setOf(entity[child.key]);
  if (spec.versioned) out.version = stamps.version ?? null;
  return out;
}

/** The statements of one aggregate, prepared lazily per connection. */
function childWriter(tx: DbOrTx, child: ChildSpec) {
  const insert = new BatchInsert(tx, child.table, child.ordered ? [child.owner, child.value, "position"] : [child.owner, child.value], true);
  return {
    write(ownerId: string, next: unknown, before: unknown | null): void {
      if (child.ordered) {
        const list = listOf(next);
        if (before !== null) {
          const stored = listOf(before);
          if (stored.length === list.length && stored.every((v, i) => v === list[i])) return;
          if (stored.length) prepared(tx, `DELETE FROM ${q(child.table)} WHERE ${q(child.owner)} = ?`).run(ownerId);
        }
        list.forEach((v, position) => insert.add([ownerId, v, position]));
        return;
      }
      const wanted = new Set(listOf(next));
      if (before === null) {
        for (const v of wanted) insert.add([ownerId, v]);
        return;
      }
      const stored = new Set(listOf(before));
      for (const v of stored) if (!wanted.has(v)) prepared(tx, `DELETE FROM ${q(child.table)} WHERE ${q(child.owner)} = ? AND ${q(child.value)} = ?`).run(ownerId, v);
      for (const v of wanted) if (!stored.has(v)) insert.add([ownerId, v]);
    },
    flush: () => insert.flush(),
  };
}

/**
 * Judges every step with `rules` (the first refused step throws, before anything is written), then writes `steps`
 * (rows, child rows, audit rows) in the caller's transaction, all stamped `at`. Returns the entities as written:
 * their audit shape plus their new timestamps (the detail's fields; unordered lists sorted), in step order.
 */
export function writeAggregate<S extends object, T extends WriteStep<S> = WriteStep<S>>(
  tx: DbOrTx,
  spec: AggregateSpec,
  actor: Actor,
  steps: readonly T[],
  at: Date,
  options: WriteOptions,
  rules: RuleCheck<T>,
): (S & Stamps & { id: string })[] {
  for (const s of steps) {
    const violations = rules.judge(s);
    if (violations.length) throw rules.refuse(violations);
  }
  const stamp = at.toISOString();
  const insertColumns = ["id", ...spec.columns.map((c) => c.column)];
  if (spec.versioned) insertColumns.push("version");
  if (spec.timestamps !== "none") insertColumns.push("created_at");
  if (spec.timestamps === "created_updated") insertColumns.push("updated_at");
  const rows = new BatchInsert(tx, spec.table, insertColumns);
  const children = spec.children.map((c) => childWriter(tx, c));
  const audit = new AuditRows(tx, actor, stamp);
  const written: (S & Stamps & { id: string })[] = [];

  for (const s of steps) {
    const next = s.next as Obj;
    let stamps: Stamps;
    if (s.action === "add") {
      const values: unknown[] = [s.id];
      for (const c of spec.columns) values.push(encodeColumn(c, next));
      if (spec.versioned) values.push(1);
      if (spec.timestamps !== "none") values.push(stamp);
      if (spec.timestamps === "created_updated") values.push(stamp);
      rows.add(values);
      stamps = { version: 1, createdAt: stamp, updatedAt: stamp };
    } else {
      const before = s.before as (Obj & Stamps) | null;
      if (!before) throw new Error(`writeAggregate: a change of ${spec.entity} "${s.id}" needs the entity before it`);
      const set: string[] = [];
      const params: unknown[] = [];
      for (const c of spec.columns) {
        const value = encodeColumn(c, next);
        if (value !== encodeColumn(c, before)) {
          set.push(`${q(c.column)} = ?`);
          params.push(value);
        }
      }
      if (spec.versioned) set.push('"version" = "version" + 1');
      if (spec.timestamps === "created_updated") {
        set.push('"updated_at" = ?');
        params.push(stamp);
      }
      if (set.length) {
        let where = '"id" = ?';
        params.push(s.id);
        if (spec.versioned) {
          where += ' AND "version" = ?';
          params.push(s.version);
        }
        const result = prepared(tx, `UPDATE ${q(spec.table)} SET ${set.join(", ")} WHERE ${where}`).run(...params);
        if (result.changes !== 1) throw options.onStale();
      }
      stamps = { version: (s.version ?? 0) + 1, createdAt: before.createdAt, updatedAt: stamp };
    }
    spec.children.forEach((c, i) => children[i]!.write(s.id, next[c.key], s.action === "add" ? null : (s.before as Obj)[c.key]));
    const action = s.auditAction ?? (`${spec.entity}.${s.action === "add" ? "create" : "update"}` as AuditAction);
    // The entity as written, in its audit shape (the detail's fields with the new stamps).
    const after = auditShape(spec, s.id, next, stamps);
    audit.add(action, spec.entity, s.id, s.before ? auditShape(spec, s.id, s.before as Obj, s.before) : null, after);
    if (spec.timestamps !== "none") after.createdAt = stamps.createdAt;
    if (spec.timestamps === "created_updated") after.updatedAt = stamps.updatedAt;
    written.push(after as S & Stamps & { id: string });
  }
  rows.flush();
  for (const c of children) c.flush();
  audit.flush();
  return written;
}

/**
 * Deletes rows (a record removed because it was recorded in error; registry records are otherwise archived, never
 * deleted), each at the version the caller read, with a `<entity>.delete` audit row whose `before` has the audit
 * shape. Child rows go with their owner (ON DELETE CASCADE).
 */
export function removeAggregate<S extends object>(
  tx: DbOrTx,
  spec: AggregateSpec,
  actor: Actor,
  steps: readonly { id: string; version: number; before: S & Stamps }[],
  at: Date,
  options: WriteOptions,
): void {
  const audit = new AuditRows(tx, actor, at.toISOString());
  const remove = prepared(tx, `DELETE FROM ${q(spec.table)} WHERE "id" = ?${spec.versioned ? ' AND "version" = ?' : ""}`);
  for (const s of steps) {
    const result = spec.versioned ? remove.run(s.id, s.version) : remove.run(s.id);
    if (result.changes !== 1) throw options.onStale();
    audit.add(`${spec.entity}.delete` as AuditAction, spec.entity, s.id, auditShape(spec, s.id, s.before as Obj, s.before), null);
  }
  audit.flush();
}
