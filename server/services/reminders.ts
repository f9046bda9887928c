/**
 * Reminders: the inbox, the overview's summary and the calendar feed read the same events.
 *
 * Events come from a list of independent sources (`REMINDER_SOURCES`), one per kind. A source answers two
 * questions for a window of event dates (server/domain/reminders.ts `reminderWindow`): how many events fall in
 * it, and its first `n` events in date order; each does that with one indexed date-range query (the range is
 * the window, so the rows read grow with the events, never with the registry). The inbox merges the sources'
 * first `offset + pageSize` events and cuts the page; a kind filter picks one source. A new kind (flags past
 * their due date, accepted risks due for re-review) is one more source appended to the list.
 *
 * The settings (the horizon) and the feed token are per user; every change is audited with the user as entity.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prepared, rawClient, type Db, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { END_REASON_LABELS, FLAG_CODE_LABELS, FRAMEWORK_LABELS, REGIME_LABELS } from "@/server/domain/labels";
import type { EndReason, FrameworkId, RegimeId } from "@/server/domain/kb/types";
import {
  ADEQUACY_END_REASONS_WITHOUT_REMINDER,
  adequacyEndEvent,
  compareEvents,
  DEFAULT_HORIZON_DAYS,
  dpfCheckBaseRange,
  dpfCheckDue,
  dpfCheckEvent,
  DPF_FRAMEWORKS,
  isInWindow,
  isValidHorizon,
  MAX_HORIZON_DAYS,
  MIN_HORIZON_DAYS,
  REMINDER_KIND_PASSED,
  REMINDER_KINDS,
  reminderWindow,
  flagDueEvent,
  riskRereviewEvent,
  safeguardEndEvent,
  tiaReviewEvent,
  type ReminderEvent,
  type ReminderKind,
  type ReminderWindow,
} from "@/server/domain/reminders";
import { AppError } from "@/server/errors";
import { isoDate } from "@/server/schemas/dates";
import { cachedRead } from "./verdicts";
import { kindRevisions, type DataKind } from "./revisions";
import { today, writeTransaction } from "./verdict-store";


// ---------------------------------------------------------------------------------------------------------------
// Sources

/** One kind of event: counts and lists its events whose date lies in a window, from an indexed range query. */
export interface ReminderSource {
  kind: ReminderKind;
  /** How many events fall in the window, and how many of those lie before `asOf` (one query). */
  count(db: DbOrTx, window: ReminderWindow, asOf: string): Counts;
  /** The first `limit` events of the window, in `compareEvents` order. */
  first(db: DbOrTx, window: ReminderWindow, asOf: string, limit: number): ReminderEvent[];
}

export interface Counts {
  total: number;
  passed: number;
}

/** `?` bounds for a window whose lower end may be open. */
const lower = (w: ReminderWindow) => w.from ?? "";

/** A safeguard's last day (`ended`, index safeguard_ended_idx), unless archived. */
const safeguardEnds: ReminderSource = {
  kind: "safeguard_end",
  count: (db, w, asOf) =>
    prepared(db, `SELECT count(*) AS total, coalesce(sum(ended < ?), 0) AS passed FROM safeguard WHERE ended >= ? AND ended <= ? AND archived_at IS NULL`).get(asOf, lower(w), w.to) as Counts,
  first: (db, w, asOf, limit) =>
    (
      prepared(
        db,
        `SELECT s.id, s.title, s.ended,
                (SELECT count(*) FROM transfer_safeguard ts JOIN transfer t ON t.id = ts.transfer_id
                  WHERE ts.safeguard_id = s.id AND t.archived_at IS NULL AND (t."end" IS NULL OR t."end" >= ?)) AS relyingTransfers
           FROM safeguard s
          WHERE s.ended >= ? AND s.ended <= ? AND s.archived_at IS NULL
          ORDER BY s.ended, s.id
          LIMIT ?`,
      ).all(asOf, lower(w), w.to, limit) as { id: string; title: string; ended: string; relyingTransfers: number }[]
    ).map((r) => safeguardEndEvent(r, asOf)),
};

const DPF_IN = `(${DPF_FRAMEWORKS.map((f) => `'${f}'`).join(", ")})`;
/** The base date of a DPF List check, exactly as certification_dpf_check_idx is declared (migration 0008). */
const DPF_BASE = `max(coalesce(c.verified_on, c."from"), c."from")`;

/**
 * DPF List checks of live DPF certifications (index certification_dpf_check_idx over the check's base date).
 * The due date is an anniversary after the base date (`dpfCheckDue`), so the rows are read by the base-date
 * range that can hold the window's due dates and then placed exactly; every row read is a certification
 * whose check falls due by the end of the window.
 */
function dpfCheckRows(db: DbOrTx, w: ReminderWindow, asOf: string) {
  // count and first of one request read the same rows: kept for the last (revision, window, day) per connection.
  const key = `${kindRevisions(db, REMINDERS_READ)}|${w.from}|${w.to}|${asOf}`;
  const client = rawClient(db);
  const memo = dpfMemo.get(client);
  if (memo?.key === key) return memo.rows;
  const rows = readDpfCheckRows(db, w, asOf);
  dpfMemo.set(client, { key, rows });
  return rows;
}

type DpfRow = { id: string; framework: FrameworkId; from: string; to: string | null; verifiedOn: string | null; partyId: string; partyName: string; due: string };
const dpfMemo = new WeakMap<object, { key: string; rows: DpfRow[] }>();

function readDpfCheckRows(db: DbOrTx, w: ReminderWindow, asOf: string): DpfRow[] {
  const base = dpfCheckBaseRange(w);
  const rows = prepared(
    db,
    `SELECT c.id, c.framework, c."from" AS "from", c."to" AS "to", c.verified_on AS verifiedOn, p.id AS partyId, p.name AS partyName
       FROM certification c JOIN party p ON p.id = c.party_id
      WHERE c.framework IN ${DPF_IN} AND ${DPF_BASE} >= ? AND ${DPF_BASE} <= ?
        AND (c."to" IS NULL OR c."to" >= ?) AND p.archived_at IS NULL`,
  ).all(base.from ?? "", base.to, asOf) as Omit<DpfRow, "due">[];
  const out: DpfRow[] = [];
  for (const r of rows) {
    const due = dpfCheckDue(r.from, r.verifiedOn);
    if (isInWindow(due, w) && (r.to === null || due <= r.to)) out.push({ ...r, due });
  }
  return out;
}

const dpfChecks: ReminderSource = {
  kind: "dpf_check",
  count: (db, w, asOf) => {
    const rows = dpfCheckRows(db, w, asOf);
    return { total: rows.length, passed: rows.filter((r) => r.due < asOf).length };
  },
  // Events are built for the first `limit` rows only (by due date, then certification id, as compareEvents orders them).
  first: (db, w, asOf, limit) =>
    [...dpfCheckRows(db, w, asOf)]
      .sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map((r) => dpfCheckEvent({ ...r, frameworkLabel: FRAMEWORK_LABELS[r.framework] ?? r.framework }, asOf))
      .sort(compareEvents),
};

/**
 * The latest TIA of a live transfer. Index-only: tia_next_review_idx (next_review, transfer_id, completed, id) for
 * the range, tia_transfer_latest_idx for "no later TIA", transfer_live_idx for "live" (migration 0008).
 */
const TIA_FROM = `FROM transfer_impact_assessment a JOIN transfer t ON t.id = a.transfer_id
  WHERE a.next_review >= ? AND a.next_review <= ?
    AND t.archived_at IS NULL AND (t."end" IS NULL OR t."end" >= ?)
    AND NOT EXISTS (SELECT 1 FROM transfer_impact_assessment b WHERE b.transfer_id = a.transfer_id AND (b.completed > a.completed OR (b.completed = a.completed AND b.id > a.id)))`;

const tiaReviews: ReminderSource = {
  kind: "tia_review",
  count: (db, w, asOf) => prepared(db, `SELECT count(*) AS total, coalesce(sum(a.next_review < ?), 0) AS passed ${TIA_FROM}`).get(asOf, lower(w), w.to, asOf) as Counts,
  first: (db, w, asOf, limit) =>
    (
      prepared(
        db,
        `SELECT a.id AS tiaId, a.transfer_id AS transferId, a.completed, a.next_review AS nextReview,
                (SELECT name FROM party WHERE id = t.exporter_id) AS exporterName, (SELECT name FROM party WHERE id = t.recipient_id) AS recipientName
           ${TIA_FROM}
          ORDER BY a.next_review, a.id
          LIMIT ?`,
      ).all(lower(w), w.to, asOf, limit) as { tiaId: string; transferId: string; completed: string; nextReview: string; exporterName: string; recipientName: string }[]
    ).map((r) => tiaReviewEvent(r, asOf)),
};

/** The last day of an adequacy decision (knowledge base: about 200 entries, read by kind_idx). */
const ADEQUACY_END = `json_extract(data, '$.endDate')`;
const ADEQUACY_WHERE = `kind = 'adequacy' AND ${ADEQUACY_END} >= ? AND ${ADEQUACY_END} <= ?
  AND coalesce(json_extract(data, '$.endReason'), '') NOT IN (${ADEQUACY_END_REASONS_WITHOUT_REMINDER.map((r) => `'${r}'`).join(", ")})`;
const adequacyEnds: ReminderSource = {
  kind: "adequacy_end",
  count: (db, w, asOf) =>
    prepared(db, `SELECT count(*) AS total, coalesce(sum(${ADEQUACY_END} < ?), 0) AS passed FROM kb_entry WHERE ${ADEQUACY_WHERE}`).get(asOf, lower(w), w.to) as Counts,
  first: (db, w, asOf, limit) =>
    (
      prepared(
        db,
        `SELECT id, json_extract(data, '$.regime') AS regime, json_extract(data, '$.destinationName') AS destinationName,
                ${ADEQUACY_END} AS endDate, json_extract(data, '$.endReason') AS endReason
           FROM kb_entry WHERE ${ADEQUACY_WHERE}
          ORDER BY endDate, id LIMIT ?`,
      ).all(lower(w), w.to, limit) as { id: string; regime: RegimeId; destinationName: string; endDate: string; endReason: EndReason | null }[]
    ).map((r) =>
      adequacyEndEvent(
        {
          id: r.id,
          regimeLabel: REGIME_LABELS[r.regime] ?? r.regime,
          destinationName: r.destinationName,
          endDate: r.endDate,
          endReasonLabel: r.endReason ? (END_REASON_LABELS[r.endReason] ?? r.endReason) : null,
          sunset: r.endReason === "sunset",
        },
        asOf,
      ),
    ),
};

const flagLabel = (code: string) => (FLAG_CODE_LABELS as Readonly<Record<string, string>>)[code] ?? code;
const FLAG_PARTIES = `(SELECT name FROM party WHERE id = t.exporter_id) AS exporterName, (SELECT name FROM party WHERE id = t.recipient_id) AS recipientName`;

/**
 * Flags open or in remediation with a due date, on live transfers: by date range over the partial index flag_due_idx
 * (named: without statistics SQLite would pick flag_state_idx and filter every open flag).
 */
const FLAG_DUE_FROM = `FROM flag f INDEXED BY flag_due_idx JOIN transfer t ON t.id = f.transfer_id
  WHERE f.state IN ('open','in_remediation') AND f.due_date IS NOT NULL AND f.due_date >= ? AND f.due_date <= ? AND t.archived_at IS NULL`;
const flagsDue: ReminderSource = {
  kind: "flag_due",
  count: (db, w, asOf) => prepared(db, `SELECT count(*) AS total, coalesce(sum(f.due_date < ?), 0) AS passed ${FLAG_DUE_FROM}`).get(asOf, lower(w), w.to) as Counts,
  first: (db, w, asOf, limit) =>
    (
      prepared(
        db,
        `SELECT f.id AS flagId, f.transfer_id AS transferId, f.code, f.due_date AS dueDate, (SELECT name FROM user WHERE id = f.owner_id) AS ownerName, ${FLAG_PARTIES}
           ${FLAG_DUE_FROM}
          ORDER BY f.due_date, f.id
          LIMIT ?`,
      ).all(lower(w), w.to, limit) as { flagId: string; transferId: string; code: string; dueDate: string; ownerName: string | null; exporterName: string; recipientName: string }[]
    ).map((r) => flagDueEvent({ ...r, codeLabel: flagLabel(r.code) }, asOf)),
};

/** Accepted risks with a re-review date (partial index flag_rereview_idx), on live transfers. */
const RISK_FROM = `FROM flag f INDEXED BY flag_rereview_idx JOIN transfer t ON t.id = f.transfer_id
  WHERE f.state = 'risk_accepted' AND f.rereview_date IS NOT NULL AND f.rereview_date >= ? AND f.rereview_date <= ? AND t.archived_at IS NULL`;
const risksToRereview: ReminderSource = {
  kind: "risk_rereview",
  count: (db, w, asOf) => prepared(db, `SELECT count(*) AS total, coalesce(sum(f.rereview_date < ?), 0) AS passed ${RISK_FROM}`).get(asOf, lower(w), w.to) as Counts,
  first: (db, w, asOf, limit) =>
    (
      prepared(
        db,
        `SELECT f.id AS flagId, f.transfer_id AS transferId, f.code, f.rereview_date AS rereviewDate, ${FLAG_PARTIES}
           ${RISK_FROM}
          ORDER BY f.rereview_date, f.id
          LIMIT ?`,
      ).all(lower(w), w.to, limit) as { flagId: string; transferId: string; code: string; rereviewDate: string; exporterName: string; recipientName: string }[]
    ).map((r) => riskRereviewEvent({ ...r, codeLabel: flagLabel(r.code) }, asOf)),
};

/** Every source, in the order of REMINDER_KINDS. Append a source here for a new kind. */
export const REMINDER_SOURCES: ReminderSource[] = [safeguardEnds, dpfChecks, tiaReviews, adequacyEnds, flagsDue, risksToRereview];

/** The flag revision (migration 0014): a review action changes no verdict, so the data revision does not see it. */
/**
 * The kinds of data reminders read (server/services/revisions.ts): safeguard ends, certifications' DPF checks, TIA
 * reviews, the knowledge base's sunsets, the parties and transfers they name, flag owners' names; the flags
 * themselves by flagRevision. Never the verdicts, so a note on a transfer does not recompute them.
 */
const REMINDERS_READ: readonly DataKind[] = ["certification", "kb", "party", "safeguard", "transfer", "tia", "user"];

function flagRevision(db: DbOrTx): number {
  return (prepared(db, "SELECT revision FROM flag_revision WHERE id = 1").get() as { revision: number } | undefined)?.revision ?? 0;
}

function sourcesFor(kind: ReminderKind | undefined): ReminderSource[] {
  return kind ? REMINDER_SOURCES.filter((s) => s.kind === kind) : REMINDER_SOURCES;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading events

/** The events of `sources` as of `asOf` within the horizon, sorted, from `offset`, at most `limit`. */
function mergedEvents(db: DbOrTx, sources: ReminderSource[], asOf: string, horizonDays: number, offset: number, limit: number): ReminderEvent[] {
  const all = sources.flatMap((s) => s.first(db, reminderWindow(s.kind, asOf, horizonDays), asOf, offset + limit));
  return all.sort(compareEvents).slice(offset, offset + limit);
}

/** The counts of every kind, computed once per (data revision, as-of date, horizon) for every page, filter and the summary. */
function sharedCounts(db: Db, asOf: string, horizonDays: number) {
  return cachedRead(db, "reminders.counts", { asOf, horizonDays, flags: flagRevision(db) }, () => countsByKind(db, REMINDER_SOURCES, asOf, horizonDays), REMINDERS_READ);
}

function countsByKind(db: DbOrTx, sources: ReminderSource[], asOf: string, horizonDays: number) {
  const total: Partial<Record<ReminderKind, number>> = {};
  let overdue = 0;
  for (const s of sources) {
    const counts = s.count(db, reminderWindow(s.kind, asOf, horizonDays), asOf);
    total[s.kind] = counts.total;
    if (REMINDER_KIND_PASSED[s.kind] === "overdue") overdue += counts.passed;
  }
  return { byKind: total, total: Object.values(total).reduce((a, b) => a + (b ?? 0), 0), overdue };
}

export function horizonOf(db: DbOrTx, userId: string): number {
  const row = prepared(db, `SELECT horizon_days AS h FROM reminder_setting WHERE user_id = ?`).get(userId) as { h: number } | undefined;
  return row && isValidHorizon(row.h) ? row.h : DEFAULT_HORIZON_DAYS;
}

export const listRemindersSchema = z.object({
  asOf: isoDate().optional(),
  kind: z.enum(REMINDER_KINDS).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListRemindersInput = z.input<typeof listRemindersSchema>;

/** The inbox: one page of the user's events, with the counts per kind and the overdue count. */
export function listReminders(db: Db, userId: string, input: ListRemindersInput) {
  const { asOf = today(), kind, page, pageSize } = listRemindersSchema.parse(input);
  const horizonDays = horizonOf(db, userId);
  // Cached per data revision (any registry or knowledge-base write bumps it) and horizon: users share it.
  return cachedRead(db, "reminders.list", { asOf, kind, page, pageSize, horizonDays, flags: flagRevision(db) }, () => queryReminders(db, asOf, horizonDays, kind, page, pageSize), REMINDERS_READ);
}

function queryReminders(db: Db, asOf: string, horizonDays: number, kind: ReminderKind | undefined, page: number, pageSize: number) {
  const all = sharedCounts(db, asOf, horizonDays);
  const sources = sourcesFor(kind);
  const total = kind ? (all.byKind[kind] ?? 0) : all.total;
  const items = mergedEvents(db, sources, asOf, horizonDays, (page - 1) * pageSize, pageSize);
  return { asOf, horizonDays, items, total, page, pageSize, byKind: all.byKind, overdue: all.overdue };
}

/** How many events the overview shows. */
export const SUMMARY_SHOWN = 5;

/** The overview's summary: the next few events from today (or the as-of date) on, and the overdue count. */
export function reminderSummary(db: Db, userId: string, asOf: string = today()) {
  const horizonDays = horizonOf(db, userId);
  return cachedRead(db, "reminders.summary", { asOf, horizonDays, flags: flagRevision(db) }, () => querySummary(db, asOf, horizonDays), REMINDERS_READ);
}

function querySummary(db: Db, asOf: string, horizonDays: number) {
  const counts = sharedCounts(db, asOf, horizonDays);
  const upcomingWindow = (kind: ReminderKind): ReminderWindow => ({ from: asOf, to: reminderWindow(kind, asOf, horizonDays).to });
  const next = REMINDER_SOURCES.flatMap((s) => s.first(db, upcomingWindow(s.kind), asOf, SUMMARY_SHOWN))
    .sort(compareEvents)
    .slice(0, SUMMARY_SHOWN);
  return { asOf, horizonDays, next, total: counts.total, overdue: counts.overdue };
}

/** The most events a calendar feed carries (the first by date). */
export const FEED_MAX_EVENTS = 500;

/** The events of a user's feed: today's inbox, the first FEED_MAX_EVENTS. */
export function feedEvents(db: DbOrTx, userId: string, asOf: string = today()): ReminderEvent[] {
  return mergedEvents(db, REMINDER_SOURCES, asOf, horizonOf(db, userId), 0, FEED_MAX_EVENTS);
}

// ---------------------------------------------------------------------------------------------------------------
// Settings and the feed token

export const setHorizonSchema = z.object({
  horizonDays: z
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(MIN_HORIZON_DAYS, `The horizon is at least ${MIN_HORIZON_DAYS} days.`)
    .max(MAX_HORIZON_DAYS, `The horizon is at most ${MAX_HORIZON_DAYS} days.`),
});

export function reminderSettings(db: DbOrTx, userId: string) {
  const feed = prepared(db, `SELECT created_at AS createdAt, rotated_at AS rotatedAt FROM calendar_feed WHERE user_id = ?`).get(userId) as
    | { createdAt: string; rotatedAt: string | null }
    | undefined;
  return { horizonDays: horizonOf(db, userId), defaultHorizonDays: DEFAULT_HORIZON_DAYS, feed: feed ?? null };
}

function userActor(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in user has reminder settings.");
  return actor.id;
}

export function setHorizon(db: Db, actor: Actor, input: z.input<typeof setHorizonSchema>) {
  const { horizonDays } = setHorizonSchema.parse(input);
  const userId = userActor(actor);
  return writeTransaction(db, (tx) => {
    const before = horizonOf(tx, userId);
    if (before === horizonDays) return reminderSettings(tx, userId);
    prepared(tx, `INSERT INTO reminder_setting (user_id, horizon_days, updated_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET horizon_days = excluded.horizon_days, updated_at = excluded.updated_at`).run(
      userId,
      horizonDays,
      new Date().toISOString(),
    );
    recordAudit(tx, actor, { action: "reminders.set_horizon", entityType: "user", entityId: userId, before: { horizonDays: before }, after: { horizonDays } });
    return reminderSettings(tx, userId);
  });
}

/** SHA-256 (hex) of a feed token: the only form stored. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A feed token: 32 random bytes, base64url (43 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The path of a feed URL (the page adds its origin). */
export function feedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/**
 * Creates the user's feed, or replaces its token (rotate). Returns the new token once; only its hash is kept,
 * so the URL cannot be shown again.
 */
export function issueFeedToken(db: Db, actor: Actor, mode: "create" | "rotate"): { token: string; path: string } {
  const userId = userActor(actor);
  const token = randomBytes(32).toString("base64url");
  const now = new Date().toISOString();
  writeTransaction(db, (tx) => {
    const existing = prepared(tx, `SELECT created_at AS createdAt FROM calendar_feed WHERE user_id = ?`).get(userId) as { createdAt: string } | undefined;
    if (mode === "create" && existing) throw new AppError("CONFLICT", "You already have a calendar feed. Rotate it to get a new address.");
    if (mode === "rotate" && !existing) throw new AppError("NOT_FOUND", "You have no calendar feed to rotate. Create one first.");
    if (existing) {
      prepared(tx, `UPDATE calendar_feed SET token_hash = ?, rotated_at = ? WHERE user_id = ?`).run(hashFeedToken(token), now, userId);
      recordAudit(tx, actor, { action: "calendar_feed.rotate", entityType: "user", entityId: userId, before: { feed: "active", createdAt: existing.createdAt }, after: { feed: "active", rotatedAt: now } });
    } else {
      prepared(tx, `INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES (?, ?, ?)`).run(userId, hashFeedToken(token), now);
      recordAudit(tx, actor, { action: "calendar_feed.create", entityType: "user", entityId: userId, before: null, after: { feed: "active", createdAt: now } });
    }
  });
  return { token, path: feedPath(token) };
}

/** Deletes the user's feed: its URL answers 404 from now on. */
export function revokeFeedToken(db: Db, actor: Actor): { revoked: true } {
  const userId = userActor(actor);
  writeTransaction(db, (tx) => {
    const existing = prepared(tx, `SELECT created_at AS createdAt FROM calendar_feed WHERE user_id = ?`).get(userId) as { createdAt: string } | undefined;
    if (!existing) throw new AppError("NOT_FOUND", "You have no calendar feed to revoke.");
    prepared(tx, `DELETE FROM calendar_feed WHERE user_id = ?`).run(userId);
    recordAudit(tx, actor, { action: "calendar_feed.revoke", entityType: "user", entityId: userId, before: { feed: "active", createdAt: existing.createdAt }, after: { feed: "revoked" } });
  });
  return { revoked: true };
}

/** The active user a feed token belongs to, or null (unknown, rotated, revoked, or the user deactivated). */
export function feedOwner(db: DbOrTx, token: string): { id: string; email: string } | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = prepared(db, `SELECT u.id, u.email FROM calendar_feed f JOIN user u ON u.id = f.user_id WHERE f.token_hash = ? AND u.active = 1`).get(hashFeedToken(token)) as
    | { id: string; email: string }
    | undefined;
  return row ?? null;
}
