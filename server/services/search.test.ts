import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { archiveParty } from "./parties";
import { archiveSafeguard } from "./safeguards";
import { partiesByIds, safeguardsByIds, searchParties, searchSafeguards } from "./search";

const vendor = (db: Db, name: string, extra: Parameters<typeof insertParty>[1] = {}) => insertParty(db, { name, ...extra });

describe("party search (the pickers)", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("finds a party from three letters of its name, in any case, and from its id", () => {
    const stratus = vendor(db, "Stratus Hosting Ltd");
    vendor(db, "Nimbus Analytics");
    expect(searchParties(db, { q: "str" }).items.map((p) => p.id)).toEqual([stratus.id]);
    expect(searchParties(db, { q: "HOST" }).items.map((p) => p.name)).toEqual(["Stratus Hosting Ltd"]);
    expect(searchParties(db, { q: stratus.id }).items.map((p) => p.id)).toEqual([stratus.id]);
    expect(searchParties(db, { q: "zzz" }).items).toEqual([]);
  });

  it("returns what a picker shows: id, name, country, relationship and processing locations", () => {
    const p = vendor(db, "Lumen Analytics Inc.", { country: "US", processingLocations: ["US", "IE"] });
    expect(searchParties(db, { q: "lumen" }).items).toEqual([
      { id: p.id, name: "Lumen Analytics Inc.", country: "US", relationship: "service_provider", archived: false, processingLocations: ["IE", "US"] },
    ]);
  });

  it("treats % and _ as text, not as LIKE wildcards", () => {
    vendor(db, "Percent 50% Media");
    vendor(db, "Percent 500 Media");
    vendor(db, "Under_score Ltd");
    vendor(db, "Underxscore Ltd");
    expect(searchParties(db, { q: "50%" }).items.map((p) => p.name)).toEqual(["Percent 50% Media"]);
    expect(searchParties(db, { q: "r_s" }).items.map((p) => p.name)).toEqual(["Under_score Ltd"]);
  });

  it("puts names starting with the text first, then names with a word starting with it, each by name ignoring case", () => {
    vendor(db, "Alpha Norvale");
    vendor(db, "norvale GmbH");
    vendor(db, "Bravo Snorvale");
    vendor(db, "Norvale AG");
    expect(searchParties(db, { q: "norv" }).items.map((p) => p.name)).toEqual(["Norvale AG", "norvale GmbH", "Alpha Norvale", "Bravo Snorvale"]);
  });

  it("filters by relationship and leaves archived parties out unless asked", () => {
    const affiliate = insertAffiliate(db, "DE");
    const archived = vendor(db, "Affiliate Lookalike Ltd");
    archiveParty(db, SYSTEM_ACTOR, { id: archived.id, version: archived.version });
    expect(searchParties(db, { q: "affiliate", relationship: "affiliate" }).items.map((p) => p.id)).toEqual([affiliate.id]);
    expect(searchParties(db, { q: "lookalike" }).items).toEqual([]);
    expect(searchParties(db, { q: "lookalike", excludeArchived: false }).items.map((p) => [p.id, p.archived])).toEqual([[archived.id, true]]);
  });

  it("returns at most 20 per call and pages on with the cursor until the last page", () => {
    for (let i = 1; i <= 45; i++) vendor(db, `Paged Vendor ${String(i).padStart(2, "0")}`);
    const first = searchParties(db, { q: "paged" });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.name).toBe("Paged Vendor 01");
    expect(first.nextCursor).toBe(20);
    const second = searchParties(db, { q: "paged", cursor: first.nextCursor });
    expect(second.items[0]!.name).toBe("Paged Vendor 21");
    const third = searchParties(db, { q: "paged", cursor: second.nextCursor });
    expect(third.items.map((p) => p.name)).toEqual(["Paged Vendor 41", "Paged Vendor 42", "Paged Vendor 43", "Paged Vendor 44", "Paged Vendor 45"]);
    expect(third.nextCursor).toBeNull();
    expect(searchParties(db, { q: "paged", limit: 5 }).items).toHaveLength(5);
    expect(() => searchParties(db, { q: "paged", limit: 21 })).toThrow();
  });

  it("looks up chosen parties by id (archived included), in the order asked, at most 20", () => {
    const a = vendor(db, "Zeta Ltd");
    const b = vendor(db, "Alpha Ltd");
    archiveParty(db, SYSTEM_ACTOR, { id: b.id, version: b.version });
    expect(partiesByIds(db, { ids: [a.id, "nobody", b.id] }).map((p) => [p.name, p.archived])).toEqual([
      ["Zeta Ltd", false],
      ["Alpha Ltd", true],
    ]);
    expect(partiesByIds(db, { ids: [] })).toEqual([]);
    expect(() => partiesByIds(db, { ids: Array.from({ length: 21 }, (_, i) => `p${i}`) })).toThrow(/at most 20/);
  });
});

describe("safeguard search (the pickers)", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("by default offers what binds every chosen party; with includeUnbound also what names no party", () => {
    const exporter = insertAffiliate(db, "DE");
    const recipient = vendor(db, "Stratus Hosting");
    const other = vendor(db, "Other Vendor");
    const both = insertSafeguard(db, { title: "SCCs Both", partyIds: [exporter.id, recipient.id] });
    insertSafeguard(db, { title: "SCCs Exporter and other", partyIds: [exporter.id, other.id] });
    const derogation = insertSafeguard(db, { type: "derogation", title: "Derogation for events", derogationBasis: "49(1)(a)", justification: "Explicit consent", partyIds: [] });
    const ids = (r: { items: { id: string }[] }) => r.items.map((s) => s.id);
    expect(ids(searchSafeguards(db, { partyIds: [exporter.id, recipient.id] }))).toEqual([both.id]);
    expect(ids(searchSafeguards(db, { partyIds: [exporter.id, recipient.id], includeUnbound: true }))).toEqual([derogation.id, both.id]);
    expect(ids(searchSafeguards(db, {}))).toHaveLength(3);
    expect(ids(searchSafeguards(db, { q: "both", partyIds: [exporter.id] }))).toEqual([both.id]);
  });

  it("returns id, title, type and the parties it binds, the first 10 of a large BCR with their count", () => {
    const members = Array.from({ length: 12 }, (_, i) => insertAffiliate(db, i % 2 ? "FR" : "DE"));
    const bcr = insertSafeguard(db, {
      type: "bcr",
      title: "Group BCR-C",
      bcrVariant: "controller",
      approved: "2020-01-01",
      approvingAuthority: "CNIL",
      partyIds: members.map((m) => m.id),
    });
    const [option] = searchSafeguards(db, { q: "bcr" }).items;
    expect(option).toEqual({ id: bcr.id, title: "Group BCR-C", type: "bcr", archived: false, partyIds: members.slice(0, 10).map((m) => m.id), partyCount: 12 });
  });

  it("matches on id, escapes wildcards, leaves archived safeguards out and pages by 20", () => {
    const partyIds = [insertAffiliate(db).id, vendor(db, "Vendor").id];
    const pct = insertSafeguard(db, { title: "SCCs 100% coverage", partyIds });
    insertSafeguard(db, { title: "SCCs 1000 coverage", partyIds });
    expect(searchSafeguards(db, { q: "100%" }).items.map((s) => s.id)).toEqual([pct.id]);
    expect(searchSafeguards(db, { q: pct.id }).items[0]!.id).toBe(pct.id);
    const archived = insertSafeguard(db, { title: "SCCs Archived", partyIds });
    archiveSafeguard(db, SYSTEM_ACTOR, { id: archived.id, version: archived.version });
    expect(searchSafeguards(db, { q: "archived" }).items).toEqual([]);
    for (let i = 0; i < 25; i++) insertSafeguard(db, { title: `Paged SCCs ${i}`, partyIds });
    const first = searchSafeguards(db, { q: "paged", partyIds });
    expect(first.items).toHaveLength(20);
    expect(searchSafeguards(db, { q: "paged", partyIds, cursor: first.nextCursor }).items).toHaveLength(5);
  });

  it("looks up chosen safeguards by id, in the order asked", () => {
    const partyIds = [insertAffiliate(db).id, vendor(db, "Vendor").id];
    const a = insertSafeguard(db, { title: "SCCs A", partyIds });
    const b = insertSafeguard(db, { title: "SCCs B", partyIds });
    expect(safeguardsByIds(db, { ids: [b.id, a.id] }).map((s) => s.title)).toEqual(["SCCs B", "SCCs A"]);
  });
});
