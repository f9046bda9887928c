/**
 * Safeguard (transfer tool) use cases. Each mutation writes the change and its
 * audit row in one synchronous better-sqlite3 transaction. Beyond the
 * structural checks of the input schema, a safeguard is checked against the
 * knowledge base: old SCC sets cannot be signed after the last day the
 * signing exporter's regime allowed new contracts on them.
 */
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { auditLog, parties, safeguardParties, safeguards, transfers, transferSafeguards } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { setArchived, type ArchiveSpec } from "./archiving";
import type { Actor } from "@/server/auth/actor";
import { regimeForExporter, type Issue, type Status } from "@/server/domain/rules";
import { AppError, notFound, staleEdit } from "@/server/errors";
import {
  listSafeguardsSchema,
  SCC_VERSION_LABELS,
  type ListSafeguardsInput,
  type SafeguardFields,
} from "@/server/schemas/safeguard";
import { REGISTRY_ID_PATTERN } from "@/server/schemas/transfer";
import { getCompiledKnowledgeBase } from "./knowledge-base";
import { registryIdFrom, type Page, type PartyRef } from "./transfers";
import { today, verdictsAsOf } from "./verdicts";

export type SafeguardRow = typeof safeguards.$inferSelect;

export interface SafeguardDetail extends Omit<SafeguardRow, "extra" | "modules"> {
  modules: number[];
  partyIds: string[];
  extra: Record<string, unknown> | null;
}

export interface SafeguardListItem {
  id: string;
  title: string;
  type: string;
  sccVersion: string | null;
  modules: number[];
  /** Signed (SCC, IDTA) or approved date. */
  date: string | null;
  ended: string | null;
  parties: PartyRef[];
  transferCount: number;
  archivedAt: string | null;
  updatedAt: string;
}

const nowIso = () => new Date().toISOString();

function partyRefsOf(db: DbOrTx, safeguardIds: string[]): Map<string, PartyRef[]> {
  const map = new Map<string, PartyRef[]>();
  if (safeguardIds.length === 0) return map;
  const rows = db
    .select({ safeguardId: safeguardParties.safeguardId, id: parties.id, name: parties.name, country: parties.country })
    .from(safeguardParties)
    .innerJoin(parties, eq(parties.id, safeguardParties.partyId))
    .where(inArray(safeguardParties.safeguardId, safeguardIds))
    .orderBy(asc(safeguardParties.position), asc(parties.id))
    .all();
  for (const r of rows) map.set(r.safeguardId, [...(map.get(r.safeguardId) ?? []), { id: r.id, name: r.name, country: r.country }]);
  return map;
}

export function findSafeguard(db: DbOrTx, id: string): SafeguardDetail | null {
  const row = db.select().from(safeguards).where(eq(safeguards.id, id)).get();
  if (!row) return null;
  const partyIds = db
    .select({ id: safeguardParties.partyId })
    .from(safeguardParties)
    .where(eq(safeguardParties.safeguardId, id))
    .orderBy(asc(safeguardParties.position), asc(safeguardParties.partyId))
    .all()
    .map((r) => r.id);
  return {
    ...row,
    modules: row.modules ? (JSON.parse(row.modules) as number[]) : [],
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
    partyIds,
  };
}

export function getSafeguard(db: DbOrTx, id: string): SafeguardDetail {
  const sg = findSafeguard(db, id);
  if (!sg) throw notFound("Safeguard", id);
  return sg;
}

export function listSafeguards(db: Db, input: ListSafeguardsInput): Page<SafeguardListItem> {
  const q = listSafeguardsSchema.parse(input);
  const rows = db.select().from(safeguards).all();
  const refs = partyRefsOf(
    db,
    rows.map((r) => r.id),
  );
  const counts = new Map(
    db
      .select({ id: transferSafeguards.safeguardId, n: count() })
      .from(transferSafeguards)
      .innerJoin(transfers, eq(transfers.id, transferSafeguards.transferId))
      .where(sql`${transfers.archivedAt} is null`)
      .groupBy(transferSafeguards.safeguardId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const needle = q.search?.toLowerCase();
  let items: SafeguardListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    sccVersion: r.sccVersion,
    modules: r.modules ? (JSON.parse(r.modules) as number[]) : [],
    date: r.signed ?? r.approved,
    ended: r.ended,
    parties: refs.get(r.id) ?? [],
    transferCount: counts.get(r.id) ?? 0,
    archivedAt: r.archivedAt,
    updatedAt: r.updatedAt,
  }));
  items = items.filter((i) => {
    if (q.archived === "active" && i.archivedAt) return false;
    if (q.archived === "archived" && !i.archivedAt) return false;
    if (q.type && i.type !== q.type) return false;
    if (q.partyId && !i.parties.some((p) => p.id === q.partyId)) return false;
    if (needle) {
      const hay = [i.id, i.title, i.sccVersion ?? "", ...i.parties.map((p) => p.name)].join(" ").toLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  });
  const key = {
    title: (i: SafeguardListItem) => i.title.toLowerCase(),
    type: (i: SafeguardListItem) => i.type,
    date: (i: SafeguardListItem) => i.date ?? "",
    updatedAt: (i: SafeguardListItem) => i.updatedAt,
  }[q.sort];
  const sign = q.dir === "asc" ? 1 : -1;
  items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    return a.id < b.id ? -1 : 1;
  });
  return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
}

export interface SafeguardView extends SafeguardDetail {
  parties: PartyRef[];
  /** Every transfer that relies on it, with its live status and the issues this safeguard may cause. */
  transfers: {
    id: string;
    exporter: PartyRef;
    recipient: PartyRef;
    destination: string;
    exporterRole: string;
    recipientRole: string;
    archivedAt: string | null;
    status: Status | null;
    issues: Issue[];
  }[];
  asOf: string;
}

export function viewSafeguard(db: Db, id: string, asOf = today()): SafeguardView {
  const sg = getSafeguard(db, id);
  const rows = db
    .select({ t: transfers })
    .from(transferSafeguards)
    .innerJoin(transfers, eq(transfers.id, transferSafeguards.transferId))
    .where(eq(transferSafeguards.safeguardId, id))
    .orderBy(asc(transfers.id))
    .all()
    .map((r) => r.t);
  const ids = [...new Set(rows.flatMap((r) => [r.exporterId, r.recipientId]).concat(sg.partyIds))];
  const refs = new Map(
    (ids.length ? db.select({ id: parties.id, name: parties.name, country: parties.country }).from(parties).where(inArray(parties.id, ids)).all() : []).map((p) => [p.id, p]),
  );
  const ref = (pid: string): PartyRef => refs.get(pid) ?? { id: pid, name: pid, country: "" };
  const verdicts = rows.length ? verdictsAsOf(db, asOf) : new Map();
  return {
    ...sg,
    parties: sg.partyIds.map(ref),
    transfers: rows.map((t) => {
      const v = t.archivedAt ? undefined : verdicts.get(t.id);
      return {
        id: t.id,
        exporter: ref(t.exporterId),
        recipient: ref(t.recipientId),
        destination: t.destination,
        exporterRole: t.exporterRole,
        recipientRole: t.recipientRole,
        archivedAt: t.archivedAt,
        status: v?.status ?? null,
        issues: v?.issues ?? [],
      };
    }),
    asOf,
  };
}

export function safeguardHistory(db: Db, id: string) {
  getSafeguard(db, id);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "safeguard"), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .all();
}

// ---------------------------------------------------------------- validation against the knowledge base

/**
 * Refuses SCCs signed after the last day new contracts could use that set under the regime of a
 * signing exporter (e.g. EU: 2001/497, 2004/915 and 2010/87 not after 2021-09-26, Implementing
 * Decision (EU) 2021/914 Art. 4(2)). The windows come from the knowledge base, never from code.
 */
function assertSignableUnderKnowledgeBase(tx: DbOrTx, fields: SafeguardFields): void {
  if (fields.type !== "scc" || !fields.sccVersion || !fields.signed || fields.partyIds.length === 0) return;
  const ckb = getCompiledKnowledgeBase(tx);
  const instrument = ckb.sccByVersion.get(fields.sccVersion);
  if (!instrument) return;
  const signers = tx.select().from(parties).where(inArray(parties.id, fields.partyIds)).all();
  // Exporters are the group's affiliates; check them first, then any other signer under a regime.
  signers.sort((a, b) => Number(b.relationship === "affiliate") - Number(a.relationship === "affiliate"));
  for (const party of signers) {
    const regime = regimeForExporter(ckb, party.country, fields.signed);
    if (!regime) continue;
    const window = instrument.windows[regime];
    if (!window) {
      throw new AppError("BAD_REQUEST", `${SCC_VERSION_LABELS[fields.sccVersion]} are not a transfer tool under the ${regime} regime (${party.name} is established in ${party.country}).`, {
        sccVersion: `Not recognised under the ${regime} regime, which applies to ${party.name}.`,
      });
    }
    if (fields.signed > window.lastSign) {
      const message = `SCCs ${fields.sccVersion} could not be signed after ${window.lastSign} under the ${regime} regime (${party.name} is established in ${party.country}); new contracts must use the 2021/914 SCCs (${window.legalBasis}).`;
      throw new AppError("BAD_REQUEST", message, { signed: message });
    }
    return;
  }
}

function assertPartiesExist(tx: DbOrTx, ids: string[]): void {
  if (!ids.length) return;
  const known = new Set(tx.select({ id: parties.id }).from(parties).where(inArray(parties.id, ids)).all().map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new AppError("BAD_REQUEST", `Unknown parties: ${unknown.join(", ")}.`, { partyIds: `Unknown parties: ${unknown.join(", ")}.` });
}

function columnsOf(fields: SafeguardFields) {
  const { partyIds: _p, modules, ...columns } = fields;
  return { ...columns, modules: fields.type === "scc" && fields.sccVersion === "2021/914" ? JSON.stringify(modules) : null };
}

function writeParties(tx: DbOrTx, id: string, partyIds: string[]): void {
  tx.delete(safeguardParties).where(eq(safeguardParties.safeguardId, id)).run();
  partyIds.forEach((partyId, position) => tx.insert(safeguardParties).values({ safeguardId: id, partyId, position }).run());
}

export function createSafeguard(db: Db, actor: Actor, input: { id?: string; fields: SafeguardFields }, options: { extra?: Record<string, unknown> } = {}): SafeguardDetail {
  return db.transaction((tx) => {
    if (input.id !== undefined && !REGISTRY_ID_PATTERN.test(input.id)) {
      throw new AppError("BAD_REQUEST", `"${input.id}" is not a valid safeguard id.`, { id: "Use 1–64 lower-case letters, digits, dots, dashes or underscores." });
    }
    if (input.id !== undefined && findSafeguard(tx, input.id)) {
      throw new AppError("CONFLICT", `A safeguard with id "${input.id}" already exists.`, { id: "This id is already taken." });
    }
    assertPartiesExist(tx, input.fields.partyIds);
    assertSignableUnderKnowledgeBase(tx, input.fields);
    const id =
      input.id ?? registryIdFrom(input.fields.title, "safeguard", (candidate) => Boolean(tx.select({ id: safeguards.id }).from(safeguards).where(eq(safeguards.id, candidate)).get()));
    const at = nowIso();
    tx.insert(safeguards)
      .values({ ...columnsOf(input.fields), id, extra: options.extra ? JSON.stringify(options.extra) : null, createdAt: at, updatedAt: at })
      .run();
    writeParties(tx, id, input.fields.partyIds);
    const after = getSafeguard(tx, id);
    recordAudit(tx, actor, { action: "safeguard.create", entityType: "safeguard", entityId: id, before: null, after });
    return after;
  });
}

export function updateSafeguard(db: Db, actor: Actor, input: { id: string; version: number; fields: SafeguardFields }): SafeguardDetail {
  return db.transaction((tx) => {
    const before = getSafeguard(tx, input.id);
    if (before.archivedAt) throw new AppError("CONFLICT", "This safeguard is archived: restore it before editing.");
    if (before.type !== input.fields.type && tx.select({ n: count() }).from(transferSafeguards).where(eq(transferSafeguards.safeguardId, input.id)).get()!.n > 0) {
      throw new AppError("BAD_REQUEST", "The type of a safeguard that transfers rely on cannot change: register a new safeguard instead.", { type: "Transfers rely on this safeguard; its type cannot change." });
    }
    assertPartiesExist(tx, input.fields.partyIds);
    assertSignableUnderKnowledgeBase(tx, input.fields);
    const result = tx
      .update(safeguards)
      .set({ ...columnsOf(input.fields), version: sql`${safeguards.version} + 1`, updatedAt: nowIso() })
      .where(and(eq(safeguards.id, input.id), eq(safeguards.version, input.version)))
      .run();
    if (result.changes !== 1) throw staleEdit("safeguard");
    writeParties(tx, input.id, input.fields.partyIds);
    const after = getSafeguard(tx, input.id);
    recordAudit(tx, actor, { action: "safeguard.update", entityType: "safeguard", entityId: input.id, before, after });
    return after;
  });
}

/**
 * Archiving hides a record; it must not silently change verdicts. A safeguard that stopped applying gets an
 * end date (which the rules honour); one that active transfers still rely on cannot be archived.
 */
function assertNothingRelies(tx: Tx, safeguard: SafeguardDetail): void {
  const relying = tx
    .select({ id: transfers.id })
    .from(transferSafeguards)
    .innerJoin(transfers, eq(transfers.id, transferSafeguards.transferId))
    .where(and(eq(transferSafeguards.safeguardId, safeguard.id), sql`${transfers.archivedAt} is null`))
    .all();
  if (relying.length > 0) {
    throw new AppError(
      "CONFLICT",
      `${relying.length} active transfer(s) rely on this safeguard (${relying.slice(0, 5).map((r) => r.id).join(", ")}${relying.length > 5 ? ", …" : ""}). Record its end date instead, or remove it from those transfers first.`,
    );
  }
}

const ARCHIVE_SPEC: ArchiveSpec<SafeguardDetail> = { entity: "safeguard", load: getSafeguard, beforeArchive: assertNothingRelies };

export const archiveSafeguard = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, true);
export const restoreSafeguard = (db: Db, actor: Actor, input: { id: string; version: number }) => setArchived(db, actor, ARCHIVE_SPEC, input, false);
