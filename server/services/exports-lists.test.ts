/**
 * The list exports of issue 11, item 4 beyond transfers and parties: safeguards, flags and the audit log, as
 * CSV (read back with papaparse) and XLSX (read back with exceljs). Every expected row is written here from the
 * data this test creates; a row outside the filters must be absent. Expected verdicts follow the README's
 * rules: DE controller → US processor with nothing is unsafeguarded (an error flag, raised since the transfer's
 * start); with 2021/914 SCCs module 2 and no TIA it is safeguarded with "Transfer impact assessment missing";
 * to a Swiss recipient it is adequate (no flag).
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { user } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR, type Actor } from "@/server/auth/actor";
import type { Role } from "@/server/auth/permissions";
import { partyFieldsSchema, type PartyFieldsInput } from "@/server/schemas/party";
import { safeguardFieldsSchema, type SafeguardFieldsInput } from "@/server/schemas/safeguard";
import { tiaFieldsSchema } from "@/server/schemas/tia";
import { transferFieldsSchema, type TransferFieldsInput } from "@/server/schemas/transfer";
import { auditExportPages, exportAudit, exportFlags, exportSafeguards, safeguardExportPages } from "./exports";
import { assignFlag, moveFlag } from "./flags";
import { createParty } from "./parties";
import { archiveSafeguard, createSafeguard } from "./safeguards";
import { createTia } from "./tias";
import { createTransfer } from "./transfers";

const AS_OF = "2026-06-01";

// The test's data, written through the services (the same writers the app uses).
let serial = 0;
function insertUser(db: Db, role: Role, email: string) {
  const id = `u-${role}-${++serial}`;
  const now = new Date();
  db.insert(user).values({ id, name: `${role} user`, email, role, active: true, emailVerified: true, createdAt: now, updatedAt: now }).run();
  return { id, email, name: `${role} user` };
}
const insertParty = (db: Db, fields: Partial<PartyFieldsInput> & { name: string; country: string }) =>
  createParty(db, SYSTEM_ACTOR, partyFieldsSchema.parse({ relationship: "service_provider", serviceCategory: "it_hosting", processingLocations: [fields.country], dataCategories: ["contact"], ...fields }));
const insertAffiliate = (db: Db, country: string) => insertParty(db, { name: `Affiliate ${country} ${++serial}`, relationship: "affiliate", serviceCategory: null, country });
const insertSafeguard = (db: Db, fields: Partial<SafeguardFieldsInput> & { title: string }) =>
  createSafeguard(db, SYSTEM_ACTOR, { fields: safeguardFieldsSchema.parse({ type: "scc", sccVersion: "2021/914", modules: [2], signed: "2022-01-01", ...fields }) });
/** A controller → processor transfer of customers' contact data for IT hosting, running continuously. */
const insertTransfer = (db: Db, fields: Partial<TransferFieldsInput> & { exporterId: string; recipientId: string; destination: string; start: string }) =>
  createTransfer(db, SYSTEM_ACTOR, {
    fields: transferFieldsSchema.parse({ exporterRole: "controller", recipientRole: "processor", dataCategories: ["contact"], dataSubjects: ["customers"], purposes: ["it_hosting"], frequency: "continuous", ...fields }),
  });
const insertTia = (db: Db, transferId: string) => createTia(db, SYSTEM_ACTOR, { transferId, fields: tiaFieldsSchema.parse({ completed: "2022-02-01", assessor: "Privacy team", outcome: "proceed" }) });

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function csvOf(file: { body: ReadableStream<Uint8Array> }): Promise<string[][]> {
  const text = (await bytesOf(file.body)).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function workbookOf(file: { body: ReadableStream<Uint8Array> }): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(file.body)) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows as arrays of cell texts (header first; an empty cell is ""). */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const width = sheet.getRow(1).cellCount;
  const out: string[][] = [];
  for (let i = 1; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    out.push(Array.from({ length: width }, (_, c) => {
      const v = row.getCell(c + 1).value;
      return v === null || v === undefined ? "" : String(v);
    }));
  }
  return out;
}

/** The cells of `rows` (header first) in the named columns. */
function pick(rows: string[][], names: string[]): string[][] {
  const idx = names.map((n) => {
    const i = rows[0]!.indexOf(n);
    expect(i, `column ${n}`).toBeGreaterThanOrEqual(0);
    return i;
  });
  return rows.slice(1).map((r) => idx.map((i) => r[i] ?? ""));
}

const exporterOf = (db: Db, transferId: string) => (db.$client.prepare("SELECT exporter_id AS id FROM transfer WHERE id = ?").get(transferId) as { id: string }).id;

const exportAuditRows = (db: Db) =>
  db.$client.prepare("SELECT action, entity_id AS entityId, actor_email AS actorEmail, after FROM audit_log WHERE action LIKE 'export.%' ORDER BY id").all() as { action: string; entityId: string; actorEmail: string; after: string }[];

describe("list exports: safeguards, flags, audit log", () => {
  let db: Db;
  let dpo: Actor;
  let owner: Actor;
  let auditor: Actor;
  let names: { exporter: string };
  let ids: { us1: string; us2: string; unsafe: string; scc: string; swiss: string; cumulus: string; bluebird: string; old: string };

  beforeEach(() => {
    db = createTestDb();
    const d = insertUser(db, "dpo", "dana@example.test");
    dpo = { kind: "user", id: d.id, email: d.email, name: d.name, role: "dpo" };
    const o = insertUser(db, "procurement", "pat@example.test");
    owner = { kind: "user", id: o.id, email: o.email, name: o.name, role: "procurement" };
    const a = insertUser(db, "auditor", "audrey@example.test");
    auditor = { kind: "user", id: a.id, email: a.email, name: a.name, role: "auditor" };

    const exporter = insertAffiliate(db, "DE");
    const us1 = insertParty(db, { name: "Cumulus Cloud Inc.", country: "US", processingLocations: ["US"] });
    const us2 = insertParty(db, { name: "Bluebird Mail LLC", country: "US", processingLocations: ["US"] });
    const ch = insertParty(db, { name: "Alpenrechen AG", country: "CH", processingLocations: ["CH"] });
    const cumulus = insertSafeguard(db, { title: "Cumulus SCCs", partyIds: [exporter.id, us1.id], modules: [2], signed: "2022-01-01", ukAddendum: true, ukAddendumVersion: "B1.0" });
    const bluebird = insertSafeguard(db, { title: "Bluebird SCCs", partyIds: [exporter.id, us2.id], modules: [2, 3], signed: "2022-01-01", ended: "2025-12-31" });
    const old = insertSafeguard(db, { title: "Old SCCs", partyIds: [exporter.id, us1.id], signed: "2022-01-01" });
    archiveSafeguard(db, dpo, { id: old.id, version: old.version });
    const unsafe = insertTransfer(db, { exporterId: exporter.id, recipientId: us2.id, destination: "US", start: "2022-01-01" });
    const scc = insertTransfer(db, { exporterId: exporter.id, recipientId: us1.id, destination: "US", start: "2022-01-01", safeguardIds: [cumulus.id] });
    const swiss = insertTransfer(db, { exporterId: exporter.id, recipientId: ch.id, destination: "CH", start: "2022-01-01" });
    // The DPO gives the unsafeguarded transfer's flag an owner and a due date, and accepts the SCC transfer's missing TIA.
    assignFlag(db, dpo, { transferId: unsafe.id, code: "unsafeguarded", version: 0, ownerId: owner.id, dueDate: "2026-07-01" });
    moveFlag(db, dpo, { transferId: scc.id, code: "tia_missing", version: 0, to: "risk_accepted", justification: "TIA scheduled with the vendor", rereviewDate: "2099-01-01" });
    names = { exporter: exporter.name };
    ids = { us1: us1.id, us2: us2.id, unsafe: unsafe.id, scc: scc.id, swiss: swiss.id, cumulus: cumulus.id, bluebird: bluebird.id, old: old.id };
  });

  // ------------------------------------------------------------ safeguards

  it("safeguards XLSX: the active safeguards in the list's order, kind, version, modules, parties, dates, status as of the date and relying transfers", async () => {
    const file = exportSafeguards(db, auditor, { asOf: AS_OF, sort: "title", dir: "asc" }, "xlsx");
    expect(file.fileName).toBe(`safeguards-${AS_OF}.xlsx`);
    expect(file.rows).toBe(2);
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["About", "Safeguards"]);
    expect(String(workbook.getWorksheet("About")!.getCell("A1").value)).toBe("Safeguards of the transfer register");
    const rows = sheetRows(workbook.getWorksheet("Safeguards")!);
    expect(rows[0]).toEqual([
      "Safeguard id",
      "Title",
      "Kind",
      "Version or reference",
      "SCC modules",
      "UK and Swiss additions",
      "Parties bound",
      "Parties",
      "Signed",
      "Approved",
      "Ended",
      `Status on ${AS_OF}`,
      "Transfers relying on it",
      "Archived on",
    ]);
    // The archived "Old SCCs" is not in the default (active) selection.
    expect(rows.slice(1)).toEqual([
      [
        ids.bluebird,
        "Bluebird SCCs",
        "EU standard contractual clauses (SCCs)",
        "Implementing Decision (EU) 2021/914, modular",
        "Module 2: controller → processor; Module 3: processor → processor",
        "",
        "2",
        `${names.exporter}; Bluebird Mail LLC`,
        "2022-01-01",
        "",
        "2025-12-31",
        "Ended",
        "0",
        "",
      ],
      [
        ids.cumulus,
        "Cumulus SCCs",
        "EU standard contractual clauses (SCCs)",
        "Implementing Decision (EU) 2021/914, modular",
        "Module 2: controller → processor",
        "UK Addendum (B1.0)",
        "2",
        `${names.exporter}; Cumulus Cloud Inc.`,
        "2022-01-01",
        "",
        "",
        "In force",
        "1",
        "",
      ],
    ]);
  }, 30_000);

  it("safeguards CSV: a party filter, the archived filter and an earlier as-of date select and state exactly what the list would", async () => {
    const byParty = await csvOf(exportSafeguards(db, auditor, { asOf: AS_OF, partyId: ids.us1 }, "csv"));
    expect(pick(byParty, ["Title", `Status on ${AS_OF}`])).toEqual([["Cumulus SCCs", "In force"]]); // Bluebird binds another party; Old SCCs is archived

    const archived = await csvOf(exportSafeguards(db, auditor, { asOf: AS_OF, archived: "archived" }, "csv"));
    expect(pick(archived, ["Title", "Transfers relying on it"])).toEqual([["Old SCCs", "0"]]);
    expect(archived[1]![13]).toMatch(/^\d{4}-\d{2}-\d{2}$/); // Archived on

    const before = await csvOf(exportSafeguards(db, auditor, { asOf: "2021-06-01", search: "cumulus" }, "csv"));
    expect(pick(before, ["Title", "Status on 2021-06-01"])).toEqual([["Cumulus SCCs", "Not yet in force"]]);

    // Keyset pages of one row each, title descending: every row once, in order.
    expect([...safeguardExportPages(db, { archived: "all", sort: "title", dir: "desc" }, 1)].map((p) => p.map((s) => s.title))).toEqual([["Old SCCs"], ["Cumulus SCCs"], ["Bluebird SCCs"]]);
  });

  // ------------------------------------------------------------ flags

  it("flags CSV: severity, issue, transfer, parties, opened since, owner, due date, state, justification, re-review date; filters respected", async () => {
    const file = exportFlags(db, auditor, { asOf: AS_OF, state: "all" }, "csv");
    expect(file.fileName).toBe(`flags-${AS_OF}.csv`);
    const rows = await csvOf(file);
    expect(rows[0]).toEqual([
      "Severity",
      "Issue",
      "Transfer id",
      "Exporter",
      "Recipient",
      "Destination",
      "Regime",
      "Opened since",
      "Days open",
      "Owner",
      "Due date",
      "State",
      "Justification",
      "Re-review date",
      "Detail",
    ]);
    const cols = ["Severity", "Issue", "Transfer id", "Exporter", "Recipient", "Destination", "Regime", "Opened since", "Days open", "Owner", "Due date", "State", "Justification", "Re-review date"];
    // 2022-01-01 → 2026-06-01: 4 years with one leap day (1,461 days) and Jan–May 2026 (151 days) = 1,612 days.
    const unsafeRow = ["Error", "Unsafeguarded transfer", ids.unsafe, names.exporter, "Bluebird Mail LLC", "United States of America (US)", "EU/EEA GDPR", "2022-01-01", "1612", "procurement user", "2026-07-01", "Open", "", ""];
    const tiaRow = ["Warning", "Transfer impact assessment missing", ids.scc, names.exporter, "Cumulus Cloud Inc.", "United States of America (US)", "EU/EEA GDPR", "2022-01-01", "1612", "", "", "Risk accepted", "TIA scheduled with the vendor", "2099-01-01"];
    // Severity order (errors first); the adequate Swiss transfer has no flag.
    expect(pick(rows, cols)).toEqual([unsafeRow, tiaRow]);

    // The default state ("needs action") leaves the accepted risk out; the severity, issue and owner filters select one row.
    expect(pick(await csvOf(exportFlags(db, auditor, { asOf: AS_OF }, "csv")), cols)).toEqual([unsafeRow]);
    expect(pick(await csvOf(exportFlags(db, auditor, { asOf: AS_OF, state: "all", severity: "warning" }, "csv")), cols)).toEqual([tiaRow]);
    expect(pick(await csvOf(exportFlags(db, auditor, { asOf: AS_OF, state: "all", code: "tia_missing" }, "csv")), cols)).toEqual([tiaRow]);
    expect(pick(await csvOf(exportFlags(db, auditor, { asOf: AS_OF, state: "all", ownerId: owner.kind === "user" ? owner.id : "" }, "csv")), cols)).toEqual([unsafeRow]);
    expect(pick(await csvOf(exportFlags(db, auditor, { asOf: AS_OF, state: "all", partyId: ids.us1 }, "csv")), cols)).toEqual([tiaRow]);
    expect(pick(await csvOf(exportFlags(db, auditor, { asOf: AS_OF, state: "all", country: "CH" }, "csv")), cols)).toEqual([]);
    // "My flags" are the exporting user's.
    expect(pick(await csvOf(exportFlags(db, owner, { asOf: AS_OF, state: "all", mine: true }, "csv")), cols)).toEqual([unsafeRow]);
    expect(pick(await csvOf(exportFlags(db, dpo, { asOf: AS_OF, state: "all", mine: true }, "csv")), cols)).toEqual([]);
  }, 30_000);

  it("flags XLSX in keyset pages of one row: the same rows in the list's order (by due date: dated first)", async () => {
    const file = exportFlags(db, auditor, { asOf: AS_OF, state: "all", sort: "due" }, "xlsx", 1);
    expect(file.rows).toBe(2);
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["About", "Flags"]);
    expect(String(workbook.getWorksheet("About")!.getCell("A2").value)).toContain(`Flags as of ${AS_OF}. 2 flags`);
    expect(pick(sheetRows(workbook.getWorksheet("Flags")!), ["Transfer id", "Issue", "Due date"])).toEqual([
      [ids.unsafe, "Unsafeguarded transfer", "2026-07-01"],
      [ids.scc, "Transfer impact assessment missing", ""],
    ]);
  }, 30_000);

  it("flags in keyset pages of one row by severity, and resolved flags (reviewed, no longer raised) by their last change", async () => {
    const bySeverity = await csvOf(exportFlags(db, auditor, { asOf: AS_OF, state: "all", sort: "severity" }, "csv", 1));
    expect(pick(bySeverity, ["Transfer id", "Severity"])).toEqual([
      [ids.unsafe, "Error"],
      [ids.scc, "Warning"],
    ]);
    // A second SCC transfer whose missing TIA is put in remediation; then both TIAs are recorded: both flags are resolved.
    const scc2 = insertTransfer(db, { exporterId: exporterOf(db, ids.scc), recipientId: ids.us1, destination: "US", start: "2022-01-01", safeguardIds: [ids.cumulus] });
    moveFlag(db, dpo, { transferId: scc2.id, code: "tia_missing", version: 0, to: "in_remediation", justification: null, rereviewDate: null });
    insertTia(db, ids.scc);
    insertTia(db, scc2.id);
    const resolved = await csvOf(exportFlags(db, auditor, { state: "resolved" }, "csv", 1));
    const rows = pick(resolved, ["Transfer id", "Issue", "State", "Opened since", "Days open"]);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[0]).sort()).toEqual([ids.scc, scc2.id].sort());
    for (const r of rows) expect(r.slice(1)).toEqual(["Transfer impact assessment missing", "Resolved", "", ""]);
    expect(pick(await csvOf(exportFlags(db, auditor, { state: "resolved", code: "unsafeguarded" }, "csv", 1)), ["Transfer id"])).toEqual([]);
  }, 30_000);

  // ------------------------------------------------------------ audit log

  it("audit log CSV: the page's filters, newest first, actions and record types in words", async () => {
    const moves = await csvOf(exportAudit(db, auditor, { action: "flag.move" }, "csv"));
    expect(moves[0]).toEqual(["Entry", "When (UTC)", "Actor", "Action", "Action code", "Record type", "Record id", "Before (JSON)", "After (JSON)"]);
    expect(pick(moves, ["Actor", "Action", "Action code", "Record type"])).toEqual([["dana@example.test", "Flag state changed", "flag.move", "Flag"]]);
    expect(JSON.parse(moves[1]![8]!)).toMatchObject({ state: "risk_accepted", justification: "TIA scheduled with the vendor" });

    const created = await csvOf(exportAudit(db, auditor, { entityType: "safeguard", action: "safeguard.create" }, "csv"));
    // Newest first: Old, Bluebird, Cumulus were created in that reverse order.
    expect(pick(created, ["Action", "Record type", "Record id"])).toEqual([
      ["Safeguard created", "Safeguard", ids.old],
      ["Safeguard created", "Safeguard", ids.bluebird],
      ["Safeguard created", "Safeguard", ids.cumulus],
    ]);
    expect(pick(await csvOf(exportAudit(db, auditor, { entityId: ids.old }, "csv")), ["Action"])).toEqual([["Safeguard archived"], ["Safeguard created"]]);
    expect(await csvOf(exportAudit(db, auditor, { from: "2099-01-01" }, "csv"))).toHaveLength(1); // the header only

    // Unfiltered, the first (newest) entry is this export's own audit row.
    const all = await csvOf(exportAudit(db, auditor, {}, "csv"));
    expect(pick(all, ["Actor", "Action", "Record type"])[0]).toEqual(["audrey@example.test", "Audit log exported", "Export"]);
    const ids_ = all.slice(1).map((r) => Number(r[0]));
    expect(ids_).toEqual([...ids_].sort((a, b) => b - a));
    // Keyset pages of two: every entry once.
    expect([...auditExportPages(db, { entityType: "safeguard" }, 2)].map((p) => p.length)).toEqual([2, 2]);
  });

  it("audit log XLSX opens with exceljs; each export is audited once with its filters; bad filters are refused before any audit row", async () => {
    const workbook = await workbookOf(exportAudit(db, auditor, { actor: "dana@example.test", action: "flag.assign" }, "xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["About", "Audit log"]);
    expect(pick(sheetRows(workbook.getWorksheet("Audit log")!), ["Actor", "Action", "Record type"])).toEqual([["dana@example.test", "Flag assigned", "Flag"]]);
    await bytesOf(exportSafeguards(db, auditor, { asOf: AS_OF }, "csv").body);
    await bytesOf(exportFlags(db, auditor, { asOf: AS_OF, severity: "error" }, "csv").body);

    const audit = exportAuditRows(db);
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["export.audit", "audrey@example.test"],
      ["export.safeguards", "audrey@example.test"],
      ["export.flags", "audrey@example.test"],
    ]);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ format: "xlsx", filters: { actor: "dana@example.test", action: "flag.assign" } });
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ format: "csv", asOf: AS_OF, rows: 2 });
    expect(JSON.parse(audit[2]!.after)).toMatchObject({ asOf: AS_OF, rows: 1, filters: { severity: "error" } });

    expect(() => exportSafeguards(db, auditor, { type: "nope" as never }, "csv")).toThrow(/The export's filters are not valid: type/);
    expect(() => exportFlags(db, auditor, { severity: "nope" as never }, "csv")).toThrow(/The export's filters are not valid: severity/);
    expect(() => exportAudit(db, auditor, { from: "2026-13-45" }, "csv")).toThrow(/The export's filters are not valid: from/);
    expect(exportAuditRows(db)).toHaveLength(3);
  }, 30_000);
});
