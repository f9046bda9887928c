/**
 * Flags and their review workflow (issue 10).
 *
 * Derived and persisted meet like this:
 * - A flag is derived from the verdicts as of a date: every live transfer whose verdict is `unsafeguarded`
 *   (code `unsafeguarded`) or has an issue of severity warning or error (code = the issue code; a planned
 *   transfer's `uncovered_at_start` flags it ahead of time). The list is SQL over the verdict store's indexed
 *   tables (today) or the what-if tables (another date, `verdictSource`), never the whole registry.
 * - A `flag` row holds what people decided (owner, due date, state, justification, re-review date) and is
 *   created on the first review action; a raised flag without a row is `open`.
 * - The state shown as of a date is `effectiveFlagState` (server/domain/flags.ts): a flag the verdict no longer
 *   raises is resolved; a resolved flag raised again is open; an accepted risk is open again from its re-review
 *   date. So a flag resolves itself when the verdict becomes clean and reopens when cover is lost again, on any
 *   as-of date, without a job rewriting rows.
 * - Every change writes its audit row in the same transaction; a change against an older version is refused.
 */
import { prepared, type Db, type DbOrTx } from "@/db/client";
import { flagComments, flags } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import {
  canMoveFlag,
  daysBetween,
  effectiveFlagState,
  flagRaisedSince,
  suggestRemedy,
  type FlagCode,
  type FlagSeverity,
  type FlagState,
  type Remedy,
} from "@/server/domain/flags";
import type { PartyRole, RegimeId } from "@/server/domain/kb/types";
import { evaluateTransfer, type Basis } from "@/server/domain/rules";
import { FLAG_CODE_LABELS, FLAG_STATE_LABELS } from "@/server/domain/labels";
import { AppError, staleEdit } from "@/server/errors";
import { listFlagsSchema, type ListFlagsInput } from "@/server/schemas/flag";
import type { z } from "zod";
import { likePattern } from "./sql-text";
import { kindRevisions, type DataKind } from "./revisions";
import { cachedRead, loadSliceEvaluation, today, verdictSource, type VerdictSource } from "./verdicts";
import { writeTransaction } from "./verdict-store";

/** Coverage is read back at most to this day to say how long a flag has been raised (as the coverage timeline). */
export const FLAG_HISTORY_FLOOR = "2015-01-01";

export interface FlagListItem {
  transferId: string;
  code: FlagCode;
  severity: FlagSeverity;
  state: FlagState;
  /** The row's version; 0 while nobody has acted on the flag. */
  version: number;
  exporter: { id: string; name: string; country: string };
  recipient: { id: string; name: string; country: string };
  destination: string;
  regime: RegimeId | null;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
  rereviewDate: string | null;
  justification: string | null;
  /** The first day of the uninterrupted run of days up to the as-of date on which the flag is raised. */
  raisedSince: string;
  /** `raisedSince` is the earliest day looked at: the flag was raised before it too. */
  raisedBeforeFloor: boolean;
  /** Days from `raisedSince` to the as-of date. */
  daysRaised: number;
  /** The issue's message (for `unsafeguarded`: the verdict's first reason). */
  message: string;
  /** The verdict's reasons and the citations it rests on, as of the date. */
  reasons: string[];
  citations: Pick<Basis, "citation" | "uri">[];
  remedy: Remedy;
  commentCount: number;
}

const SEVERITY_RANK_SQL = "CASE f.severity WHEN 'error' THEN 2 ELSE 1 END";

/** The raised flags as of the source's date: one row per (transfer, code). */
function raisedFlagsSql(source: VerdictSource): string {
  return `SELECT transfer_id, 'unsafeguarded' AS code, 'error' AS severity FROM ${source.verdicts} WHERE status_rank = 5
          UNION ALL SELECT transfer_id, code, severity FROM ${source.issues} WHERE severity IN ('warning', 'error')`;
}

/** The state shown as of `asOf` of a raised flag (`g` the flag row, possibly absent). Mirrors effectiveFlagState. */
const EFFECTIVE_STATE_SQL = `CASE WHEN g.id IS NULL OR g.state = 'resolved' THEN 'open'
  WHEN g.state = 'risk_accepted' AND g.rereview_date IS NOT NULL AND g.rereview_date <= $asOf THEN 'open'
  ELSE g.state END`;

const SORT_SQL: Record<z.output<typeof listFlagsSchema>["sort"], string> = {
  severity: `${SEVERITY_RANK_SQL} DESC, f.transfer_id, f.code`,
  due: "g.due_date IS NULL, g.due_date, f.transfer_id, f.code",
  transfer: "f.transfer_id, f.code",
};

interface RawFlagRow {
  transferId: string;
  code: FlagCode;
  severity: FlagSeverity;
  state: FlagState;
  flagId: string | null;
  version: number | null;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  rereviewDate: string | null;
  justification: string | null;
  destination: string;
  exporterRole: PartyRole;
  recipientRole: PartyRole;
  exporterId: string;
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientCountry: string;
  regime: string | null;
  commentCount: number;
}

export interface FlagPage {
  items: FlagListItem[];
  total: number;
  page: number;
  pageSize: number;
  asOf: string;
}

/** What the flags list reads: the verdicts and the flags, and for its reasons the rows the page's transfers depend on. */
const FLAG_LIST_READS: readonly DataKind[] = ["verdict", "flag", "transfer", "party", "user", "certification", "safeguard", "tia", "kb", "catalog"];

/** One page of flags as of `asOf` (default today), filtered and sorted in SQL. */
export function listFlags(db: Db, actor: Actor, input: ListFlagsInput): FlagPage {
  const q = listFlagsSchema.parse(input);
  const ownerId = flagOwnerFilter(q, actor);
  // Keyed on what it reads, flags and their comments included (a review changes no registry row); another date
  // reads the what-if tables, so every write counts.
  const todays = q.asOf === undefined || q.asOf === today();
  const key = { ...q, ownerId, flags: todays ? null : kindRevisions(db, ["flag"]) };
  return cachedRead(db, "flags.list", key, () => queryFlags(db, { ...q, ownerId }), todays ? FLAG_LIST_READS : undefined);
}

/** The owner filter of a list query: "my flags" is the signed-in user's. */
function flagOwnerFilter(q: z.output<typeof listFlagsSchema>, actor: Actor): string | undefined {
  return q.mine ? (actor.kind === "user" ? actor.id : "") : q.ownerId;
}

/** Where the last row of a page stands in the list's order: the export's keyset pages continue after it. */
export interface FlagCursor {
  keys: unknown[];
}

type FlagQuery = z.output<typeof listFlagsSchema>;

/**
 * The flags a list query selects as of the source's date, in the list's order: the count, and one page of
 * rows either by offset (the list) or after a cursor (the export's keyset pages). One definition, so the
 * list and the export always select the same flags.
 */
function selectFlags(db: Db, q: FlagQuery, source: VerdictSource) {
  const asOf = source.asOf;
  const where: string[] = [];
  const params: Record<string, unknown> = { asOf };
  const filter = (condition: string, name: string, value: unknown) => {
    where.push(condition);
    params[name] = value;
  };
  if (q.severity) filter("f.severity = $severity", "severity", q.severity);
  if (q.code) filter("f.code = $code", "code", q.code);
  if (q.regime) filter("v.regime = $regime", "regime", q.regime);
  if (q.country) filter("t.destination = $country", "country", q.country.toUpperCase());
  if (q.partyId) filter("(t.exporter_id = $party OR t.recipient_id = $party)", "party", q.partyId);
  if (q.ownerId) filter("g.owner_id = $owner", "owner", q.ownerId);

  if (q.state === "resolved") {
    // Flags somebody reviewed and the verdict no longer raises (a raised flag is never resolved): from the flag rows.
    const resolvedWhere = where.map((w) => w.replaceAll("f.", "g.").replaceAll("v.regime", "coalesce(v.regime, 'none')"));
    const base = (extra: string[]) => `FROM flag g JOIN transfer t ON t.id = g.transfer_id JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
        LEFT JOIN ${source.verdicts} v ON v.transfer_id = g.transfer_id LEFT JOIN user u ON u.id = g.owner_id
       WHERE NOT EXISTS (SELECT 1 FROM (${raisedFlagsSql(source)}) f WHERE f.transfer_id = g.transfer_id AND f.code = g.code)
         ${[...resolvedWhere.filter((w) => !w.includes("g.severity")), ...extra].map((w) => `AND ${w}`).join(" ")}`;
    return {
      asOf,
      count: () => (prepared(db, `SELECT count(*) AS n ${base([])}`).get(params) as { n: number }).n,
      rows: (limit: number, page: { offset: number } | { after: FlagCursor | undefined }): (RawFlagRow & { k: unknown[] })[] => {
        const after = "after" in page ? page.after : undefined;
        const rows = prepared(
          db,
          `SELECT g.transfer_id AS transferId, g.code, 'warning' AS severity, 'resolved' AS state, g.id AS flagId, g.version, g.owner_id AS ownerId, u.name AS ownerName,
                  g.due_date AS dueDate, g.rereview_date AS rereviewDate, g.justification, t.destination, t.exporter_role AS exporterRole, t.recipient_role AS recipientRole,
                  e.id AS exporterId, e.name AS exporterName, e.country AS exporterCountry, r.id AS recipientId, r.name AS recipientName, r.country AS recipientCountry,
                  v.regime, (SELECT count(*) FROM flag_comment c WHERE c.flag_id = g.id) AS commentCount, g.updated_at AS k1, g.id AS k2
             ${base(after ? ["(g.updated_at < $k1 OR (g.updated_at = $k1 AND g.id > $k2))"] : [])} ORDER BY g.updated_at DESC, g.id LIMIT $limit OFFSET $offset`,
        ).all({ ...params, ...(after ? { k1: after.keys[0], k2: after.keys[1] } : {}), limit, offset: "offset" in page ? page.offset : 0 }) as (RawFlagRow & { k1: unknown; k2: unknown })[];
        return rows.map(({ k1, k2, ...r }) => ({ ...r, k: [k1, k2] }));
      },
    };
  }
  if (q.state === "active") where.push(`${EFFECTIVE_STATE_SQL} IN ('open', 'in_remediation')`);
  else if (q.state !== "all") filter(`${EFFECTIVE_STATE_SQL} = $state`, "state", q.state);
  const columns = `f.transfer_id AS transferId, f.code, f.severity, g.id AS flagId, g.version, g.owner_id AS ownerId, u.name AS ownerName,
      g.due_date AS dueDate, g.rereview_date AS rereviewDate, g.justification, t.destination, t.exporter_role AS exporterRole, t.recipient_role AS recipientRole,
      e.id AS exporterId, e.name AS exporterName, e.country AS exporterCountry, r.id AS recipientId, r.name AS recipientName, r.country AS recipientCountry,
      v.regime, (SELECT count(*) FROM flag_comment c WHERE c.flag_id = g.id) AS commentCount`;
  const joins = `JOIN ${source.verdicts} v ON v.transfer_id = f.transfer_id JOIN transfer t ON t.id = f.transfer_id
      JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
      LEFT JOIN flag g ON g.transfer_id = f.transfer_id AND g.code = f.code LEFT JOIN user u ON u.id = g.owner_id`;
  // Filtering, counting, sorting and paging read only what they need (the flag row by its unique key, the
  // verdict, the transfer); the parties, the owner and the comment count are joined to the page's rows alone.
  const narrowFrom = (extra: string[]) => {
    const all = [...where, ...extra];
    const text = all.join(" ") + (q.sort === "due" ? " g." : "");
    const narrowJoins = [
      text.includes("v.") ? `JOIN ${source.verdicts} v ON v.transfer_id = f.transfer_id` : "",
      text.includes("t.") ? "JOIN transfer t ON t.id = f.transfer_id" : "",
      text.includes("g.") ? "LEFT JOIN flag g ON g.transfer_id = f.transfer_id AND g.code = f.code" : "",
    ].join(" ");
    return `FROM (${raisedFlagsSql(source)}) f ${narrowJoins} ${all.length ? `WHERE ${all.join(" AND ")}` : ""}`;
  };
  // The sort key as a row value in ascending order (the keyset pages compare it with the last row's).
  const key = FLAG_SORT_KEYS[q.sort];
  return {
    asOf,
    count: () => (prepared(db, `SELECT count(*) AS n ${narrowFrom([])}`).get(params) as { n: number }).n,
    rows: (limit: number, page: { offset: number } | { after: FlagCursor | undefined }): (RawFlagRow & { k: unknown[] })[] => {
      const after = "after" in page ? page.after : undefined;
      const keyset = after ? [`(${key.join(", ")}) > (${key.map((_, i) => `$k${i}`).join(", ")})`] : [];
      const keyParams = Object.fromEntries((after?.keys ?? []).map((v, i) => [`k${i}`, v]));
      const rows = prepared(
        db,
        `SELECT ${columns}, ${EFFECTIVE_STATE_SQL} AS state, ${key.map((k, i) => `f.k${i} AS k${i}`).join(", ")}
           FROM (SELECT f.transfer_id, f.code, f.severity, ${key.map((k, i) => `${k} AS k${i}`).join(", ")} ${narrowFrom(keyset)} ORDER BY ${SORT_SQL[q.sort]} LIMIT $limit OFFSET $offset) f ${joins}
          ORDER BY ${SORT_SQL[q.sort]}`,
      ).all({ ...params, ...keyParams, limit, offset: "offset" in page ? page.offset : 0 }) as (RawFlagRow & Record<string, unknown>)[];
      return rows.map((r) => ({ ...r, k: key.map((_, i) => r[`k${i}`]) }) as RawFlagRow & { k: unknown[] });
    },
  };
}

/** Each sort order as a row value compared ascending; it orders exactly as SORT_SQL. */
const FLAG_SORT_KEYS: Record<FlagQuery["sort"], string[]> = {
  severity: [`-(${SEVERITY_RANK_SQL})`, "f.transfer_id", "f.code"],
  due: ["g.due_date IS NULL", "coalesce(g.due_date, '')", "f.transfer_id", "f.code"],
  transfer: ["f.transfer_id", "f.code"],
};

function queryFlags(db: Db, q: FlagQuery): FlagPage {
  const source = verdictSource(db, q.asOf);
  const sel = selectFlags(db, q, source);
  const total = sel.count();
  const rows = sel.rows(q.pageSize, { offset: (q.page - 1) * q.pageSize });
  return { items: describeFlags(db, rows, sel.asOf), total, page: q.page, pageSize: q.pageSize, asOf: sel.asOf };
}

/**
 * The flags a list query selects (its page ignored), described as the list describes them, in the list's
 * order, one keyset page at a time (never the whole list in memory). `total` and `asOf` come first.
 */
export function flagExportSelection(db: Db, actor: Actor, input: ListFlagsInput): { total: number; asOf: string; filters: FlagQuery; pages: (pageRows: number) => Generator<FlagListItem[]> } {
  const parsed = listFlagsSchema.parse(input);
  const q = { ...parsed, ownerId: flagOwnerFilter(parsed, actor) };
  const source = verdictSource(db, q.asOf);
  const sel = selectFlags(db, q, source);
  return {
    total: sel.count(),
    asOf: sel.asOf,
    filters: parsed,
    pages: function* (pageRows: number) {
      let after: FlagCursor | undefined;
      for (;;) {
        const rows = sel.rows(pageRows, { after });
        if (rows.length === 0) return;
        yield describeFlags(db, rows, sel.asOf);
        if (rows.length < pageRows) return;
        after = { keys: rows[rows.length - 1]!.k };
      }
    },
  };
}

/** The page's flags with their reasons, citations, remedy and how long they have been raised (only the page's transfers are evaluated). */
function describeFlags(db: DbOrTx, rows: RawFlagRow[], asOf: string): FlagListItem[] {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.transferId))];
  const { document, ctx } = loadSliceEvaluation(db, "SELECT value FROM json_each(?)", [JSON.stringify(ids)]);
  const byId = new Map(document.transfers.map((t) => [t.id, t]));
  return rows.map((r) => {
    const transfer = byId.get(r.transferId)!;
    const verdict = evaluateTransfer(ctx, transfer, asOf);
    const raised = r.state !== "resolved";
    const since = raised ? flagRaisedSince(ctx, transfer, r.code, asOf, FLAG_HISTORY_FLOOR) : asOf;
    const issue = verdict.issues.find((i) => i.code === r.code);
    const regime = (r.regime && r.regime !== "none" ? r.regime : verdict.regime) as RegimeId | null;
    return {
      transferId: r.transferId,
      code: r.code,
      severity: r.severity,
      state: r.state,
      version: r.version ?? 0,
      exporter: { id: r.exporterId, name: r.exporterName, country: r.exporterCountry },
      recipient: { id: r.recipientId, name: r.recipientName, country: r.recipientCountry },
      destination: r.destination,
      regime,
      owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? r.ownerId } : null,
      dueDate: r.dueDate,
      rereviewDate: r.rereviewDate,
      justification: r.justification,
      raisedSince: since,
      raisedBeforeFloor: raised && since === FLAG_HISTORY_FLOOR,
      daysRaised: raised ? daysBetween(since, asOf) : 0,
      message: issue?.message ?? (r.code === "unsafeguarded" ? (verdict.reasons[0] ?? "") : `${FLAG_CODE_LABELS[r.code]}: no longer raised.`),
      reasons: verdict.reasons,
      citations: verdict.basis.map((b) => ({ citation: b.citation, uri: b.uri })),
      remedy: suggestRemedy({ code: r.code, regime, exporterRole: r.exporterRole, recipientRole: r.recipientRole }),
      commentCount: r.commentCount,
    };
  });
}

/** Open flags by severity as of a date, for the overview. */
export function flagSummary(db: Db, asOf?: string): { asOf: string; error: number; warning: number } {
  const todays = asOf === undefined || asOf === today();
  return cachedRead(db, "flags.summary", { asOf, flags: todays ? null : kindRevisions(db, ["flag"]) }, () => {
    const source = verdictSource(db, asOf);
    const rows = prepared(
      db,
      `SELECT f.severity, count(*) AS n FROM (${raisedFlagsSql(source)}) f LEFT JOIN flag g ON g.transfer_id = f.transfer_id AND g.code = f.code
        WHERE ${EFFECTIVE_STATE_SQL} IN ('open', 'in_remediation') GROUP BY f.severity`,
    ).all({ asOf: source.asOf }) as { severity: FlagSeverity; n: number }[];
    const out = { asOf: source.asOf, error: 0, warning: 0 };
    for (const r of rows) out[r.severity] = r.n;
    return out;
  }, todays ? ["verdict", "flag"] : undefined);
}

// ---------------------------------------------------------------- one flag

type FlagRow = typeof flags.$inferSelect;

function findFlagRow(db: DbOrTx, transferId: string, code: string): FlagRow | undefined {
  return prepared(
    db,
    `SELECT id, transfer_id AS transferId, code, state, owner_id AS ownerId, due_date AS dueDate, justification, rereview_date AS rereviewDate,
            opened_on AS openedOn, resolved_on AS resolvedOn, version, created_at AS createdAt, updated_at AS updatedAt
       FROM flag WHERE transfer_id = ? AND code = ?`,
  ).get(transferId, code) as FlagRow | undefined;
}

/** Is the flag raised today (the verdict store)? */
function isRaisedToday(db: DbOrTx, transferId: string, code: string): boolean {
  const row =
    code === "unsafeguarded"
      ? prepared(db, "SELECT 1 AS x FROM transfer_verdict WHERE transfer_id = ? AND status = 'unsafeguarded'").get(transferId)
      : prepared(db, "SELECT 1 AS x FROM transfer_verdict_issue WHERE transfer_id = ? AND code = ? AND severity IN ('warning', 'error')").get(transferId, code);
  return row !== undefined;
}

const nowIso = () => new Date().toISOString();
const auditView = (row: FlagRow | undefined) => (row === undefined ? null : { ...row });

/**
 * The flag's row, created as `open` when it does not exist yet (lazily, on the first review action). Refuses a
 * flag that the verdict does not raise today and that nobody has reviewed, and a stale `version`.
 */
function flagForChange(tx: DbOrTx, transferId: string, code: FlagCode, version: number, day: string): { before: FlagRow | undefined; row: FlagRow } {
  const existing = findFlagRow(tx, transferId, code);
  if (existing === undefined) {
    if (version !== 0) throw staleEdit("flag");
    if (!isRaisedToday(tx, transferId, code)) {
      throw new AppError("BAD_REQUEST", "This flag is not raised today: the transfer's verdict no longer (or does not yet) raise it, so there is nothing to review.");
    }
    const row: FlagRow = {
      id: crypto.randomUUID(), transferId, code, state: "open", ownerId: null, dueDate: null, justification: null, rereviewDate: null,
      openedOn: day, resolvedOn: null, version: 1, createdAt: nowIso(), updatedAt: nowIso(),
    };
    tx.insert(flags).values(row).run();
    return { before: undefined, row };
  }
  if (existing.version !== version) throw staleEdit("flag");
  return { before: existing, row: existing };
}

function saveFlag(tx: DbOrTx, row: FlagRow, changes: Partial<FlagRow>): FlagRow {
  const next = { ...row, ...changes, version: row.version + 1, updatedAt: nowIso() };
  const result = prepared(
    tx,
    `UPDATE flag SET state = ?, owner_id = ?, due_date = ?, justification = ?, rereview_date = ?, opened_on = ?, resolved_on = ?, version = ?, updated_at = ?
      WHERE id = ? AND version = ?`,
  ).run(next.state, next.ownerId, next.dueDate, next.justification, next.rereviewDate, next.openedOn, next.resolvedOn, next.version, next.updatedAt, row.id, row.version);
  if (result.changes !== 1) throw staleEdit("flag");
  return next;
}

function assertOwner(tx: DbOrTx, ownerId: string | null): void {
  if (ownerId === null) return;
  const u = prepared(tx, "SELECT role, active FROM user WHERE id = ?").get(ownerId) as { role: string; active: number } | undefined;
  if (u === undefined || !u.active || (u.role !== "procurement" && u.role !== "dpo")) {
    throw new AppError("BAD_REQUEST", "The owner must be an active procurement or DPO user.", { ownerId: "Choose a procurement or DPO user." });
  }
}

export interface FlagChange {
  transferId: string;
  code: FlagCode;
  version: number;
}

/** Assigns an owner (any active procurement or DPO user, or nobody) and a due date. */
export function assignFlag(db: Db, actor: Actor, input: FlagChange & { ownerId: string | null; dueDate: string | null }): FlagRow {
  return writeTransaction(db, (tx) => {
    assertOwner(tx, input.ownerId);
    const day = today();
    const { before, row } = flagForChange(tx, input.transferId, input.code, input.version, day);
    const after = saveFlag(tx, row, { ownerId: input.ownerId, dueDate: input.dueDate });
    recordAudit(tx, actor, { action: "flag.assign", entityType: "flag", entityId: after.id, before: auditView(before), after });
    return after;
  });
}

/**
 * Moves a flag: open → in remediation → resolved, or risk accepted (a justification and a re-review date after
 * today are required); back to open. Resolving needs the verdict to no longer raise the flag today.
 */
export function moveFlag(db: Db, actor: Actor, input: FlagChange & { to: FlagState; justification: string | null; rereviewDate: string | null }): FlagRow {
  return writeTransaction(db, (tx) => {
    const day = today();
    const { before, row } = flagForChange(tx, input.transferId, input.code, input.version, day);
    const raised = isRaisedToday(tx, input.transferId, input.code);
    const from = effectiveFlagState(before === undefined ? null : before, raised, day);
    if (input.to === "resolved" && raised) {
      throw new AppError(
        "BAD_REQUEST",
        "The verdict still raises this flag today, so it cannot be resolved by hand: it resolves itself once the cause is fixed (for example, once the safeguard is recorded). Otherwise accept the risk.",
      );
    }
    if (from === input.to || !canMoveFlag(from, input.to)) {
      throw new AppError("BAD_REQUEST", `A flag that is ${FLAG_STATE_LABELS[from].toLowerCase()} cannot be moved to ${FLAG_STATE_LABELS[input.to].toLowerCase()}.`);
    }
    if (input.to === "risk_accepted") {
      if (!input.justification) throw new AppError("BAD_REQUEST", "Explain why the risk is accepted.", { justification: "Explain why the risk is accepted." });
      if (!input.rereviewDate || input.rereviewDate <= day) {
        throw new AppError("BAD_REQUEST", "The re-review date must be after today.", { rereviewDate: "Enter a date after today." });
      }
    }
    const after = saveFlag(tx, row, {
      state: input.to,
      justification: input.to === "risk_accepted" ? input.justification : row.justification,
      rereviewDate: input.to === "risk_accepted" ? input.rereviewDate : null,
      resolvedOn: input.to === "resolved" ? day : null,
      openedOn: from === "resolved" && input.to === "open" ? day : row.openedOn,
    });
    recordAudit(tx, actor, { action: "flag.move", entityType: "flag", entityId: after.id, before: auditView(before), after });
    return after;
  });
}

/** Adds a comment to a flag (creating its row if nobody acted on it yet). */
export function commentOnFlag(db: Db, actor: Actor, input: { transferId: string; code: FlagCode; body: string }) {
  return writeTransaction(db, (tx) => {
    let row = findFlagRow(tx, input.transferId, input.code);
    if (row === undefined) row = flagForChange(tx, input.transferId, input.code, 0, today()).row;
    const comment = {
      id: crypto.randomUUID(),
      flagId: row.id,
      authorId: actor.kind === "user" ? actor.id : null,
      authorEmail: actor.email,
      body: input.body,
      createdAt: nowIso(),
    };
    tx.insert(flagComments).values(comment).run();
    recordAudit(tx, actor, { action: "flag.comment", entityType: "flag", entityId: row.id, before: null, after: { transferId: input.transferId, code: input.code, comment: input.body } });
    return comment;
  });
}

/** A flag's review (if any), its comments (newest first, at most 100) and its audit entries (newest first, at most 100). */
export function flagDetail(db: Db, input: { transferId: string; code: FlagCode }) {
  const row = findFlagRow(db, input.transferId, input.code) ?? null;
  if (row === null) return { flag: null, comments: [], history: [] };
  const comments = prepared(
    db,
    `SELECT c.id, c.body, c.created_at AS createdAt, c.author_email AS authorEmail, u.name AS authorName
       FROM flag_comment c LEFT JOIN user u ON u.id = c.author_id WHERE c.flag_id = ? ORDER BY c.created_at DESC, c.id DESC LIMIT 100`,
  ).all(row.id) as { id: string; body: string; createdAt: string; authorEmail: string; authorName: string | null }[];
  const history = prepared(
    db,
    `SELECT id, at, actor_email AS actorEmail, action, before, after FROM audit_log WHERE entity_type = 'flag' AND entity_id = ? ORDER BY id DESC LIMIT 100`,
  ).all(row.id) as { id: number; at: string; actorEmail: string; action: string; before: string | null; after: string | null }[];
  return {
    flag: row,
    comments,
    history: history.map((h) => ({ ...h, before: h.before ? (JSON.parse(h.before) as Record<string, unknown>) : null, after: h.after ? (JSON.parse(h.after) as Record<string, unknown>) : null })),
  };
}

/** Users a flag can be assigned to: active procurement and DPO users, by name or e-mail (at most 20). */
export function flagOwners(db: DbOrTx, search?: string): { id: string; name: string; email: string; role: string }[] {
  const p = search ? likePattern(search) : "%";
  return prepared(
    db,
    `SELECT id, name, email, role FROM user WHERE active = 1 AND role IN ('procurement', 'dpo') AND (name LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')
      ORDER BY name COLLATE NOCASE, id LIMIT 20`,
  ).all(p, p) as { id: string; name: string; email: string; role: string }[];
}
