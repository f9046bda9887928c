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

/** Rows as arrays (no per-row objects: at 100k rows, about half the cost of reading them). */
function rows(db: DbOrTx, sqlText: string): unknown[][] {
  return rawStatement(db, sqlText).all() as unknown[][];
}

const rawStatements = new WeakMap<object, Map<string, ReturnType<typeof prepared>>>();

function rawStatement(db: DbOrTx, sqlText: string) {
  const client = rawClient(db);
  let cache = rawStatements.get(client);
  if (!cache) {
    cache = new Map();
    rawStatements.set(client, cache);
  }
  let statement = cache.get(sqlText);
  if (!statement) {
    statement = client.prepare(sqlText).raw(true);
    cache.set(sqlText, statement);
  }
  return statement;
}

/** Groups two-column rows [key, value] into key → values, in row order. */
function groupPairs(pairs: unknown[][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = map.get(k as string);
    if (list) list.push(v as string);
    else map.set(k as string, [v as string]);
  }
  return map;
}

function readWith(db: DbOrTx, f: Filters): RegistryDocument {
  const lists = new Map<string, unknown[]>();
  const locations = groupPairs(rows(db, `SELECT party_id, country FROM party_processing_location ${f.partyChild} ORDER BY country`));
  const partyCategories = groupPairs(rows(db, `SELECT party_id, category_id FROM party_data_category ${f.partyChild} ORDER BY category_id`));
  const certs = groupBy(
    all(db, `SELECT party_id, framework, "from", "to", covered_data, verified_on, verified_by, extra FROM certification ${f.partyChild} ORDER BY position, id`),
    "party_id",
  );

  const partyDocs: Loose<RegistryParty>[] = rows(
    db,
    `SELECT id, name, relationship, country, service_category, adviser_type, registration_number, website, contact_name, contact_email,
            ccpa_role, ccpa_sale, ccpa_share, notes, archived_at, extra
       FROM party ${f.party} ORDER BY id`,
  ).map(([id, name, relationship, country, serviceCategory, adviserType, registrationNumber, website, contactName, contactEmail, ccpaRole, ccpaSale, ccpaShare, notes, archivedAt, extra]) => {
    const doc: Loose<RegistryParty> = { id: id as string, name: name as string, relationship: relationship as RegistryParty["relationship"], country: country as string };
    const partyCerts = certs.get(id as string);
    if (partyCerts?.length) {
      doc.certifications = partyCerts.map((c) => {
        const cert: Record<string, unknown> = { framework: c.framework, from: c.from, to: (c.to as Str) ?? null };
        assignPresent(cert, { coveredData: c.covered_data, verifiedOn: c.verified_on, verifiedBy: c.verified_by });
        Object.assign(cert, parseExtra(c.extra));
        return cert as unknown as NonNullable<RegistryParty["certifications"]>[number];
      });
    }
    assignPresent(doc, {
      serviceCategory,
      adviserType,
      processingLocations: locations.get(id as string) ?? [],
      registrationNumber,
      website,
      contactName,
      contactEmail,
      ccpaRole,
      ccpaSale: Boolean(ccpaSale),
      ccpaShare: Boolean(ccpaShare),
      dataCategories: partyCategories.get(id as string) ?? [],
      notes,
      archivedAt,
    });
    return Object.assign(doc, parseExtra(extra));
  });

  const sgParties = groupPairs(rows(db, `SELECT safeguard_id, party_id FROM safeguard_party ${f.safeguardChild} ORDER BY position, party_id`));
  const safeguardDocs: Loose<RegistrySafeguard>[] = rows(
    db,
    `SELECT id, type, title, scc_version, modules, signed, approved, ended, docking_clause, uk_addendum, uk_addendum_version, swiss_adaptations,
            supervisory_authority, governing_law, idta_version, bcr_variant, approving_authority, reference, derogation_basis, justification,
            sa_informed_on, notes, archived_at, extra
       FROM safeguard ${f.safeguard} ORDER BY id`,
  ).map(
    ([id, type, title, sccVersion, modules, signed, approved, endedValue, dockingClause, ukAddendum, ukAddendumVersion, swissAdaptations, supervisoryAuthority, governingLaw, idtaVersion, bcrVariant, approvingAuthority, reference, derogationBasis, justification, saInformedOn, notes, archivedAt, extra]) => {
      const partyIds = sgParties.get(id as string) ?? [];
      const doc: Record<string, unknown> = { id, type };
      const ended = (endedValue as Str) ?? null;
      switch (type) {
        case "scc":
          doc.version = sccVersion;
          if (sccVersion === "2021/914") doc.modules = modules ? (parseListCached(lists, modules as string) as number[]) : [];
          Object.assign(doc, { parties: partyIds, signed, ended, ukAddendum: Boolean(ukAddendum), swissAdaptations: Boolean(swissAdaptations) });
          break;
        case "uk_idta":
          Object.assign(doc, { parties: partyIds, signed, ended });
          break;
        case "bcr":
          Object.assign(doc, { variant: bcrVariant, approved, ended, members: partyIds });
          break;
        case "code_of_conduct":
        case "certification":
        case "ad_hoc_clauses":
          Object.assign(doc, { approved, ended, reference: (reference as Str) ?? "" });
          if (partyIds.length) doc.parties = partyIds;
          break;
        case "derogation":
          doc.basis = derogationBasis;
          if (partyIds.length) doc.parties = partyIds;
          break;
      }
      assignPresent(doc, {
        title,
        dockingClause: type === "scc" ? Boolean(dockingClause) : null,
        ukAddendumVersion,
        supervisoryAuthority,
        governingLaw,
        idtaVersion,
        approvingAuthority,
        justification,
        saInformedOn,
        notes,
        archivedAt,
      });
      return Object.assign(doc, parseExtra(extra)) as Loose<RegistrySafeguard>;
    },
  );

  const tSafeguards = groupPairs(rows(db, `SELECT transfer_id, safeguard_id FROM transfer_safeguard ${f.transferChild} ORDER BY position, safeguard_id`));
  const tCategories = groupPairs(rows(db, `SELECT transfer_id, category_id FROM transfer_data_category ${f.transferChild} ORDER BY category_id`));
  const tPurposes = groupPairs(rows(db, `SELECT transfer_id, purpose_id FROM transfer_purpose ${f.transferChild} ORDER BY purpose_id`));
  const tias = new Map<string, unknown[][]>();
  for (const row of rows(
    db,
    `SELECT transfer_id, id, completed, assessor, outcome, measures_technical, measures_contractual, measures_organisational, next_review, document_ref, extra
       FROM transfer_impact_assessment ${f.transferChild} ORDER BY completed, id`,
  )) {
    const list = tias.get(row[0] as string);
    if (list) list.push(row);
    else tias.set(row[0] as string, [row]);
  }

  const transferDocs: Loose<RegistryTransfer>[] = rows(
    db,
    `SELECT id, exporter_id, recipient_id, destination, exporter_role, recipient_role, start, "end", frequency, special_category, data_subjects, notes, archived_at, extra
       FROM transfer ${f.transfer} ORDER BY id`,
  ).map(([id, exporter, recipient, destination, exporterRole, recipientRole, start, end, frequency, specialCategory, dataSubjects, notes, archivedAt, extra]) => {
    const doc: Loose<RegistryTransfer> = {
      id: id as string,
      exporter: exporter as string,
      recipient: recipient as string,
      destination: destination as string,
      exporterRole: exporterRole as RegistryTransfer["exporterRole"],
      recipientRole: recipientRole as RegistryTransfer["recipientRole"],
      start: start as string,
      end: (end as Str) ?? null,
      frequency: frequency as RegistryTransfer["frequency"],
      safeguards: tSafeguards.get(id as string) ?? [],
    };
    const assessments = tias.get(id as string) ?? [];
    const latest = assessments[assessments.length - 1];
    if (latest) {
      // The latest assessment is the one the rules read (FORMAT.md: outcome and supplementary measures).
      const tia: Record<string, unknown> = { completed: latest[2] as string, nextReview: (latest[8] as Str) ?? null };
      assignPresent(tia, { outcome: latest[4], measuresTechnical: latest[5], measuresContractual: latest[6], measuresOrganisational: latest[7] });
      doc.tia = tia as unknown as RegistryTransfer["tia"];
      doc.tias = assessments.map(([, tiaId, completed, assessor, outcome, measuresTechnical, measuresContractual, measuresOrganisational, nextReview, documentRef, tiaExtra]) => {
        const tia: Record<string, unknown> = { id: tiaId, completed };
        assignPresent(tia, { assessor, outcome, measuresTechnical, measuresContractual, measuresOrganisational, nextReview, documentRef });
        return Object.assign(tia, parseExtra(tiaExtra));
      });
    }
    assignPresent(doc, {
      dataCategories: tCategories.get(id as string) ?? [],
      specialCategory: Boolean(specialCategory),
      dataSubjects: parseListCached(lists, dataSubjects as string) as string[],
      purposes: tPurposes.get(id as string) ?? [],
      notes,
      archivedAt,
    });
    return Object.assign(doc, parseExtra(extra));
  });

  return { format: REGISTRY_FORMAT, parties: partyDocs, safeguards: safeguardDocs, transfers: transferDocs };
}
