/**
 * The round trip as a property (issue "One write path per record", item 3): for 200 random registries — every
 * safeguard type, certifications, TIAs, optional fields present or absent, names in any script, unknown extra
 * fields — importing the document into an empty database, exporting it, and importing that export into a second
 * empty database gives the same registry: the two exports are byte for byte identical, and re-importing either
 * into its own database is no change. A failure names the seed, so it can be replayed alone.
 */
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import type { RegistryDocument, RegistryParty, RegistrySafeguard, RegistryTransfer } from "@/server/domain/registry";
import { applyRegistryImport, exportRegistryFile, previewRegistryImport } from "./registry-import";

const REGISTRIES = 200;
const EXPORT_DATE = "2026-11-29";

/** mulberry32: a small, well-known seeded PRNG, so every registry is reproducible from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  const subset = <T,>(items: readonly T[], min = 0): T[] => {
    const out = items.filter(() => chance(0.4));
    return out.length >= min ? out : items.slice(0, min);
  };
  const date = (from: string, to: string) => {
    const a0 = Date.parse(`${from}T00:00:00Z`);
    const b0 = Date.parse(`${to}T00:00:00Z`);
    return new Date(a0 + int(0, Math.round((b0 - a0) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
  };
  return { next, int, pick, chance, subset, date };
}
type Rng = ReturnType<typeof prng>;

// Values the format and the seeded catalogues accept (server/domain/registry/FORMAT.md; db/seed data).
const EEA = ["DE", "FR", "BE", "NL", "IE", "IT", "ES", "PL", "SE", "AT", "NO", "IS", "LI"];
const ELSEWHERE = ["US", "GB", "CH", "JP", "CA", "IN", "BR", "KR", "IL", "NZ", "AR", "SG", "CN", "RE", "AX", "GI", "JE", "SJ"];
const RECIPIENT_RELATIONSHIPS = ["service_provider", "reseller", "advertising_partner", "professional_adviser", "other"] as const;
const SERVICE_CATEGORIES = ["analytics", "customer_support", "it_hosting", "marketing", "other", "payment"];
const ADVISER_TYPES = ["accountant", "attorney", "consultant"];
const CCPA_ROLES = ["contractor", "service_provider", "third_party"];
const DATA_CATEGORIES = ["contact", "health_via_hcp", "online_identifiers", "organisation_billing", "social_media", "user_generated_content"];
const PURPOSES = ["advertising", "customer_support", "fraud_prevention", "fulfil_transactions", "it_hosting", "legal_compliance", "security"];
const SUBJECTS = ["customers", "employees", "prospects", "website_visitors"];
const NAME_PARTS = ["Kestrel", "Nordlicht", "Ångström", "Łódź Data", "Société Générale de Calcul", "東京クラウド", "Δέλτα", "O'Brien & Söhne", "<b>Bold</b> Ltd", "Zoë \"Quoted\"", "Emoji 🚀", "Ω-Systems"];
const NOTES = ["", "Renewed yearly.", "Line one\nline two", "Tab\there", "Ünïcödé ✓", "<script>alert(1)</script>", "a".repeat(4_000)];
const CERT_WINDOWS = {
  safe_harbor_eu: ["2001-01-01", "2015-10-05"],
  safe_harbor_ch: ["2009-02-09", "2015-10-05"],
  privacy_shield_eu: ["2016-08-01", "2020-07-15"],
  privacy_shield_ch: ["2017-04-12", "2020-07-15"],
  dpf_eu: ["2023-07-10", "2026-10-31"],
  dpf_uk: ["2023-10-12", "2026-10-31"],
  dpf_ch: ["2024-09-15", "2026-10-31"],
} as const;
/** Signing windows of the SCC sets (when each could be signed), so the contracts are ones a company could hold. */
const SCC_WINDOWS = {
  "2001/497": ["2001-09-01", "2021-09-26"],
  "2002/16": ["2002-04-03", "2010-05-14"],
  "2004/915": ["2005-04-01", "2021-09-26"],
  "2010/87": ["2010-05-15", "2021-09-26"],
  "2021/914": ["2021-06-27", "2026-10-31"],
} as const;
const DEROGATIONS = ["49(1)(a)", "49(1)(b)", "49(1)(c)", "49(1)(d)", "49(1)(e)", "49(1)(f)", "49(1)(g)", "49(1)-2", "17(1)(a)", "17(1)(b)"] as const;

const maybe = <T,>(r: Rng, p: number, value: () => T): T | undefined => (r.chance(p) ? value() : undefined);
/** Drop the keys whose value is undefined (an absent optional field, as a person would write the file). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function randomParty(r: Rng, id: string, affiliate: boolean): RegistryParty {
  const relationship = affiliate ? "affiliate" : r.pick(RECIPIENT_RELATIONSHIPS);
  const country = affiliate ? r.pick([...EEA, "GB", "CH"]) : r.pick([...EEA, ...ELSEWHERE]);
  const certifications: NonNullable<RegistryParty["certifications"]> = [];
  if (!affiliate && country === "US" && r.chance(0.7)) {
    for (const framework of r.subset(Object.keys(CERT_WINDOWS) as (keyof typeof CERT_WINDOWS)[], 1)) {
      const [from, last] = CERT_WINDOWS[framework];
      const start = r.date(from, last);
      certifications.push(compact({ framework, from: start, to: r.chance(0.4) ? r.date(start, last) : null, coveredData: maybe(r, 0.5, () => r.pick(["hr", "non_hr", "both"] as const)) }));
    }
  }
  return compact({
    id,
    name: `${r.pick(NAME_PARTS)} ${id}`,
    relationship,
    country,
    certifications: certifications.length || r.chance(0.2) ? certifications : undefined,
    serviceCategory: relationship === "service_provider" ? maybe(r, 0.8, () => r.pick(SERVICE_CATEGORIES)) : undefined,
    adviserType: relationship === "professional_adviser" ? maybe(r, 0.8, () => r.pick(ADVISER_TYPES)) : undefined,
    registrationNumber: maybe(r, 0.3, () => `REG ${r.int(1000, 999_999)}`),
    website: maybe(r, 0.3, () => `https://${id.replace(/[._]/g, "-")}.example`),
    contactName: maybe(r, 0.3, () => r.pick(NAME_PARTS)),
    contactEmail: maybe(r, 0.3, () => `privacy@${id.replace(/[._]/g, "-")}.example`),
    ccpaRole: maybe(r, 0.4, () => r.pick(CCPA_ROLES)),
    ccpaSale: maybe(r, 0.3, () => r.chance(0.5)),
    ccpaShare: maybe(r, 0.3, () => r.chance(0.5)),
    processingLocations: maybe(r, 0.5, () => [...new Set([country, ...r.subset(ELSEWHERE)])].sort()),
    dataCategories: maybe(r, 0.5, () => r.subset(DATA_CATEGORIES)),
    notes: maybe(r, 0.3, () => r.pick(NOTES)),
    // An unknown field: the format keeps what it does not know.
    ...(r.chance(0.1) ? { xInternalCode: `ic-${r.int(1, 99)}` } : {}),
  } as RegistryParty);
}

function randomSafeguard(r: Rng, id: string, affiliateParties: RegistryParty[], recipients: string[]): RegistrySafeguard {
  const affiliates = affiliateParties.map((p) => p.id);
  const type = r.pick(["scc", "scc", "scc", "uk_idta", "bcr", "code_of_conduct", "certification", "ad_hoc_clauses", "derogation"] as const);
  const pair = () => [r.pick(affiliates), r.pick(recipients)].filter((v, i, a) => a.indexOf(v) === i);
  const ended = (from: string) => (r.chance(0.25) ? r.date(from, "2027-12-31") : r.chance(0.5) ? null : undefined);
  switch (type) {
    case "scc": {
      // The signing affiliate's regime decides which sets it could sign: 2002/16 only ever served EU exporters
      // (db/reference/instruments.ts), so the import refuses it for a UK or Swiss one, as the form does.
      const parties = pair();
      const eu = (EEA as readonly string[]).includes(affiliateParties.find((p) => p.id === parties[0])?.country ?? "");
      const version = r.pick((Object.keys(SCC_WINDOWS) as (keyof typeof SCC_WINDOWS)[]).filter((v) => eu || v !== "2002/16"));
      const signed = r.date(SCC_WINDOWS[version][0], SCC_WINDOWS[version][1]);
      return compact({
        id,
        type,
        version,
        modules: version === "2021/914" ? [...new Set(r.subset([1, 2, 3, 4], 1))] : undefined,
        parties,
        signed,
        ended: ended(signed),
        ukAddendum: maybe(r, 0.3, () => r.chance(0.5)),
        swissAdaptations: maybe(r, 0.3, () => r.chance(0.5)),
        notes: maybe(r, 0.2, () => r.pick(NOTES)),
      } as RegistrySafeguard);
    }
    case "uk_idta": {
      const signed = r.date("2022-03-21", "2026-10-31");
      return compact({ id, type, parties: pair(), signed, ended: ended(signed) });
    }
    case "bcr": {
      const approved = r.date("2012-01-01", "2025-12-31");
      return compact({
        id,
        type,
        variant: r.pick(["controller", "processor"] as const),
        approved,
        ended: ended(approved),
        members: [...new Set(r.subset([...affiliates, ...recipients], 1))],
        approvals: maybe(r, 0.5, () => [{ regime: "EU" as const, authority: "CNIL", approved }, ...(r.chance(0.5) ? [{ regime: "UK" as const, approved: r.date(approved, "2026-10-31") }] : [])]),
      });
    }
    case "code_of_conduct":
    case "certification":
    case "ad_hoc_clauses": {
      const approved = r.date("2019-01-01", "2026-10-31");
      return compact({ id, type, approved, ended: ended(approved), reference: `REF-${r.int(1, 9999)}`, parties: maybe(r, 0.6, pair) });
    }
    case "derogation":
      return { id, type, basis: r.pick(DEROGATIONS) };
  }
}

function randomTransfer(r: Rng, id: string, affiliates: RegistryParty[], recipients: RegistryParty[], safeguards: RegistrySafeguard[]): RegistryTransfer {
  const exporter = r.pick(affiliates);
  const recipient = r.pick([...recipients, ...affiliates].filter((p) => p.id !== exporter.id));
  const locations = (recipient as { processingLocations?: string[] }).processingLocations;
  const start = r.date("2010-01-01", "2027-06-30");
  const tiaDone = r.date("2019-01-01", "2026-11-29");
  return compact({
    id,
    exporter: exporter.id,
    recipient: recipient.id,
    destination: locations?.length ? r.pick(locations) : recipient.country,
    exporterRole: r.pick(["controller", "processor"] as const),
    recipientRole: r.pick(["controller", "processor"] as const),
    start,
    end: r.chance(0.2) ? r.date(start, "2028-12-31") : r.chance(0.5) ? null : undefined,
    frequency: r.pick(["continuous", "occasional"] as const),
    safeguards: r.subset(safeguards.map((s) => s.id)).slice(0, 3),
    tia: maybe(r, 0.5, () =>
      compact({
        completed: tiaDone,
        nextReview: r.chance(0.7) ? r.date(tiaDone, "2029-12-31") : null,
        outcome: maybe(r, 0.5, () => r.pick(["proceed", "proceed_with_measures", "suspend"] as const)),
        measuresTechnical: maybe(r, 0.3, () => "Encryption at rest and in transit; keys held in the EEA."),
        measuresContractual: maybe(r, 0.2, () => r.pick(NOTES)),
      }),
    ),
    hrData: maybe(r, 0.3, () => r.chance(0.5)),
    adequacyScope: maybe(r, 0.3, () => r.pick(["in", "out", "unknown"] as const)),
    specialCategory: maybe(r, 0.3, () => r.chance(0.5)),
    dataCategories: maybe(r, 0.5, () => r.subset(DATA_CATEGORIES)),
    purposes: maybe(r, 0.5, () => r.subset(PURPOSES)),
    dataSubjects: maybe(r, 0.4, () => r.subset(SUBJECTS)),
    notes: maybe(r, 0.3, () => r.pick(NOTES)),
  } as RegistryTransfer);
}

function randomRegistry(seed: number): RegistryDocument {
  const r = prng(seed);
  const affiliates = Array.from({ length: r.int(1, 4) }, (_, i) => randomParty(r, `aff-${seed}-${i}`, true));
  const recipients = Array.from({ length: r.int(1, 10) }, (_, i) => randomParty(r, `p.${seed}_${i}`, false));
  const safeguards = Array.from({ length: r.int(0, 8) }, (_, i) => randomSafeguard(r, `sg-${seed}-${i}`, affiliates, recipients.map((p) => p.id)));
  const transfers = Array.from({ length: r.int(0, 15) }, (_, i) => randomTransfer(r, `t-${seed}-${i}`, affiliates, recipients, safeguards));
  // The order of a file's lists is the writer's choice; shuffle so the export's own order is not assumed.
  const parties = [...affiliates, ...recipients].sort(() => r.next() - 0.5);
  return { format: "transfer-registry/v1", parties, safeguards, transfers };
}

describe(`round trip of ${REGISTRIES} random registries (import → export → import into an empty database → export)`, () => {
  const seeds = Array.from({ length: REGISTRIES }, (_, i) => 1_000 + i * 7);

  it("the generator is deterministic and varied: same seed, same document; different seeds, different documents", () => {
    expect(JSON.stringify(randomRegistry(1_000))).toBe(JSON.stringify(randomRegistry(1_000)));
    const docs = seeds.slice(0, 50).map(randomRegistry);
    expect(new Set(docs.map((d) => JSON.stringify(d))).size).toBe(50);
    // Every safeguard type occurs across the corpus, and so do certifications and TIAs.
    const types = new Set(docs.flatMap((d) => (d.safeguards ?? []).map((s) => s.type)));
    expect([...types].sort()).toEqual(["ad_hoc_clauses", "bcr", "certification", "code_of_conduct", "derogation", "scc", "uk_idta"]);
    expect(docs.some((d) => d.parties.some((p) => p.certifications?.length))).toBe(true);
    expect(docs.some((d) => d.transfers.some((t) => t.tia))).toBe(true);
  });

  it.each(seeds)("seed %i: identical after the round trip, and a re-import is no change", (seed) => {
    const source = randomRegistry(seed);
    const first = createTestDb();
    const imported = applyRegistryImport(first, SYSTEM_ACTOR, { text: JSON.stringify(source), fileName: `random-${seed}.json` });
    expect(imported.counts.parties.added).toBe(source.parties.length);
    expect(imported.counts.transfers.added).toBe(source.transfers.length);
    expect(imported.counts.safeguards.added).toBe(source.safeguards?.length ?? 0);

    const exported = exportRegistryFile(first, EXPORT_DATE).body;
    const second = createTestDb();
    applyRegistryImport(second, SYSTEM_ACTOR, { text: exported });
    expect(exportRegistryFile(second, EXPORT_DATE).body).toBe(exported);

    // Re-importing the export, or the original file, into the first database changes nothing.
    const again = previewRegistryImport(first, { text: exported });
    expect(again.ok && again.totalChanges).toBe(0);
    const original = previewRegistryImport(first, { text: JSON.stringify(source) });
    expect(original.ok && original.totalChanges).toBe(0);
  });
});
