/**
 * The procurement shortcuts of issue 12 (item 3, "fewer page trips"):
 *  - a safeguard's page attaches it to transfers: the candidates are the live transfers between parties it
 *    binds (any live transfer for a safeguard that names no party, e.g. a derogation), searched and paged in
 *    SQL, at most 20 a call; attaching checks each transfer's version (optimistic concurrency), is audited as
 *    a transfer edit, and re-evaluates the verdicts in the same transaction (`writeTransaction`);
 *  - the transfer form's duplicate warning: live transfers with the same exporter, recipient and destination
 *    that share a data category and a purpose with the draft (at most 5).
 */
import type { Db, DbOrTx } from "@/db/client";
import { prepared } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import type { Status } from "@/server/domain/rules";
import { AppError, notFound, staleEdit } from "@/server/errors";
import {
  attachableTransfersSchema,
  attachSafeguardSchema,
  duplicateTransfersSchema,
  type AttachableTransfersInput,
  type AttachSafeguardInput,
  type DuplicateTransfersInput,
} from "@/server/schemas/procurement";
import { likePattern } from "./sql-text";
import { writeTransaction } from "./verdict-store";
import { findTransfer, transferStep } from "./transfers";
import { writeTransfers, type TransferWriteStep } from "./writers/transfer-writer";

export interface AttachableTransfer {
  id: string;
  /** The version to send back when attaching (a transfer changed since is refused). */
  version: number;
  exporter: { id: string; name: string };
  recipient: { id: string; name: string };
  destination: string;
  start: string;
  /** Today's verdict (from the verdict store). */
  status: Status | null;
}

export interface AttachablePage {
  items: AttachableTransfer[];
  nextCursor: number | null;
  /** False when the safeguard names no party: every live transfer is a candidate. */
  bindsParties: boolean;
}

interface SafeguardRow {
  id: string;
  archivedAt: string | null;
  partyCount: number;
}

function safeguardRow(db: DbOrTx, id: string): SafeguardRow {
  const row = prepared(
    db,
    "SELECT id, archived_at AS archivedAt, (SELECT count(*) FROM safeguard_party WHERE safeguard_id = s.id) AS partyCount FROM safeguard s WHERE id = ?",
  ).get(id) as SafeguardRow | undefined;
  if (!row) throw notFound("Safeguard", id);
  return row;
}

/**
 * Both parties bound by the safeguard (subqueries on the safeguard_party primary key, never a list of ids). The
 * read is driven by the recipient index: most transfers come from the group's affiliates, so a group BCR binding
 * every affiliate would otherwise walk nearly every transfer; few go *to* the parties a safeguard binds. (`+`
 * keeps SQLite off the exporter index.)
 */
const BOUND = `+t.exporter_id IN (SELECT party_id FROM safeguard_party WHERE safeguard_id = ?)
           AND t.recipient_id IN (SELECT party_id FROM safeguard_party WHERE safeguard_id = ?)`;

/** Live transfers the safeguard could be attached to and is not yet: between parties it binds, best matches by name. */
export function searchAttachableTransfers(db: Db, input: AttachableTransfersInput): AttachablePage {
  const q = attachableTransfersSchema.parse(input);
  const sg = safeguardRow(db, q.safeguardId);
  const bindsParties = sg.partyCount > 0;
  const where = ["t.archived_at IS NULL", "NOT EXISTS (SELECT 1 FROM transfer_safeguard ts WHERE ts.transfer_id = t.id AND ts.safeguard_id = ?)"];
  const params: unknown[] = [q.safeguardId];
  if (bindsParties) {
    where.push(BOUND);
    params.push(q.safeguardId, q.safeguardId);
  }
  if (q.q) {
    const like = (column: string) => `${column} LIKE ? ESCAPE '\\'`;
    where.push(`(${["t.id", "t.destination", "e.name", "r.name", "e.id", "r.id"].map(like).join(" OR ")})`);
    params.push(...Array<string>(6).fill(likePattern(q.q)));
  }
  const offset = q.cursor ?? 0;
  const rows = prepared(
    db,
    `SELECT t.id, t.version, t.destination, t.start, e.id AS exporterId, e.name AS exporterName, r.id AS recipientId, r.name AS recipientName, v.status
       FROM transfer t JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
       LEFT JOIN transfer_verdict v ON v.transfer_id = t.id
      WHERE ${where.join(" AND ")}
      ORDER BY e.name COLLATE NOCASE, r.name COLLATE NOCASE, t.id
      LIMIT ? OFFSET ?`,
  ).all(...params, q.limit + 1, offset) as {
    id: string;
    version: number;
    destination: string;
    start: string;
    exporterId: string;
    exporterName: string;
    recipientId: string;
    recipientName: string;
    status: Status | null;
  }[];
  return {
    items: rows.slice(0, q.limit).map((r) => ({
      id: r.id,
      version: r.version,
      exporter: { id: r.exporterId, name: r.exporterName },
      recipient: { id: r.recipientId, name: r.recipientName },
      destination: r.destination,
      start: r.start,
      status: r.status,
    })),
    nextCursor: rows.length > q.limit ? offset + q.limit : null,
    bindsParties,
  };
}

/**
 * Attaches a safeguard to transfers (last in each one's list). All or nothing: a transfer that is unknown,
 * archived, changed since the user saw it (version), already relying on it, or between parties the safeguard
 * does not bind refuses the whole call. Each transfer gets a new version and a `transfer.update` audit row.
 */
export function attachSafeguardToTransfers(db: Db, actor: Actor, input: AttachSafeguardInput): { attached: { id: string; version: number }[] } {
  const q = attachSafeguardSchema.parse(input);
  return writeTransaction(db, (tx) => {
    const sg = safeguardRow(tx, q.safeguardId);
    if (sg.archivedAt) throw new AppError("CONFLICT", "This safeguard is archived: restore it before attaching it to transfers.");
    const steps: TransferWriteStep[] = [];
    for (const wanted of q.transfers) {
      const t = findTransfer(tx, wanted.id);
      if (!t) throw new AppError("BAD_REQUEST", `Transfer "${wanted.id}" was not found: nothing was attached.`);
      if (t.version !== wanted.version) throw staleEdit("transfer");
      if (t.archivedAt) throw new AppError("CONFLICT", `Transfer "${t.id}" is archived: restore it before attaching a safeguard to it. Nothing was attached.`);
      if (sg.partyCount > 0) {
        const bound = prepared(tx, "SELECT count(*) AS n FROM safeguard_party WHERE safeguard_id = ? AND party_id IN (?, ?)").get(sg.id, t.exporterId, t.recipientId) as { n: number };
        if (bound.n < 2) throw new AppError("BAD_REQUEST", `This safeguard does not bind both parties of transfer "${t.id}": add them to the safeguard first. Nothing was attached.`);
      }
      const ids = t.safeguardIds;
      if (ids.includes(sg.id)) throw new AppError("CONFLICT", `Transfer "${t.id}" already relies on this safeguard. Nothing was attached.`);
      if (ids.length >= 20) throw new AppError("BAD_REQUEST", `Transfer "${t.id}" already relies on 20 safeguards, the most a transfer lists. Nothing was attached.`);
      steps.push(transferStep(tx, { action: "change", id: t.id, version: t.version, next: { ...t, safeguardIds: [...ids, sg.id] }, before: t }));
    }
    // The transfer writer: the transfer rules, then the link, the new version and a transfer.update audit row per
    // transfer, as any edit of it.
    const attached = writeTransfers(tx, actor, steps, new Date(), { onStale: () => staleEdit("transfer") }).map((t) => ({ id: t.id, version: t.version! }));
    return { attached };
  });
}

export interface DuplicateTransfer {
  id: string;
  exporterName: string;
  recipientName: string;
  destination: string;
  start: string;
  end: string | null;
}

/** The most likely duplicates the form shows. */
export const DUPLICATES_SHOWN = 5;

/**
 * Live transfers that look like the draft: the same exporter, recipient and destination, sharing at least one
 * data category with it (when the draft names any) and at least one purpose (likewise). Read over the
 * exporter index; at most {@link DUPLICATES_SHOWN}.
 */
export function findDuplicateTransfers(db: Db, input: DuplicateTransfersInput): DuplicateTransfer[] {
  const q = duplicateTransfersSchema.parse(input);
  // Driven by the recipient index (a vendor has few transfers; an exporter or a destination such as US may have
  // tens of thousands): `+` keeps SQLite, which has no statistics here, off the other two indexes.
  const where = ["+t.exporter_id = ?", "t.recipient_id = ?", "+t.destination = ?", "t.archived_at IS NULL"];
  const params: unknown[] = [q.exporterId, q.recipientId, q.destination.toUpperCase()];
  if (q.excludeId) {
    where.push("t.id <> ?");
    params.push(q.excludeId);
  }
  const categories = [...new Set(q.dataCategories)];
  if (categories.length) {
    where.push("EXISTS (SELECT 1 FROM transfer_data_category c WHERE c.transfer_id = t.id AND c.category_id IN (SELECT value FROM json_each(?)))");
    params.push(JSON.stringify(categories));
  }
  const purposeIds = [...new Set(q.purposes)];
  if (purposeIds.length) {
    where.push("EXISTS (SELECT 1 FROM transfer_purpose p WHERE p.transfer_id = t.id AND p.purpose_id IN (SELECT value FROM json_each(?)))");
    params.push(JSON.stringify(purposeIds));
  }
  return prepared(
    db,
    `SELECT t.id, e.name AS exporterName, r.name AS recipientName, t.destination, t.start, t."end" AS "end"
       FROM transfer t JOIN party e ON e.id = t.exporter_id JOIN party r ON r.id = t.recipient_id
      WHERE ${where.join(" AND ")}
      ORDER BY t.start DESC, t.id
      LIMIT ?`,
  ).all(...params, DUPLICATES_SHOWN) as DuplicateTransfer[];
}
