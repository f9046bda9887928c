/**
 * The register exports (issue 11, item 4): the XLSX opens with exceljs's reader and holds the rows and
 * verdicts of the data made here; the CSV's columns; filters and keyset paging; one audit row per export.
 * Expected verdicts follow the README's rules: a DE controller → US processor transfer with nothing is
 * `unsafeguarded` (EU regime); with 2021/914 SCCs module 2 signed by both and no TIA it is `safeguarded`
 * with a "Transfer impact assessment missing" issue; to a Swiss recipient it is `adequate` (EU decision on
 * Switzerland).
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard, insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import type { Actor } from "@/server/auth/actor";
import { archiveTransfer } from "./transfers";
import { exportParties, exportTransfers, partyExportPages, transferExportPages } from "./exports";
import { SYSTEM_ACTOR } from "@/server/auth/actor";

const AS_OF = "2026-06-01";
const ACTOR: Actor = { kind: "user", id: "u-auditor", email: "auditor@example.test", name: "Audrey", role: "auditor" };

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function csvRows(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff); // a byte-order mark, so spreadsheet programs read UTF-8
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const auditRows = (db: Db) => db.$client.prepare("SELECT action, entity_type AS entityType, entity_id AS entityId, actor_email AS actorEmail, after FROM audit_log WHERE action LIKE 'export.%' ORDER BY id").all() as { action: string; entityType: string; entityId: string; actorEmail: string; after: string }[];

describe("register exports", () => {
  let db: Db;
  let ids: { unsafe: string; scc: string; swiss: string; archived: string };
  beforeEach(() => {
    db = createTestDb();
    const exporter = insertAffiliate(db, "DE");
    const us = insertParty(db, { name: "Cumulus Cloud Inc.", country: "US", processingLocations: ["US"] });
    const us2 = insertParty(db, { name: "=HYPERLINK(\"x\") Mail LLC", country: "US", processingLocations: ["US"] });
    const ch = insertParty(db, { name: "Alpenrechen AG", country: "CH", processingLocations: ["CH"] });
    const unsafe = insertTransfer(db, { exporterId: exporter.id, recipientId: us2.id, destination: "US" });
    const sccDoc = insertSafeguard(db, { title: "Cumulus SCCs", partyIds: [exporter.id, us.id], modules: [2], signed: "2022-01-01" });
    const scc = insertTransfer(db, { exporterId: exporter.id, recipientId: us.id, destination: "US", safeguardIds: [sccDoc.id] });
    const swiss = insertTransfer(db, { exporterId: exporter.id, recipientId: ch.id, destination: "CH" });
    const old = insertTransfer(db, { exporterId: exporter.id, recipientId: us.id, destination: "US" });
    archiveTransfer(db, SYSTEM_ACTOR, { id: old.id, version: old.version });
    ids = { unsafe: unsafe.id, scc: scc.id, swiss: swiss.id, archived: old.id };
  });

  it("writes the transfers with their verdicts to an XLSX that exceljs reads back, with an Art. 30 first sheet", async () => {
    const file = exportTransfers(db, ACTOR, { asOf: AS_OF, sort: "id", dir: "asc" }, "xlsx");
    expect(file.fileName).toBe(`transfers-${AS_OF}.xlsx`);
    expect(file.rows).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(file.body)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["About", "Transfers"]);
    const about = workbook.getWorksheet("About")!;
    expect(String(about.getCell("A1").value)).toBe("Record of transfers to third countries and international organisations");
    expect(String(about.getCell("A2").value)).toContain("GDPR Art. 30(1)(e) (controller) and Art. 30(2)(c) (processor)");
    expect(String(about.getCell("A3").value)).toContain(`Verdicts as of ${AS_OF}`);

    const sheet = workbook.getWorksheet("Transfers")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(col("Status")).toBeGreaterThan(0);
    const rows = new Map<string, ExcelJS.Row>();
    for (let i = 2; i <= sheet.rowCount; i++) rows.set(String(sheet.getRow(i).getCell(1).value), sheet.getRow(i));
    // The archived transfer is not in the default (active) selection.
    expect([...rows.keys()].sort()).toEqual([ids.scc, ids.swiss, ids.unsafe].sort());
    expect(rows.has(ids.archived)).toBe(false);
    const cell = (id: string, name: string) => String(rows.get(id)!.getCell(col(name)).value ?? "");

    expect(cell(ids.unsafe, "Status")).toBe("Unsafeguarded");
    expect(cell(ids.unsafe, "Regime")).toBe("EU/EEA GDPR");
    expect(cell(ids.unsafe, "Destination (third country or organisation)")).toBe("United States of America (US)");
    expect(cell(ids.unsafe, "Recipient")).toBe('=HYPERLINK("x") Mail LLC'); // a string cell, never a formula
    expect(rows.get(ids.unsafe)!.getCell(col("Recipient")).type).toBe(ExcelJS.ValueType.String);

    expect(cell(ids.scc, "Status")).toBe("Safeguarded");
    expect(cell(ids.scc, "Mechanism")).toBe("Standard contractual clauses");
    expect(cell(ids.scc, "Safeguards relied on")).toMatch(/^Cumulus SCCs \(.+\)$/);
    expect(cell(ids.scc, "Issues")).toContain("Transfer impact assessment missing");
    expect(cell(ids.scc, "Roles")).toBe("Controller to processor");

    expect(cell(ids.swiss, "Status")).toBe("Adequate");
    expect(cell(ids.swiss, "Mechanism")).toBe("Adequacy decision");
    expect(cell(ids.swiss, "Recipient country")).toBe("Switzerland");
  }, 30_000);

  it("writes the CSV columns in order, exports exactly the filtered selection, and escapes formulas", async () => {
    const file = exportTransfers(db, ACTOR, { asOf: AS_OF, status: "unsafeguarded" }, "csv");
    const rows = csvRows((await bytesOf(file.body)).toString("utf8"));
    expect(rows[0]).toEqual([
      "Transfer id",
      "Exporter",
      "Exporter id",
      "Exporter country",
      "Recipient",
      "Recipient id",
      "Recipient country",
      "Destination (third country or organisation)",
      "Roles",
      "Frequency",
      "Start",
      "End",
      "Status",
      "Regime",
      "Mechanism",
      "Mechanism reference",
      "Safeguards relied on",
      "Issues",
      "Archived on",
    ]);
    expect(rows.length).toBe(2);
    expect(rows[1]![0]).toBe(ids.unsafe);
    expect(rows[1]![4]).toBe("'=HYPERLINK(\"x\") Mail LLC");
    expect(rows[1]![12]).toBe("Unsafeguarded");

    const archived = csvRows((await bytesOf(exportTransfers(db, ACTOR, { asOf: AS_OF, archived: "archived" }, "csv").body)).toString("utf8"));
    expect(archived.slice(1).map((r) => [r[0], r[12]])).toEqual([[ids.archived, "Archived"]]);
  });

  it("pages with a keyset in the list's order: every row once, across page boundaries", () => {
    const all = [...transferExportPages(db, { asOf: AS_OF, archived: "all", sort: "status", dir: "desc" }, 1)];
    expect(all.map((p) => p.length)).toEqual([1, 1, 1, 1]);
    // Worst first (unsafeguarded, safeguarded, adequate), archived (no verdict) last.
    expect(all.flat().map((r) => r.id)).toEqual([ids.unsafe, ids.scc, ids.swiss, ids.archived]);
    const byName = [...partyExportPages(db, { sort: "name", dir: "asc" }, undefined, 2)].flat().map((p) => p.name);
    expect(byName.length).toBe(4);
    expect(byName[0]).toBe('=HYPERLINK("x") Mail LLC');
    expect(byName[1]).toMatch(/^Affiliate DE /);
    expect(byName.slice(2)).toEqual(["Alpenrechen AG", "Cumulus Cloud Inc."]);
  });

  it("exports the filtered parties without contacts or notes, and audits each export once", async () => {
    const file = exportParties(db, ACTOR, { country: "CH" }, AS_OF, "csv");
    const rows = csvRows((await bytesOf(file.body)).toString("utf8"));
    expect(rows[0]).toEqual([
      "Party id",
      "Name",
      "Relationship",
      "Service category",
      "Adviser type",
      "Country of establishment",
      "Processing locations",
      "Registration number",
      "Website",
      "CCPA role",
      "Worst transfer status",
      "Archived on",
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[5], r[10]])).toEqual([["Alpenrechen AG", "Switzerland", "Adequate"]]);

    const xlsx = exportParties(db, ACTOR, {}, AS_OF, "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(xlsx.body)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Parties")!.rowCount).toBe(1 + 4);

    const audit = auditRows(db);
    expect(audit.map((a) => [a.action, a.entityType, a.entityId, a.actorEmail])).toEqual([
      ["export.parties", "export", `parties-${AS_OF}.csv`, "auditor@example.test"],
      ["export.parties", "export", `parties-${AS_OF}.xlsx`, "auditor@example.test"],
    ]);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ format: "csv", asOf: AS_OF, rows: 1, filters: { country: "CH" } });
  });

  it("refuses filters the list would refuse, with a clear message and no audit row", () => {
    expect(() => exportTransfers(db, ACTOR, { status: "nope" as never }, "csv")).toThrow(/The export's filters are not valid: status/);
    expect(auditRows(db)).toEqual([]);
  });
});
