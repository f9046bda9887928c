/**
 * Bulk CSV import of parties (issue 11, item 5): row problems in the preview, duplicates within the file and
 * against the registry, valid rows applied in one transaction with one audit row of the import, all or
 * nothing, and the remembered mapping.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty, insertUser } from "@/server/testing/factories";
import { createTestDb } from "@/db/testing";
import type { Actor } from "@/server/auth/actor";
import { listParties } from "./parties";
import { applyPartyImport, getPartyImportMapping, previewPartyImport } from "./party-import";

const MAPPING = { name: "Vendor", relationship: "Type", country: "Country", serviceCategory: "Category", contactEmail: "Email" };
const CSV = [
  "Vendor,Type,Country,Category,Email",
  "Nimbus Mail Inc.,Service provider,US,Marketing,privacy@nimbus.example", // row 2: fine
  ",Service provider,US,Marketing,", // row 3: missing name
  "Kite Analytics,Service provider,Atlantis,Analytics,", // row 4: unknown country
  "Quill & Partners,Friend,GB,,", // row 5: bad relationship
  "Stratus Hosting GmbH,Service provider,DE,IT hosting,", // row 6: duplicate of the existing "Stratus Hosting" (DE)
  "NIMBUS MAIL,service_provider,us,marketing,", // row 7: duplicate of row 2
  "Halden Legal LLP,Professional adviser,GB,,", // row 8: the form requires the adviser type
  "Orbit Payments Ltd,Service provider,Ireland,Payment,not-an-email", // row 9: the form's e-mail check
  "Fennel Reseller B.V.,Reseller,Netherlands,,", // row 10: fine
].join("\r\n");

const partyCount = (db: Db) => (db.$client.prepare("SELECT count(*) AS n FROM party").get() as { n: number }).n;
const importAudits = (db: Db) => db.$client.prepare("SELECT action, entity_type AS entityType, after FROM audit_log WHERE action = 'party.import'").all() as { action: string; entityType: string; after: string }[];

describe("bulk CSV import of parties", () => {
  let db: Db;
  let actor: Actor;
  beforeEach(() => {
    db = createTestDb();
    const user = insertUser(db, "procurement");
    actor = { kind: "user", ...user, role: "procurement" };
    insertParty(db, { name: "Stratus Hosting", country: "DE", processingLocations: ["DE"] });
  });

  it("previews every row's problems and writes nothing", () => {
    const before = partyCount(db);
    const preview = previewPartyImport(db, actor, { csv: CSV, mapping: MAPPING, fileName: "vendors.csv" });
    expect(preview.totalRows).toBe(9);
    expect(preview.validRows).toBe(2);
    const byRow = Object.fromEntries(preview.problemRows.map((r) => [r.row, r.problems]));
    expect(Object.keys(byRow).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byRow[3]).toEqual(["Missing name."]);
    expect(byRow[4]).toEqual(['Unknown country "Atlantis": use an ISO code such as DE or an English name such as Germany.']);
    expect(byRow[5]![0]).toMatch(/^Bad relationship "Friend"/);
    expect(byRow[6]![0]).toMatch(/^Likely duplicate of the existing party "Stratus Hosting" \(stratus-hosting\)/);
    expect(byRow[7]).toEqual(["Likely duplicate of row 2 (same name and country)."]);
    expect(byRow[8]).toEqual(["Choose the kind of professional adviser."]);
    expect(byRow[9]).toEqual(["Enter a valid e-mail address."]);
    expect(partyCount(db)).toBe(before);
    expect(importAudits(db)).toEqual([]);
  });

  it("applies the valid rows in one transaction, with one audit row recording each row", () => {
    const before = partyCount(db);
    const result = applyPartyImport(db, actor, { csv: CSV, mapping: MAPPING, fileName: "vendors.csv" });
    expect(result).toMatchObject({ created: 2, skipped: 7 });
    expect(partyCount(db)).toBe(before + 2);
    const nimbus = listParties(db, { search: "Nimbus" }).items;
    expect(nimbus.map((p) => [p.name, p.country, p.relationship, p.processingLocations])).toEqual([["Nimbus Mail Inc.", "US", "service_provider", ["US"]]]);
    const audits = importAudits(db);
    expect(audits.length).toBe(1);
    const after = JSON.parse(audits[0]!.after) as { fileName: string; created: number; skipped: number; rows: [number, string | null, string[]?][] };
    expect(after).toMatchObject({ fileName: "vendors.csv", created: 2, skipped: 7 });
    expect(after.rows.length).toBe(9);
    expect(after.rows[0]).toEqual([2, nimbus[0]!.id]);
    expect(after.rows[1]).toEqual([3, null, ["Missing name."]]);
    // Each new party also has its own creation row, as from the form.
    expect((db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'party.create' AND actor_email = ?").get(actor.email) as { n: number }).n).toBe(2);
  });

  it("with all or nothing, a file with a bad row writes nothing", () => {
    const before = partyCount(db);
    expect(() => applyPartyImport(db, actor, { csv: CSV, mapping: MAPPING, allOrNothing: true })).toThrow("Nothing was imported: 7 of 9 rows have problems (all or nothing was chosen).");
    expect(partyCount(db)).toBe(before);
    expect(importAudits(db)).toEqual([]);
    // The same choice with a clean file imports it all.
    const clean = ["Vendor,Type,Country", "Able Co,affiliate,FR", "Baker SAS,Reseller,France"].join("\n");
    expect(applyPartyImport(db, actor, { csv: clean, mapping: { name: "Vendor", relationship: "Type", country: "Country" }, allOrNothing: true }).created).toBe(2);
    expect(partyCount(db)).toBe(before + 2);
  });

  it("refuses a file without the required columns or with a column it does not have, clearly", () => {
    expect(() => previewPartyImport(db, actor, { csv: CSV, mapping: { name: "Vendor" } })).toThrow("Map a column to relationship, country of establishment: every party needs it.");
    expect(() => previewPartyImport(db, actor, { csv: CSV, mapping: { ...MAPPING, website: "Homepage" } })).toThrow('The file has no column "Homepage".');
    expect(() => previewPartyImport(db, actor, { csv: "", mapping: MAPPING })).toThrow("The file is empty: the first row must name the columns.");
  });

  it("remembers the user's mapping", () => {
    expect(getPartyImportMapping(db, actor.kind === "user" ? actor.id : "")).toEqual({});
    previewPartyImport(db, actor, { csv: CSV, mapping: MAPPING });
    expect(getPartyImportMapping(db, actor.kind === "user" ? actor.id : "")).toEqual(MAPPING);
  });
});
