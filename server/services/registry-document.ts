/**
 * The registry as a `transfer-registry/v1` document, read from the database. This one mapping feeds the
 * export, every verdict the app computes (the verdict store, what-if dates, one transfer's page) and the
 * round-trip test, so the app and the command-line checker evaluate exactly the same data. Fields the rules
 * do not use (contacts, data categories, purposes, TIA details…) are written as extra fields, which the format
 * allows and which the import reads back. Output order is stable (by id).
 *
 * Two reads share the mapping:
 * - `readRegistryDocument(db)`: the whole registry (export, full re-evaluation);
 * - `readRegistrySlice(db, selectTransferIds, params)`: only the transfers a query selects, with exactly the
 *   parties, certifications, safeguards and TIAs they depend on. The selected ids go through temporary tables,
 *   so no statement's parameter count grows with the registry.
 *
 * Rows are read with prepared better-sqlite3 statements (no per-row query building): at 100,000 transfers
 * this read is most of what a full re-evaluation costs.
 */
import { prepared, rawClient, type DbOrTx } from "@/db/client";
import {
  REGISTRY_FORMAT,
  type RegistryDocument,
  type RegistryParty,
  type RegistrySafeguard,
  type RegistryTransfer,
} from "@/server/domain/registry";

type Loose<T> = T & Record<string, unknown>;
type Row = Record<string, unknown>;
type Str = string | null;

/** Copies the non-null entries of `fields` onto `target` (the document omits empty optional fields). */
function assignPresent(target: Record<string, unknown>, fields: Record<string, unknown>): void {
  for (const k in fields) {
    const v = fields[k];
    if (v !== null && v !== undefined) target[k] = v;
  }
}

/** JSON.parse of small values that repeat across rows (data subjects, SCC modules): parsed once per text, copied per row. */
function parseListCached(cache: Map<string, unknown[]>, text: string): unknown[] {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    parsed = JSON.parse(text) as unknown[];
    cache.set(text, parsed);
  }
  return parsed.slice();
}

function parseExtra(json: unknown): Record<string, unknown> {
  return typeof json === "string" && json !== "" ? (JSON.parse(json) as Record<string, unknown>) : {};
}

function groupBy<T extends Row>(rows: T[], key: string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Where-clauses of the two reads: everything, or what the temporary scope tables hold. */
interface Filters {
  party: string;
  partyChild: string;
  safeguard: string;
  safeguardChild: string;
  transfer: string;
  transferChild: string;
}

const ALL: Filters = { party: "", partyChild: "", safeguard: "", safeguardChild: "", transfer: "", transferChild: "" };
const SCOPED: Filters = {
  party: "WHERE id IN (SELECT id FROM temp.scope_party)",
  partyChild: "WHERE party_id IN (SELECT id FROM temp.scope_party)",
  safeguard: "WHERE id IN (SELECT id FROM temp.scope_safeguard)",
  safeguardChild: "WHERE safeguard_id IN (SELECT id FROM temp.scope_safeguard)",
  transfer: "WHERE id IN (SELECT id FROM temp.scope_transfer)",
  transferChild: "WHERE transfer_id IN (SELECT id FROM temp.scope_transfer)",
};

const scopeTablesReady = new WeakSet<object>();

function ensureScopeTables(db: DbOrTx): void {
  const client = rawClient(db);
  if (scopeTablesReady.has(client)) return;
  client.exec(`
    CREATE TEMP TABLE IF NOT EXISTS scope_transfer (id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS scope_party (id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS scope_safeguard (id TEXT PRIMARY KEY) WITHOUT ROWID;
  `);
  scopeTablesReady.add(client);
}

/**
 * Fills the temporary scope tables: the transfers `selectTransferIds` returns (a `SELECT` of one column of
 * transfer ids), their exporters and recipients, and the safeguards they rely on.
 */
export function fillScope(db: DbOrTx, selectTransferIds: string, params: unknown[] = []): void {
  ensureScopeTables(db);
  prepared(db, "DELETE FROM temp.scope_transfer").run();
  prepared(db, "DELETE FROM temp.scope_party").run();
  prepared(db, "DELETE FROM temp.scope_safeguard").run();
  prepared(db, `INSERT OR IGNORE INTO temp.scope_transfer (id) ${selectTransferIds}`).run(...params);
  prepared(
    db,
    `INSERT OR IGNORE INTO temp.scope_party (id)
       SELECT t.exporter_id FROM temp.scope_transfer s CROSS JOIN transfer t ON t.id = s.id
       UNION SELECT t.recipient_id FROM temp.scope_transfer s CROSS JOIN transfer t ON t.id = s.id`,
  ).run();
  prepared(
    db,
    `INSERT OR IGNORE INTO temp.scope_safeguard (id)
       SELECT DISTINCT ts.safeguard_id FROM temp.scope_transfer s CROSS JOIN transfer_safeguard ts ON ts.transfer_id = s.id`,
  ).run();
}

/** The whole registry. */
export function readRegistryDocument(db: DbOrTx): RegistryDocument {
  return readWith(db, ALL);
}

/**
 * The transfers selected by `selectTransferIds` (e.g. `SELECT id FROM transfer WHERE exporter_id = ?`), with
 * the parties and safeguards they reference: a valid document on which the evaluator gives each of these
 * transfers the same verdict as on the whole registry.
 */
export function readRegistrySlice(db: DbOrTx, selectTransferIds: string, params: unknown[] = []): RegistryDocument {
  fillScope(db, selectTransferIds, params);
  return readWith(db, SCOPED);
}

/** The document of what the scope tables hold now (after `fillScope`). */
export function readScopedDocument(db: DbOrTx): RegistryDocument {
  return readWith(db, SCOPED);
}

function all(db: DbOrTx, sqlText: string): Row[] {
  return prepared(db, sqlText).all() as Row[];
}

function readWith(db: DbOrTx, f: Filters): RegistryDocument {
  const lists = new Map<string, unknown[]>();
  const locations = groupBy(all(db, `SELECT party_id, country FROM party_processing_location ${f.partyChild} ORDER BY country`), "party_id");
  const partyCategories = groupBy(all(db, `SELECT party_id, category_id FROM party_data_category ${f.partyChild} ORDER BY category_id`), "party_id");
  const certs = groupBy(
    all(db, `SELECT party_id, framework, "from", "to", covered_data, verified_on, verified_by, extra FROM certification ${f.partyChild} ORDER BY position, id`),
    "party_id",
  );

  const partyDocs: Loose<RegistryParty>[] = all(
    db,
    `SELECT id, name, relationship, country, service_category, adviser_type, registration_number, website, contact_name, contact_email,
            ccpa_role, ccpa_sale, ccpa_share, notes, archived_at, extra
       FROM party ${f.party} ORDER BY id`,
  ).map((p) => {
    const id = p.id as string;
    const doc: Loose<RegistryParty> = { id, name: p.name as string, relationship: p.relationship as RegistryParty["relationship"], country: p.country as string };
    const partyCerts = certs.get(id);
    if (partyCerts?.length) {
      doc.certifications = partyCerts.map((c) => {
        const cert: Record<string, unknown> = { framework: c.framework, from: c.from, to: (c.to as Str) ?? null };
        assignPresent(cert, { coveredData: c.covered_data, verifiedOn: c.verified_on, verifiedBy: c.verified_by });
        Object.assign(cert, parseExtra(c.extra));
        return cert as unknown as NonNullable<RegistryParty["certifications"]>[number];
      });
    }
    assignPresent(doc, {
      serviceCategory: p.service_category,
      adviserType: p.adviser_type,
      processingLocations: (locations.get(id) ?? []).map((l) => l.country as string),
      registrationNumber: p.registration_number,
      website: p.website,
      contactName: p.contact_name,
      contactEmail: p.contact_email,
      ccpaRole: p.ccpa_role,
      ccpaSale: Boolean(p.ccpa_sale),
      ccpaShare: Boolean(p.ccpa_share),
      dataCategories: (partyCategories.get(id) ?? []).map((c) => c.category_id as string),
      notes: p.notes,
      archivedAt: p.archived_at,
    });
    return Object.assign(doc, parseExtra(p.extra));
  });

  const sgParties = groupBy(all(db, `SELECT safeguard_id, party_id FROM safeguard_party ${f.safeguardChild} ORDER BY position, party_id`), "safeguard_id");
  const safeguardDocs: Loose<RegistrySafeguard>[] = all(db, `SELECT * FROM safeguard ${f.safeguard} ORDER BY id`).map((s) => {
    const partyIds = (sgParties.get(s.id as string) ?? []).map((r) => r.party_id as string);
    const doc: Record<string, unknown> = { id: s.id, type: s.type };
    const ended = (s.ended as Str) ?? null;
    switch (s.type) {
      case "scc":
        doc.version = s.scc_version;
        if (s.scc_version === "2021/914") doc.modules = s.modules ? (parseListCached(lists, s.modules as string) as number[]) : [];
        Object.assign(doc, { parties: partyIds, signed: s.signed, ended, ukAddendum: Boolean(s.uk_addendum), swissAdaptations: Boolean(s.swiss_adaptations) });
        break;
      case "uk_idta":
        Object.assign(doc, { parties: partyIds, signed: s.signed, ended });
        break;
      case "bcr":
        Object.assign(doc, { variant: s.bcr_variant, approved: s.approved, ended, members: partyIds });
        break;
      case "code_of_conduct":
      case "certification":
      case "ad_hoc_clauses":
        Object.assign(doc, { approved: s.approved, ended, reference: (s.reference as Str) ?? "" });
        if (partyIds.length) doc.parties = partyIds;
        break;
      case "derogation":
        doc.basis = s.derogation_basis;
        if (partyIds.length) doc.parties = partyIds;
        break;
    }
    assignPresent(doc, {
      title: s.title,
      dockingClause: s.type === "scc" ? Boolean(s.docking_clause) : null,
      ukAddendumVersion: s.uk_addendum_version,
      supervisoryAuthority: s.supervisory_authority,
      governingLaw: s.governing_law,
      idtaVersion: s.idta_version,
      approvingAuthority: s.approving_authority,
      justification: s.justification,
      saInformedOn: s.sa_informed_on,
      notes: s.notes,
      archivedAt: s.archived_at,
    });
    return Object.assign(doc, parseExtra(s.extra)) as Loose<RegistrySafeguard>;
  });

  const tSafeguards = groupBy(all(db, `SELECT transfer_id, safeguard_id FROM transfer_safeguard ${f.transferChild} ORDER BY position, safeguard_id`), "transfer_id");
  const tCategories = groupBy(all(db, `SELECT transfer_id, category_id FROM transfer_data_category ${f.transferChild} ORDER BY category_id`), "transfer_id");
  const tPurposes = groupBy(all(db, `SELECT transfer_id, purpose_id FROM transfer_purpose ${f.transferChild} ORDER BY purpose_id`), "transfer_id");
  const tias = groupBy(all(db, `SELECT * FROM transfer_impact_assessment ${f.transferChild} ORDER BY completed, id`), "transfer_id");

  const transferDocs: Loose<RegistryTransfer>[] = all(db, `SELECT * FROM transfer ${f.transfer} ORDER BY id`).map((t) => {
    const id = t.id as string;
    const doc: Loose<RegistryTransfer> = {
      id,
      exporter: t.exporter_id as string,
      recipient: t.recipient_id as string,
      destination: t.destination as string,
      exporterRole: t.exporter_role as RegistryTransfer["exporterRole"],
      recipientRole: t.recipient_role as RegistryTransfer["recipientRole"],
      start: t.start as string,
      end: (t.end as Str) ?? null,
      frequency: t.frequency as RegistryTransfer["frequency"],
      safeguards: (tSafeguards.get(id) ?? []).map((r) => r.safeguard_id as string),
    };
    const assessments = tias.get(id) ?? [];
    const latest = assessments[assessments.length - 1];
    if (latest) {
      doc.tia = { completed: latest.completed as string, nextReview: (latest.next_review as Str) ?? null };
      doc.tias = assessments.map((a) => {
        const tia: Record<string, unknown> = { id: a.id, completed: a.completed };
        assignPresent(tia, {
          assessor: a.assessor,
          outcome: a.outcome,
          measuresTechnical: a.measures_technical,
          measuresContractual: a.measures_contractual,
          measuresOrganisational: a.measures_organisational,
          nextReview: a.next_review,
          documentRef: a.document_ref,
        });
        return Object.assign(tia, parseExtra(a.extra));
      });
    }
    assignPresent(doc, {
      dataCategories: (tCategories.get(id) ?? []).map((r) => r.category_id as string),
      specialCategory: Boolean(t.special_category),
      dataSubjects: parseListCached(lists, t.data_subjects as string) as string[],
      purposes: (tPurposes.get(id) ?? []).map((r) => r.purpose_id as string),
      notes: t.notes,
      archivedAt: t.archived_at,
    });
    return Object.assign(doc, parseExtra(t.extra));
  });

  return { format: REGISTRY_FORMAT, parties: partyDocs, safeguards: safeguardDocs, transfers: transferDocs };
}
