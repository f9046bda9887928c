/**
 * A deterministic generator of large `transfer-registry/v1` documents, for benchmarks and scale tests.
 *
 *   import { generateRegistry } from "@/server/scripts/generate-registry"; // or a relative path from a script
 *   const doc = generateRegistry({ transfers: 100_000, parties: 20_000, safeguards: 40_000, seed: 1 });
 *   JSON.stringify(doc); // a valid document: `previewRegistryImport` accepts it, POST /api/registry/import too
 *
 * Every option is optional; the defaults (100,000 transfers, 20,000 parties, seed 20261129 and the natural
 * safeguard share, about 40,500) are the registry `npm run bench:rules` times. The same options always give
 * the same document (a seeded PRNG, no clock). Proportions follow a realistic group:
 * - parties: one in ten is a group affiliate (the exporters; EEA mostly, some GB, CH, US, IN), the others are
 *   recipients (mostly US service providers); half of the US recipients hold DPF certifications (some also
 *   a former Privacy Shield one);
 * - transfers: one in ten is intra-group (covered by the group BCR); of the others about 45 % have their own
 *   SCC or UK IDTA, 5 % rely on an Art. 49 derogation, the rest have nothing (unsafeguarded or adequate);
 *   about 60 % carry a TIA summary (`tia`), which the import records as an assessment; ids are `aff-N`,
 *   `party-N`, `sg-N`, `t-N`.
 * - safeguards: with `safeguards` given, exactly that many (at least the 3 shared ones: `bcr-group`,
 *   `der-49-1-a`, `der-49-1-b`); the share of transfers with their own contract follows from it.
 */
import { EEA_STATES } from "../../db/reference/eea";
import { addDays } from "../domain/dates";
import type { PartyRole } from "../domain/kb/types";
import type { RegistryDocument, RegistryParty, RegistrySafeguard, RegistrySccSafeguard, RegistryTransfer } from "../domain/registry/types";

export interface GenerateRegistryOptions {
  /** Number of transfers (default 100,000). */
  transfers?: number;
  /** Number of parties, at least 2 (default 20,000); a tenth of them are affiliates. */
  parties?: number;
  /** Exact number of safeguards, at least 3. Default: what the natural 45 % share of external transfers gives. */
  safeguards?: number;
  /** PRNG seed (default 20261129). */
  seed?: number;
}

/** The share of external transfers with their own contract when `safeguards` is not given. */
const NATURAL_CONTRACT_SHARE = 0.45;
/** The share of external transfers relying on a derogation. */
const DEROGATION_SHARE = 0.05;
const SHARED_SAFEGUARDS = 3;

/** Mulberry32: a tiny seeded PRNG so every run generates the same registry. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomDate(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last day any regime let new contracts use the 2010/87 SCCs (EU; the UK and Swiss windows close later). */
const OLD_SCC_LAST_SIGN = "2021-09-26";

/** A contract between an exporter and a recipient: an IDTA for half of the UK exporters, otherwise SCCs. */
function contract(random: () => number, id: string, exporter: RegistryParty, recipient: RegistryParty, recipientRole: PartyRole): RegistrySafeguard {
  const sccRoll = random();
  if (exporter.country === "GB" && sccRoll < 0.5) {
    return { id, type: "uk_idta", parties: [exporter.id, recipient.id], signed: randomDate(random, 2022, 2025), ended: null };
  }
  if (sccRoll < 0.2) {
    // New contracts could not use the 2010/87 SCCs after 2021-09-26 (Implementing Decision (EU) 2021/914 Art. 4(3); db/reference/instruments.ts).
    const signed = randomDate(random, 2016, 2021);
    return { id, type: "scc", version: "2010/87", parties: [exporter.id, recipient.id], signed: signed > OLD_SCC_LAST_SIGN ? OLD_SCC_LAST_SIGN : signed, ended: null };
  }
  const scc: RegistrySccSafeguard = {
    id,
    type: "scc",
    version: "2021/914",
    modules: [recipientRole === "processor" ? 2 : 1],
    parties: [exporter.id, recipient.id],
    signed: randomDate(random, 2021, 2025),
    ended: null,
    ukAddendum: random() < 0.7,
    swissAdaptations: random() < 0.7,
  };
  if (random() < 0.1) scc.ended = addDays(scc.signed, 200 + Math.floor(random() * 1500));
  return scc;
}

/** A realistic mix: most exporters in the EEA, some in GB and CH, a few elsewhere; recipients mostly US. */
export function generateRegistry(options: GenerateRegistryOptions = {}): RegistryDocument {
  const transferCount = options.transfers ?? 100_000;
  const partyCount = options.parties ?? 20_000;
  const seed = options.seed ?? 20261129;
  if (!Number.isInteger(transferCount) || transferCount < 0) throw new Error("transfers must be a whole number ≥ 0");
  if (!Number.isInteger(partyCount) || partyCount < 2) throw new Error("parties must be a whole number ≥ 2");
  if (options.safeguards !== undefined && (!Number.isInteger(options.safeguards) || options.safeguards < SHARED_SAFEGUARDS)) {
    throw new Error(`safeguards must be a whole number ≥ ${SHARED_SAFEGUARDS}`);
  }
  const affiliateCount = Math.min(partyCount - 1, Math.max(1, Math.round(partyCount / 10)));
  const targetSafeguards = options.safeguards;
  const expectedExternal = transferCount * 0.9;
  const contractShare =
    targetSafeguards === undefined ? NATURAL_CONTRACT_SHARE : expectedExternal === 0 ? 0 : Math.min(1 - DEROGATION_SHARE, (targetSafeguards - SHARED_SAFEGUARDS) / expectedExternal);

  const random = createRandom(seed);
  const eea = EEA_STATES.map(([code]) => code);
  const exporterCountries = [...eea, ...eea, ...eea, "GB", "GB", "GB", "CH", "CH", "US", "IN"];
  const recipientCountries = ["US", "US", "US", "US", "US", "US", "IN", "JP", "KR", "CA", "BR", "AU", "CN", "SG", "GB", "CH", "DE", "FR", "IE", "NL", "IL", "NZ"];
  const relationships = ["service_provider", "service_provider", "service_provider", "reseller", "advertising_partner", "professional_adviser", "other"] as const;

  const parties: RegistryParty[] = [];
  const affiliates: RegistryParty[] = [];
  for (let i = 0; i < affiliateCount; i++) {
    const party: RegistryParty = { id: `aff-${i}`, name: `Affiliate ${i}`, relationship: "affiliate", country: pick(random, exporterCountries) };
    affiliates.push(party);
    parties.push(party);
  }
  const recipients: RegistryParty[] = [];
  for (let i = parties.length; i < partyCount; i++) {
    const country = pick(random, recipientCountries);
    const party: RegistryParty = { id: `party-${i}`, name: `Recipient ${i}`, relationship: pick(random, relationships), country };
    if (country === "US" && random() < 0.5) {
      party.certifications = [{ framework: "dpf_eu", from: "2023-07-17", to: null }];
      if (random() < 0.6) party.certifications.push({ framework: "dpf_uk", from: "2023-07-17", to: null });
      if (random() < 0.4) party.certifications.push({ framework: "dpf_ch", from: "2023-07-17", to: null });
      if (random() < 0.3) party.certifications.push({ framework: "privacy_shield_eu", from: "2017-01-01", to: random() < 0.5 ? null : "2020-07-15" });
    }
    recipients.push(party);
    parties.push(party);
  }

  const safeguards: RegistrySafeguard[] = [
    { id: "bcr-group", type: "bcr", variant: "controller", approved: "2019-05-01", ended: null, members: affiliates.map((a) => a.id) },
    { id: "der-49-1-a", type: "derogation", basis: "49(1)(a)" },
    { id: "der-49-1-b", type: "derogation", basis: "49(1)(b)" },
  ];
  const full = () => targetSafeguards !== undefined && safeguards.length >= targetSafeguards;
  const transfers: RegistryTransfer[] = [];
  /** External transfers without a contract, in order: candidates when `safeguards` asks for more. */
  const uncovered: { transfer: RegistryTransfer; exporter: RegistryParty; recipient: RegistryParty }[] = [];
  for (let i = 0; i < transferCount; i++) {
    const exporter = pick(random, affiliates);
    const intraGroup = random() < 0.1;
    const recipient = intraGroup ? pick(random, affiliates) : pick(random, recipients);
    const recipientRole: PartyRole = random() < 0.7 ? "processor" : "controller";
    const start = randomDate(random, 2016, 2025);
    const ids: string[] = [];
    const roll = random();
    let needsContract = false;
    if (intraGroup) ids.push("bcr-group");
    else if (roll < contractShare) {
      if (full()) needsContract = false;
      else {
        const id = `sg-${safeguards.length}`;
        safeguards.push(contract(random, id, exporter, recipient, recipientRole));
        ids.push(id);
      }
    } else if (roll < contractShare + DEROGATION_SHARE) ids.push(random() < 0.5 ? "der-49-1-a" : "der-49-1-b");
    else needsContract = true;
    const transfer: RegistryTransfer = {
      id: `t-${i}`,
      exporter: exporter.id,
      recipient: recipient.id,
      destination: recipient.country,
      exporterRole: "controller",
      recipientRole,
      start,
      end: random() < 0.1 ? randomDate(random, 2020, 2027) : null,
      frequency: random() < 0.85 ? "continuous" : "occasional",
      safeguards: ids,
    };
    if (transfer.end != null && transfer.end < start) transfer.end = null;
    if (random() < 0.6) {
      const completed = randomDate(random, 2021, 2025);
      transfer.tia = { completed, nextReview: addDays(completed, 365 * (1 + Math.floor(random() * 3))) };
    }
    transfers.push(transfer);
    if (needsContract) uncovered.push({ transfer, exporter, recipient });
  }

  // Exactly `safeguards`: contracts for transfers that had none, then stand-alone contracts.
  if (targetSafeguards !== undefined) {
    for (const { transfer, exporter, recipient } of uncovered) {
      if (full()) break;
      const id = `sg-${safeguards.length}`;
      safeguards.push(contract(random, id, exporter, recipient, transfer.recipientRole));
      transfer.safeguards = [id];
    }
    while (!full()) {
      const id = `sg-${safeguards.length}`;
      safeguards.push(contract(random, id, pick(random, affiliates), pick(random, recipients), "processor"));
    }
  }
  return { format: "transfer-registry/v1", parties, safeguards, transfers };
}
