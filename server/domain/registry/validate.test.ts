import countries from "i18n-iso-countries";
import { describe, expect, it } from "vitest";
import { ISO_ALPHA2_CODES } from "./iso-countries";
import { registryDocumentSchema } from "./schema";
import { validateRegistryDocument } from "./validate";

function createValidDocument() {
  return {
    format: "transfer-registry/v1",
    parties: [
      { id: "acme-de", name: "Acme GmbH", relationship: "affiliate", country: "DE", contactEmail: "dpo@acme.example" },
      { id: "cloudco", name: "CloudCo Inc.", relationship: "service_provider", country: "US",
        certifications: [{ framework: "dpf_eu", from: "2023-07-17", to: null }] },
    ],
    safeguards: [
      { id: "scc-cloudco", type: "scc", version: "2021/914", modules: [2], parties: ["acme-de", "cloudco"], signed: "2021-10-01", ended: null, ukAddendum: false, swissAdaptations: false },
      { id: "bcr-acme", type: "bcr", variant: "controller", approved: "2019-05-01", ended: null, members: ["acme-de"] },
      { id: "der-1", type: "derogation", basis: "49(1)(b)" },
    ],
    transfers: [
      { id: "crm", exporter: "acme-de", recipient: "cloudco", destination: "US", exporterRole: "controller", recipientRole: "processor",
        start: "2018-01-01", end: null, frequency: "continuous", safeguards: ["scc-cloudco"],
        tia: { completed: "2021-10-15", nextReview: "2023-10-15" }, purposes: ["it_hosting"] },
    ],
    generator: { name: "test" },
  };
}

type Doc = ReturnType<typeof createValidDocument>;

const invalidCases: { name: string; mutate: (d: Doc) => void; path: string; message: RegExp }[] = [
  { name: "wrong format", mutate: (d) => { d.format = "transfer-registry/v2"; }, path: "format", message: /transfer-registry\/v1/ },
  { name: "unknown recipient", mutate: (d) => { d.transfers[0]!.recipient = "nobody"; }, path: "transfers[0].recipient", message: /unknown party id "nobody"/ },
  { name: "unknown exporter", mutate: (d) => { d.transfers[0]!.exporter = "ghost"; }, path: "transfers[0].exporter", message: /unknown party/ },
  { name: "unknown safeguard", mutate: (d) => { d.transfers[0]!.safeguards = ["nope"]; }, path: "transfers[0].safeguards[0]", message: /unknown safeguard id/ },
  { name: "duplicate party id", mutate: (d) => { d.parties[1]!.id = "acme-de"; }, path: "parties[1].id", message: /duplicate party id/ },
  { name: "duplicate transfer id", mutate: (d) => { d.transfers.push({ ...d.transfers[0]! }); }, path: "transfers[1].id", message: /duplicate transfer id/ },
  { name: "duplicate safeguard id", mutate: (d) => { d.safeguards[2]!.id = "bcr-acme"; }, path: "safeguards[2].id", message: /duplicate safeguard id/ },
  { name: "party id with capitals", mutate: (d) => { d.parties[0]!.id = "Acme"; }, path: "parties[0].id", message: /a-z 0-9/ },
  { name: "impossible date", mutate: (d) => { d.transfers[0]!.start = "2021-02-30"; }, path: "transfers[0].start", message: /not a real date/ },
  { name: "malformed date", mutate: (d) => { d.transfers[0]!.start = "01/02/2021"; }, path: "transfers[0].start", message: /not a real date/ },
  { name: "end before start", mutate: (d) => { (d.transfers[0] as { end: string | null }).end = "2017-12-31"; }, path: "transfers[0].end", message: /before start/ },
  { name: "safeguard ended before signed", mutate: (d) => { (d.safeguards[0] as { ended: string | null }).ended = "2020-01-01"; }, path: "safeguards[0].ended", message: /before signed/ },
  { name: "certification to before from", mutate: (d) => { (d.parties[1]!.certifications![0] as { to: string | null }).to = "2023-01-01"; }, path: "parties[1].certifications[0].to", message: /before from/ },
  { name: "non-ISO country", mutate: (d) => { d.parties[0]!.country = "UK"; }, path: "parties[0].country", message: /ISO 3166-1/ },
  { name: "user-assigned XK is not ISO", mutate: (d) => { d.transfers[0]!.destination = "XK"; }, path: "transfers[0].destination", message: /ISO 3166-1/ },
  { name: "lower-case country", mutate: (d) => { d.transfers[0]!.destination = "us"; }, path: "transfers[0].destination", message: /ISO 3166-1/ },
  { name: "relationship outside the list", mutate: (d) => { d.parties[1]!.relationship = "vendor"; }, path: "parties[1].relationship", message: /not one of/ },
  { name: "framework outside the list", mutate: (d) => { d.parties[1]!.certifications![0]!.framework = "dpf_us"; }, path: "parties[1].certifications[0].framework", message: /not one of/ },
  { name: "role outside the list", mutate: (d) => { d.transfers[0]!.recipientRole = "joint_controller"; }, path: "transfers[0].recipientRole", message: /not one of/ },
  { name: "frequency outside the list", mutate: (d) => { d.transfers[0]!.frequency = "daily"; }, path: "transfers[0].frequency", message: /not one of/ },
  { name: "scc version outside the list", mutate: (d) => { d.safeguards[0]!.version = "2016/679"; }, path: "safeguards[0].version", message: /not one of/ },
  { name: "2021/914 without modules", mutate: (d) => { delete (d.safeguards[0] as { modules?: number[] }).modules; }, path: "safeguards[0].modules", message: /module/ },
  { name: "module 5", mutate: (d) => { d.safeguards[0]!.modules = [5]; }, path: "safeguards[0].modules[0]", message: /not one of/ },
  { name: "modules on an old SCC", mutate: (d) => { d.safeguards[0]!.version = "2010/87"; }, path: "safeguards[0].modules", message: /only for version 2021\/914/ },
  { name: "unknown SCC party", mutate: (d) => { d.safeguards[0]!.parties = ["acme-de", "x"]; }, path: "safeguards[0].parties[1]", message: /unknown party/ },
  { name: "unknown BCR member", mutate: (d) => { d.safeguards[1]!.members = ["acme-in"]; }, path: "safeguards[1].members[0]", message: /unknown party/ },
  { name: "derogation basis outside the list", mutate: (d) => { d.safeguards[2]!.basis = "49(1)(h)"; }, path: "safeguards[2].basis", message: /not one of/ },
  { name: "safeguard type outside the list", mutate: (d) => { d.safeguards[2]!.type = "consent"; }, path: "safeguards[2].type", message: /not one of/ },
  { name: "tia with a bad date", mutate: (d) => { d.transfers[0]!.tia!.completed = "2021-13-01"; }, path: "transfers[0].tia.completed", message: /not a real date/ },
  { name: "parties not an array", mutate: (d) => { (d as { parties: unknown }).parties = {}; }, path: "parties", message: /array/ },
  // The optional fields FORMAT.md adds (issue 9, point 7) are checked when present.
  { name: "certification coverage outside the list", mutate: (d) => { (d.parties[1]!.certifications![0] as Record<string, unknown>).coveredData = "all"; }, path: "parties[1].certifications[0].coveredData", message: /not one of: hr, non_hr, both/ },
  { name: "hrData not a boolean", mutate: (d) => { (d.transfers[0] as Record<string, unknown>).hrData = "yes"; }, path: "transfers[0].hrData", message: /true or false/ },
  { name: "specialCategory not a boolean", mutate: (d) => { (d.transfers[0] as Record<string, unknown>).specialCategory = 1; }, path: "transfers[0].specialCategory", message: /true or false/ },
  { name: "adequacyScope outside the list", mutate: (d) => { (d.transfers[0] as Record<string, unknown>).adequacyScope = "maybe"; }, path: "transfers[0].adequacyScope", message: /not one of: in, out, unknown/ },
  { name: "tia outcome outside the list", mutate: (d) => { (d.transfers[0]!.tia as Record<string, unknown>).outcome = "stop"; }, path: "transfers[0].tia.outcome", message: /not one of: proceed, proceed_with_measures, suspend/ },
  { name: "tia measures not text", mutate: (d) => { (d.transfers[0]!.tia as Record<string, unknown>).measuresTechnical = 3; }, path: "transfers[0].tia.measuresTechnical", message: /text/ },
  { name: "BCR approval by an unknown regime", mutate: (d) => { (d.safeguards[1] as Record<string, unknown>).approvals = [{ regime: "US", approved: "2019-05-01" }]; }, path: "safeguards[1].approvals[0].regime", message: /not one of: EU, UK, CH/ },
  { name: "BCR approval without a date", mutate: (d) => { (d.safeguards[1] as Record<string, unknown>).approvals = [{ regime: "UK" }]; }, path: "safeguards[1].approvals[0].approved", message: /date/ },
  { name: "organisation destination without an id", mutate: (d) => { d.transfers[0]!.destination = "org:"; }, path: "transfers[0].destination", message: /org:ID/ },
  { name: "derogation ground outside both lists", mutate: (d) => { d.safeguards[2]!.basis = "17(1)(g)"; }, path: "safeguards[2].basis", message: /not one of/ },
];

describe("validateRegistryDocument", () => {
  it("accepts a valid document and returns the same object, so extra fields round-trip", () => {
    const doc = createValidDocument();
    const text = JSON.stringify(doc);
    const result = validateRegistryDocument(JSON.parse(text));
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.document)).toBe(text);
  });

  it.each(invalidCases)("rejects $name at $path", ({ mutate, path, message }) => {
    const doc = createValidDocument();
    mutate(doc);
    const result = validateRegistryDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const error = result.errors.find((e) => e.path === path);
      expect(error, JSON.stringify(result.errors)).toBeDefined();
      expect(error!.message).toMatch(message);
    }
  });

  it("reports every error, not just the first", () => {
    const doc = createValidDocument();
    doc.transfers[0]!.recipient = "nobody";
    doc.parties[0]!.country = "XX";
    doc.transfers[0]!.start = "2021-02-29";
    const result = validateRegistryDocument(doc);
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual(["parties[0].country", "transfers[0].recipient", "transfers[0].start"]);
  });

  it("rejects non-objects at the root", () => {
    expect(validateRegistryDocument([])).toEqual({ ok: false, errors: [{ path: "$", message: "the document must be a JSON object" }] });
  });

  it("agrees with the zod schema on the valid document and keeps extra fields there too", () => {
    const doc = createValidDocument();
    const parsed = registryDocumentSchema.parse(doc);
    expect(parsed).toEqual(doc);
  });

  it("the zod schema rejects what the validator rejects field by field", () => {
    for (const c of invalidCases.filter((x) => !/unknown|duplicate/.test(x.name))) {
      const doc = createValidDocument();
      c.mutate(doc);
      expect(registryDocumentSchema.safeParse(doc).success, c.name).toBe(false);
    }
  });
});

describe("the optional fields of FORMAT.md", () => {
  /** Every field issue 9 adds, on a document that is otherwise the v1 example. */
  function createExtendedDocument() {
    const doc = createValidDocument() as unknown as Record<string, unknown> & ReturnType<typeof createValidDocument>;
    Object.assign(doc.parties[1]!.certifications![0]!, { coveredData: "non_hr" });
    Object.assign(doc.safeguards[1]!, { approvals: [{ regime: "EU", authority: "CNIL", approved: "2019-05-01" }, { regime: "UK", approved: "2022-06-01" }] });
    doc.safeguards.push(
      { id: "der-ch", type: "derogation", basis: "17(1)(e)" } as never,
      { id: "scc-2002", type: "scc", version: "2002/16", parties: ["acme-de", "cloudco"], signed: "2005-01-01", ended: null } as never,
    );
    Object.assign(doc.transfers[0]!, { hrData: true, adequacyScope: "unknown", specialCategory: false });
    Object.assign(doc.transfers[0]!.tia!, { outcome: "proceed_with_measures", measuresTechnical: "encryption", measuresContractual: null });
    doc.transfers.push({ ...doc.transfers[0]!, id: "epo", destination: "org:EPO", safeguards: [] });
    return doc;
  }

  it("a document with every added field validates, with the validator and the zod schema, and is returned untouched", () => {
    const doc = createExtendedDocument();
    const text = JSON.stringify(doc);
    const result = validateRegistryDocument(JSON.parse(text));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(JSON.stringify(result.document)).toBe(text);
    expect(registryDocumentSchema.parse(JSON.parse(text))).toEqual(doc);
  });

  it("the zod schema rejects what the validator rejects in the added fields", () => {
    for (const c of invalidCases.filter((x) => /coverage|hrData|specialCategory|adequacyScope|tia outcome|BCR approval|organisation|ground/.test(x.name))) {
      const doc = createValidDocument();
      c.mutate(doc);
      expect(registryDocumentSchema.safeParse(doc).success, c.name).toBe(false);
    }
  });
});

describe("ISO 3166-1 alpha-2 list", () => {
  it("matches i18n-iso-countries without the user-assigned XK", () => {
    const reference = Object.keys(countries.getAlpha2Codes()).filter((c) => c !== "XK").sort();
    expect([...ISO_ALPHA2_CODES].sort()).toEqual(reference);
    expect(ISO_ALPHA2_CODES).toHaveLength(249);
  });
});
