/**
 * The verdict store: derived data, rebuilt from the registry at any time
 * (`npm run db:rebuild-verdicts`). For every live (not archived) transfer it
 * holds the verdict as of the day it was evaluated and the interval of dates
 * over which that verdict holds unchanged, so lists, counts, filters, sorting
 * and pagination by status and issue are SQL over indexed columns.
 *
 * Database triggers (migration 0005) keep it honest: every write to a
 * registry or knowledge-base table bumps `data_revision` and marks what it
 * may affect in the `verdict_dirty_*` tables; `syncVerdicts` (server/services/
 * verdict-store.ts) re-evaluates exactly those transfers, inside the writing
 * transaction.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { parties } from "./parties";
import { transfers } from "./transfers";

export const transferVerdicts = sqliteTable(
  "transfer_verdict",
  {
    transferId: text("transfer_id")
      .primaryKey()
      .references(() => transfers.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    /** STATUS_RANK of the status (higher is worse), for sorting. */
    statusRank: integer("status_rank").notNull(),
    /** EU | UK | CH | none */
    regime: text("regime").notNull(),
    /** 0 no issue, 1 info, 2 warning, 3 error. */
    worstSeverity: integer("worst_severity").notNull(),
    issueCount: integer("issue_count").notNull(),
    /** 1 when the transfer needs the DPO's attention (unsafeguarded, derogation, or a warning/error issue). */
    attention: integer("attention").notNull(),
    /** The verdict's issues as JSON ([{ code, severity, message }]) and its basis ([{ type, ref }]). */
    issues: text("issues").notNull(),
    basis: text("basis").notNull(),
    /** The most telling sentence: the worst issue's message, else the first reason (the overview shows it). */
    firstReason: text("first_reason"),
    /** The day this verdict was computed (it holds unchanged from valid_from to valid_until). */
    evaluatedOn: text("evaluated_on").notNull(),
    /** First and last day (inclusive) on which this verdict holds unchanged. */
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until").notNull(),
    /**
     * Copied from the transfer and its exporter when the verdict is written (and part of the signature that
     * decides a rewrite, so they follow edits): the overview's map and the privacy notice aggregate the store
     * from its indexes without joining 100,000 transfers.
     */
    exporterCountry: text("exporter_country").notNull().default(""),
    destination: text("destination").notNull().default(""),
    /** `verdict_basis.id` of `basis` (interned). */
    basisId: integer("basis_id").notNull().default(0),
  },
  (t) => [
    // Lists sort by status either way with the id ascending as the tie-break: one index per direction,
    // so the first page is read in order and the scan stops after it.
    index("transfer_verdict_status_asc_idx").on(t.statusRank, t.transferId),
    index("transfer_verdict_status_desc_idx").on(sql`${t.statusRank} DESC`, t.transferId),
    index("transfer_verdict_valid_until_idx").on(t.validUntil),
    index("transfer_verdict_valid_from_idx").on(t.validFrom),
    // The overview's "needs attention": worst first, most issues first, then by id.
    index("transfer_verdict_attention_idx").on(t.attention, sql`${t.statusRank} DESC`, sql`${t.issueCount} DESC`, t.transferId),
    // The overview's counts by regime and status, read from the index alone.
    index("transfer_verdict_regime_status_idx").on(t.regime, t.status),
    // The overview's map: flows per (exporter country, destination) and their worst status, from the index alone.
    index("transfer_verdict_flow_idx").on(t.regime, t.exporterCountry, t.destination, t.statusRank),
    // The privacy notice: transfers per (regime, status, basis, destination), from the index alone.
    index("transfer_verdict_basis_idx").on(t.regime, t.status, t.basisId, t.destination, t.transferId),
  ],
);

/** The distinct basis texts of the stored verdicts (a few thousand), so aggregates group by an integer. */
export const verdictBases = sqliteTable("verdict_basis", {
  id: integer("id").primaryKey(),
  basis: text("basis").notNull().unique(),
});

/** One row per (transfer, issue code) of the stored verdicts: filtering and counting by issue. */
export const transferVerdictIssues = sqliteTable(
  "transfer_verdict_issue",
  {
    transferId: text("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    /** The worst severity of this code on this transfer. */
    severity: text("severity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.code] }), index("transfer_verdict_issue_code_idx").on(t.code, t.transferId)],
);

/**
 * Each party's worst status today over its live transfers as exporter or recipient (STATUS_RANK; parties
 * without live transfers have no row), kept with the store for the parties list's status filter and sort.
 */
export const partyVerdicts = sqliteTable(
  "party_verdict",
  {
    partyId: text("party_id")
      .primaryKey()
      .references(() => parties.id, { onDelete: "cascade" }),
    worstRank: integer("worst_rank").notNull(),
  },
  (t) => [index("party_verdict_rank_idx").on(t.worstRank, t.partyId)],
);

/** Transfers whose stored verdict may be out of date (written by triggers). */
export const verdictDirtyTransfers = sqliteTable("verdict_dirty_transfer", { transferId: text("transfer_id").primaryKey() });
/** Parties whose transfers (as exporter or recipient) may need re-evaluation. */
export const verdictDirtyParties = sqliteTable("verdict_dirty_party", { partyId: text("party_id").primaryKey() });
/** Parties whose worst status must be recomputed although none of their transfers changed verdict (a transfer moved away from them). */
export const verdictDirtyPartySummaries = sqliteTable("verdict_dirty_party_summary", { partyId: text("party_id").primaryKey() });
/** Safeguards whose relying transfers may need re-evaluation. */
export const verdictDirtySafeguards = sqliteTable("verdict_dirty_safeguard", { safeguardId: text("safeguard_id").primaryKey() });

/** Single row (id = 1): `allDirty` = the knowledge base changed, every transfer is re-evaluated. */
export const verdictState = sqliteTable("verdict_state", {
  id: integer("id").primaryKey(),
  allDirty: integer("all_dirty").notNull().default(1),
});

/** Single row (id = 1): bumped by triggers on every registry and knowledge-base table. */
export const dataRevision = sqliteTable("data_revision", {
  id: integer("id").primaryKey(),
  revision: integer("revision").notNull().default(0),
});

/**
 * A revision per kind of data (party, certification, safeguard, transfer, tia, catalog, kb, verdict), bumped by
 * triggers (migration 0016; `verdict` by syncVerdicts when a stored verdict changes). Caches of aggregates key on
 * the kinds they read (server/services/revisions.ts) rather than on the global data revision.
 */
export const dataKindRevisions = sqliteTable("data_kind_revision", {
  kind: text("kind").primaryKey(),
  revision: integer("revision").notNull().default(0),
});
