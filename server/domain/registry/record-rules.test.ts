/**
 * The record rules, pure. The SCC signing dates are those of db/reference/regulatory-facts.md §6 (SCC-TRANS-1:
 * old SCCs for new contracts, last day 2021-09-26 in the EU; CH-OLDSCC: Swiss new contracts not after 2021-09-27) and
 * §3b (UK: old SCCs for new contracts until 2022-09-21), checked against the reference knowledge base the app seeds.
 */
import { describe, expect, it } from "vitest";
import { getReferenceKnowledgeBase } from "@/server/cli/check";
import {
  certificationRules,
  fieldErrors,
  partyRules,
  safeguardArchiveRules,
  safeguardRules,
  sccSigningRules,
  tiaRules,
  transferRules,
  type PartyFacts,
} from "./record-rules";

const ckb = getReferenceKnowledgeBase();

const affiliate = (country: string, id = `aff-${country.toLowerCase()}`): PartyFacts => ({ id, name: `Acme ${country}`, relationship: "affiliate", country, processingLocations: [country] });
const vendor: PartyFacts = { id: "cloudco", name: "CloudCo Inc.", relationship: "service_provider", country: "US", processingLocations: ["US", "IE"] };

const transfer = (over: Partial<Parameters<typeof transferRules>[0]> = {}) => ({
  exporterId: "aff-de",
  recipientId: "cloudco",
  destination: "US",
  dataCategories: [],
  purposes: [],
  safeguardIds: [],
  ...over,
});

describe("transferRules", () => {
  it("accepts an affiliate exporting to one of the recipient's processing locations", () => {
    expect(transferRules(transfer({ destination: "IE" }), { exporter: affiliate("DE"), recipient: vendor })).toEqual([]);
  });

  it("refuses an exporter that is not one of the group's affiliates", () => {
    const v = transferRules(transfer({ exporterId: "cloudco" }), { exporter: vendor, recipient: vendor });
    expect(fieldErrors(v)).toEqual({ exporterId: "The exporter must be one of the group's affiliates." });
  });

  it("refuses a destination outside the recipient's processing locations, naming them", () => {
    const v = transferRules(transfer({ destination: "IN" }), { exporter: affiliate("DE"), recipient: vendor });
    expect(v.map((x) => x.field)).toEqual(["destination"]);
    expect(v[0]!.message).toBe("CloudCo Inc. does not process data in IN: choose one of its processing locations (US, IE), or add the country to the party first.");
  });

  it("takes the recipient's country when it records no processing locations", () => {
    const bare = { ...vendor, processingLocations: [] };
    expect(transferRules(transfer({ destination: "US" }), { exporter: affiliate("DE"), recipient: bare })).toEqual([]);
    expect(transferRules(transfer({ destination: "IE" }), { exporter: affiliate("DE"), recipient: bare }).map((x) => x.field)).toEqual(["destination"]);
  });

  it("reports unknown parties and unknown ids, each at its field", () => {
    const v = transferRules(transfer({ dataCategories: ["contact", "nope"], purposes: ["x"], safeguardIds: ["sg-1"] }), {
      exporter: undefined,
      recipient: undefined,
      knownDataCategories: new Set(["contact"]),
      knownPurposes: new Set(),
      knownSafeguards: new Set(),
    });
    expect(fieldErrors(v)).toEqual({
      exporterId: 'Unknown party "aff-de".',
      recipientId: 'Unknown party "cloudco".',
      dataCategories: "Unknown data categories: nope.",
      purposes: "Unknown purposes: x.",
      safeguardIds: "Unknown safeguards: sg-1.",
    });
  });
});

describe("sccSigningRules (windows from the knowledge base)", () => {
  const scc = (sccVersion: string, signed: string) => ({ type: "scc", sccVersion, signed });

  it.each([
    ["2010/87", "DE", "2021-09-26", true],
    ["2010/87", "DE", "2021-09-27", false],
    ["2010/87", "DE", "2024-03-01", false],
    ["2004/915", "FR", "2021-09-27", false],
    ["2001/497", "FR", "2021-09-26", true],
    ["2010/87", "CH", "2021-09-27", true],
    ["2010/87", "CH", "2021-09-28", false],
    ["2010/87", "GB", "2022-09-21", true],
    ["2010/87", "GB", "2022-09-22", false],
    ["2021/914", "DE", "2024-03-01", true],
  ] as const)("SCCs %s signed by an exporter in %s on %s: accepted %s", (version, country, signed, ok) => {
    const v = sccSigningRules(scc(version, signed), [affiliate(country), vendor], ckb);
    expect(v.length === 0).toBe(ok);
    if (!ok) expect(v[0]!.field).toBe("signed");
  });

  it("says why: the last day, the regime and the exporter", () => {
    const [v] = sccSigningRules(scc("2010/87", "2024-03-01"), [vendor, affiliate("DE")], ckb);
    expect(v!.message).toContain("could not be signed after 2021-09-26 under the EU regime (Acme DE is established in DE)");
  });

  it("refuses a set the exporter's regime never recognised (2002/16 is an EU-only set) at the version", () => {
    const v = sccSigningRules(scc("2002/16", "2009-01-01"), [affiliate("CH")], ckb);
    expect(v.map((x) => x.field)).toEqual(["sccVersion"]);
  });

  it("checks nothing for other types, or without a date or a signer under a regime", () => {
    expect(sccSigningRules({ type: "uk_idta", sccVersion: null, signed: "2024-03-01" }, [affiliate("GB")], ckb)).toEqual([]);
    expect(sccSigningRules(scc("2010/87", ""), [affiliate("DE")], ckb)).toEqual([]);
    expect(sccSigningRules(scc("2010/87", "2024-03-01"), [vendor], ckb)).toEqual([]);
  });
});

describe("safeguardRules", () => {
  const record = { type: "scc", sccVersion: "2021/914", signed: "2022-01-10", partyIds: ["aff-de", "cloudco"], archivedAt: null as string | null };
  const ctx = { ckb, parties: [affiliate("DE"), vendor], before: { type: "scc", archivedAt: null }, relyingTransfers: [] as { id: string; archived: boolean }[] };

  it("refuses archiving what live transfers rely on; archived ones do not count", () => {
    const archiving = { ...record, archivedAt: "2026-11-30T00:00:00.000Z" };
    expect(safeguardRules(archiving, { ...ctx, relyingTransfers: [{ id: "crm", archived: true }] })).toEqual([]);
    const v = safeguardRules(archiving, { ...ctx, relyingTransfers: [{ id: "crm", archived: false }, { id: "old", archived: true }] });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ field: "archivedAt", kind: "conflict" });
    expect(v[0]!.message).toBe("1 active transfer(s) rely on this safeguard (crm). Record its end date instead, or remove it from those transfers first.");
  });

  it("judges an archived safeguard only by the act of archiving: one arriving archived, or already archived, is history", () => {
    const legacy = { ...record, sccVersion: "2010/87", signed: "2024-03-01", archivedAt: "2025-01-01T00:00:00.000Z" };
    expect(safeguardRules(legacy, { ...ctx, before: null, relyingTransfers: [{ id: "crm", archived: false }] })).toEqual([]);
    expect(safeguardRules({ ...legacy, archivedAt: null }, { ...ctx, before: null }).map((x) => x.field)).toEqual(["signed"]);
  });

  it("does not re-check a safeguard that was already archived", () => {
    const archived = { ...record, archivedAt: "2025-01-01T00:00:00.000Z" };
    expect(safeguardRules(archived, { ...ctx, before: { type: "scc", archivedAt: "2025-01-01T00:00:00.000Z" }, relyingTransfers: [{ id: "crm", archived: false }] })).toEqual([]);
  });

  it("refuses changing the type of a safeguard transfers rely on", () => {
    const v = safeguardRules({ ...record, type: "uk_idta", sccVersion: null }, { ...ctx, relyingTransfers: [{ id: "crm", archived: true }] });
    expect(fieldErrors(v)).toEqual({ type: "Transfers rely on this safeguard; its type cannot change." });
    expect(safeguardRules({ ...record, type: "uk_idta", sccVersion: null }, ctx)).toEqual([]);
  });

  it("lists at most five relying transfers", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `t${i}`, archived: false }));
    expect(safeguardArchiveRules(many)[0]!.message).toContain("7 active transfer(s) rely on this safeguard (t0, t1, t2, t3, t4, …)");
  });
});

describe("certificationRules, partyRules, tiaRules", () => {
  it("one certification per party, framework and start date (the record itself does not count)", () => {
    const others = [{ id: "c1", framework: "dpf_eu", from: "2023-07-17" }];
    expect(certificationRules({ id: "c1", framework: "dpf_eu", from: "2023-07-17" }, { partyCertifications: others })).toEqual([]);
    expect(certificationRules({ framework: "dpf_eu", from: "2023-07-18" }, { partyCertifications: others })).toEqual([]);
    const v = certificationRules({ framework: "dpf_eu", from: "2023-07-17" }, { partyCertifications: others });
    expect(v[0]).toMatchObject({ field: "from", kind: "conflict", summary: "This party already has a dpf_eu certification from 2023-07-17." });
  });

  const party = { relationship: "service_provider", country: "US", processingLocations: ["US", "IE"], dataCategories: ["contact"] };
  const known = new Set(["contact"]);

  it("a party's data categories are known ones", () => {
    expect(partyRules(party, { knownDataCategories: known })).toEqual([]);
    expect(fieldErrors(partyRules({ ...party, dataCategories: ["contact", "x"] }, { knownDataCategories: known }))).toEqual({ dataCategories: "Unknown data categories: x." });
  });

  it("a party live transfers export from stays an affiliate", () => {
    const dependents = { exporting: ["t1", "t2"], receiving: [] };
    expect(partyRules({ ...party, relationship: "affiliate" }, { knownDataCategories: known, dependents })).toEqual([]);
    const v = partyRules(party, { knownDataCategories: known, dependents });
    expect(v.map((x) => x.field)).toEqual(["relationship"]);
    expect(v[0]!.message).toMatch(/^2 active transfer\(s\) export from this party \(t1, t2\): an exporter must be one of the group's affiliates\./);
  });

  it("the destinations of live transfers to a party stay among its processing locations or its country", () => {
    const dependents = { exporting: [], receiving: [{ id: "t1", destination: "IE" }, { id: "t2", destination: "US" }] };
    expect(partyRules(party, { knownDataCategories: known, dependents })).toEqual([]);
    // US stays covered as the party's country; IE is lost.
    const v = partyRules({ ...party, processingLocations: ["US"] }, { knownDataCategories: known, dependents });
    expect(fieldErrors(v)).toEqual({
      processingLocations: "Active transfers send data to this party in IE (t1): keep that country among its processing locations, or change those transfers first.",
    });
    expect(partyRules({ ...party, processingLocations: ["US"] }, { knownDataCategories: known })).toEqual([]);
  });

  it("an assessment is not completed after today", () => {
    expect(tiaRules({ completed: "2026-11-30" }, { today: "2026-11-30" })).toEqual([]);
    expect(tiaRules({ completed: "2026-12-01" }, { today: "2026-11-30" })).toEqual([
      { field: "completed", message: "Enter a date on or before 2026-11-30.", summary: "An assessment cannot be completed in the future.", kind: "invalid" },
    ]);
  });
});
