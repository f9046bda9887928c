/**
 * The verdict store must always equal a fresh full evaluation. The property test below starts from the demo
 * registry and takes random steps through the services (create, edit and archive parties, certifications,
 * safeguards, transfers, TIAs; knowledge-base edits; registry imports; moving the calendar forward) and, after
 * every step, compares every stored verdict with `evaluateRegistry` on the whole document.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { DEMO_REGISTRY_PATH } from "@/server/demo/demo";
import { kbEntries, transfers as transferTable } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { addDays } from "@/server/domain/dates";
import { evaluateRegistry, STATUS_RANK, type Verdict } from "@/server/domain/rules";
import { certificationFieldsSchema } from "@/server/schemas/certification";
import { partyFieldsSchema } from "@/server/schemas/party";
import { safeguardFieldsSchema } from "@/server/schemas/safeguard";
import { tiaFieldsSchema } from "@/server/schemas/tia";
import { transferFieldsSchema } from "@/server/schemas/transfer";
import { AppError } from "@/server/errors";
import { createCertification, deleteCertification, listCertifications, updateCertification } from "./certifications";
import { getCompiledKnowledgeBase, updateKbEntry } from "./knowledge-base";
import { archiveParty, getParty, restoreParty, updateParty } from "./parties";
import { readRegistryDocument } from "./registry-document";
import { applyRegistryImport } from "./registry-import";
import { archiveSafeguard, createSafeguard, getSafeguard, updateSafeguard } from "./safeguards";
import { createTia } from "./tias";
import { archiveTransfer, createTransfer, getTransfer, listTransfers, restoreTransfer, updateTransfer } from "./transfers";
import { ensureVerdictsCurrent, readStoredVerdicts, rebuildVerdicts, syncVerdicts } from "./verdict-store";

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const actor = SYSTEM_ACTOR;
const COUNTRIES = ["US", "IN", "JP", "GB", "CH", "DE", "FR", "BR", "CA", "KR", "SG", "IL", "NZ", "AR"] as const;
const FRAMEWORKS = ["dpf_eu", "dpf_uk", "dpf_ch", "privacy_shield_eu", "privacy_shield_ch", "safe_harbor_eu"] as const;

function randomDate(rng: Rng, fromYear = 2012, toYear = 2031): string {
  return `${rng.int(fromYear, toYear)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

function loadDemo(db: Db) {
  applyRegistryImport(db, actor, { text: fs.readFileSync(DEMO_REGISTRY_PATH, "utf8"), fileName: "demo-registry.json" });
}

/**
 * What the store keeps of a verdict, in full: status, regime, basis with its citations, issues with their messages,
 * and the sentence the overview shows. Reasons and messages never contain the as-of date, so a verdict stored on
 * one day must equal, word for word, a fresh evaluation on any other day of its validity.
 */
function comparable(v: Pick<Verdict, "status" | "regime" | "basis" | "issues"> & { firstReason?: string | null; reasons?: readonly string[] }) {
  const firstReason =
    v.reasons !== undefined
      ? ((v.issues.find((i) => i.severity === "error") ?? v.issues.find((i) => i.severity === "warning"))?.message ?? v.reasons[0] ?? null)
      : (v.firstReason ?? null);
  return { status: v.status, regime: v.regime, basis: v.basis.map((b) => ({ ...b })), issues: v.issues.map((i) => ({ ...i })), firstReason };
}

/** Every difference between the store (brought current for `asOf`) and a fresh evaluation of the whole registry. */
function differences(db: Db, asOf: string): string[] {
  ensureVerdictsCurrent(db, asOf);
  const doc = readRegistryDocument(db);
  const fresh = evaluateRegistry(doc, getCompiledKnowledgeBase(db), asOf);
  const stored = readStoredVerdicts(db);
  const out: string[] = [];
  const live = new Set<string>();
  doc.transfers.forEach((t, i) => {
    if ((t as { archivedAt?: string | null }).archivedAt) return;
    live.add(t.id);
    const s = stored.get(t.id);
    const expected = comparable(fresh.verdicts[i]!);
    if (!s) out.push(`${t.id}: no stored verdict`);
    else if (JSON.stringify(comparable(s)) !== JSON.stringify(expected)) out.push(`${t.id}: stored ${JSON.stringify(comparable(s))} != fresh ${JSON.stringify(expected)}`);
    else if (!(s.validFrom <= asOf && asOf <= s.validUntil)) out.push(`${t.id}: validity ${s.validFrom}..${s.validUntil} does not contain ${asOf}`);
  });
  for (const id of stored.keys()) if (!live.has(id)) out.push(`${id}: stored but archived or deleted`);
  // Each party's worst status today: the highest STATUS_RANK over its live transfers on either side.
  const worst = new Map<string, number>();
  doc.transfers.forEach((t, i) => {
    if (!live.has(t.id)) return;
    const rank = STATUS_RANK[fresh.verdicts[i]!.status];
    for (const p of [t.exporter, t.recipient]) worst.set(p, Math.max(worst.get(p) ?? -1, rank));
  });
  const summaries = new Map((db.$client.prepare("SELECT party_id AS id, worst_rank AS rank FROM party_verdict").all() as { id: string; rank: number }[]).map((r) => [r.id, r.rank]));
  for (const [p, rank] of worst) if (summaries.get(p) !== rank) out.push(`party ${p}: worst rank stored ${summaries.get(p)}, fresh ${rank}`);
  // The copies a verdict row carries for the map and the notice: its exporter's country, its destination and
  // its basis, as the registry holds them now.
  const countryOf = new Map(doc.parties.map((p) => [p.id, p.country]));
  const copies = db.$client
    .prepare("SELECT v.transfer_id AS id, v.exporter_country AS exporterCountry, v.destination, v.basis, b.basis AS interned FROM transfer_verdict v LEFT JOIN verdict_basis b ON b.id = v.basis_id")
    .all() as { id: string; exporterCountry: string; destination: string; basis: string; interned: string | null }[];
  const transferOf = new Map(doc.transfers.map((t) => [t.id, t]));
  for (const c of copies) {
    const t = transferOf.get(c.id);
    if (!t) continue;
    if (c.exporterCountry !== countryOf.get(t.exporter)) out.push(`${c.id}: exporter_country ${c.exporterCountry}, exporter is in ${countryOf.get(t.exporter)}`);
    if (c.destination !== t.destination) out.push(`${c.id}: destination ${c.destination}, transfer's is ${t.destination}`);
    if (c.interned !== c.basis) out.push(`${c.id}: basis_id points to ${c.interned}, not its basis`);
  }
  for (const p of summaries.keys()) if (!worst.has(p)) out.push(`party ${p}: has a worst status but no live transfer`);
  return out;
}

/** Runs a service call that may legitimately be refused (a rule of the registry, or input its schema refuses). */
function attempt(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AppError) && !(e instanceof ZodError)) throw e;
  }
}

function ids(db: Db, sqlText: string): string[] {
  return (db.$client.prepare(sqlText).all() as { id: string }[]).map((r) => r.id);
}

/** One random step; returns its name (for the failure message). */
function step(db: Db, rng: Rng, clock: { date: string }): string {
  const roll = rng.next();
  const transferIds = ids(db, "SELECT id FROM transfer ORDER BY id");
  const affiliates = ids(db, "SELECT id FROM party WHERE relationship = 'affiliate' ORDER BY id");
  const vendors = ids(db, "SELECT id FROM party WHERE relationship <> 'affiliate' ORDER BY id");
  if (roll < 0.1) {
    clock.date = addDays(clock.date, rng.int(1, 240));
    return `date → ${clock.date}`;
  }
  if (roll < 0.18) {
    // Mostly vendors; sometimes an affiliate, whose transfers as exporter then carry another exporter country.
    const p = getParty(db, rng.pick(rng.chance(0.3) ? affiliates : vendors));
    const country = rng.pick(COUNTRIES);
    attempt(() => updateParty(db, actor, { id: p.id, version: p.version, fields: partyFieldsSchema.parse({ ...p, country, processingLocations: [...new Set([...p.processingLocations, country])] }) }));
    return `party ${p.id} country ${country}`;
  }
  if (roll < 0.21) {
    const p = getParty(db, rng.pick([...vendors, ...affiliates]));
    attempt(() => (p.archivedAt ? restoreParty : archiveParty)(db, actor, { id: p.id, version: p.version }));
    return `party ${p.id} archive/restore`;
  }
  if (roll < 0.3) {
    const partyId = rng.pick(vendors);
    const from = randomDate(rng);
    const fields = certificationFieldsSchema.parse({ framework: rng.pick(FRAMEWORKS), from, to: rng.chance(0.5) ? addDays(from, rng.int(30, 2000)) : null });
    attempt(() => createCertification(db, actor, { partyId, fields }));
    return `certification for ${partyId}`;
  }
  if (roll < 0.36) {
    const partyId = rng.pick(vendors);
    const certs = listCertifications(db, partyId);
    if (certs.length === 0) return "no certification to change";
    const c = rng.pick(certs);
    if (rng.chance(0.5)) attempt(() => deleteCertification(db, actor, { id: c.id, version: c.version }));
    else {
      const fields = certificationFieldsSchema.parse({ ...c, to: rng.chance(0.5) ? addDays(c.from, rng.int(1, 3000)) : null });
      attempt(() => updateCertification(db, actor, { id: c.id, version: c.version, fields }));
    }
    return `certification ${c.id} changed`;
  }
  if (roll < 0.45) {
    const t = getTransfer(db, rng.pick(transferIds));
    const kind = rng.int(0, 3);
    const base = { title: `Random safeguard ${rng.int(1, 1e9)}`, partyIds: [t.exporterId, t.recipientId] };
    const fields =
      kind === 0
        ? { ...base, type: "scc", sccVersion: "2021/914", modules: [rng.int(1, 4)], signed: randomDate(rng, 2019, 2027), ukAddendum: rng.chance(0.3), swissAdaptations: rng.chance(0.3) }
        : kind === 1
          ? { ...base, type: "scc", sccVersion: "2010/87", signed: randomDate(rng, 2011, 2022) }
          : kind === 2
            ? { ...base, type: "uk_idta", signed: randomDate(rng, 2021, 2027) }
            : { ...base, type: "bcr", bcrVariant: rng.pick(["controller", "processor"]), approved: randomDate(rng, 2014, 2026), approvingAuthority: "CNIL" };
    attempt(() => {
      const sg = createSafeguard(db, actor, { fields: safeguardFieldsSchema.parse({ ...fields, ended: rng.chance(0.2) ? randomDate(rng, 2020, 2032) : null }) });
      const fresh = getTransfer(db, t.id);
      updateTransfer(db, actor, { id: t.id, version: fresh.version, fields: transferFieldsSchema.parse({ ...fresh, safeguardIds: [...fresh.safeguardIds, sg.id].slice(-3) }) });
    });
    return `safeguard for ${t.id}`;
  }
  if (roll < 0.52) {
    const sgIds = ids(db, "SELECT id FROM safeguard WHERE archived_at IS NULL ORDER BY id");
    if (sgIds.length === 0) return "no safeguard";
    const sg = getSafeguard(db, rng.pick(sgIds));
    if (rng.chance(0.2)) attempt(() => archiveSafeguard(db, actor, { id: sg.id, version: sg.version }));
    else attempt(() => updateSafeguard(db, actor, { id: sg.id, version: sg.version, fields: safeguardFieldsSchema.parse({ ...sg, ended: rng.chance(0.5) ? randomDate(rng, 2019, 2033) : null }) }));
    return `safeguard ${sg.id} changed`;
  }
  if (roll < 0.6) {
    const exporterId = rng.pick(affiliates);
    const recipient = getParty(db, rng.pick(vendors));
    const start = randomDate(rng, 2014, 2030);
    const fields = transferFieldsSchema.parse({
      exporterId,
      recipientId: recipient.id,
      destination: rng.pick(recipient.processingLocations.length ? recipient.processingLocations : [recipient.country]),
      exporterRole: "controller",
      recipientRole: rng.pick(["controller", "processor"]),
      dataCategories: ["contact"],
      dataSubjects: ["customers"],
      purposes: [],
      frequency: rng.pick(["continuous", "occasional"]),
      start,
      end: rng.chance(0.3) ? addDays(start, rng.int(10, 3000)) : null,
      safeguardIds: ids(db, `SELECT safeguard_id AS id FROM safeguard_party WHERE party_id = '${recipient.id.replace(/'/g, "''")}' LIMIT 2`),
    });
    attempt(() => createTransfer(db, actor, { fields }));
    return `new transfer to ${recipient.id}`;
  }
  if (roll < 0.72) {
    const t = getTransfer(db, rng.pick(transferIds));
    if (t.archivedAt) return "archived transfer";
    const change = rng.int(0, 3);
    const newRecipient = change === 3 ? getParty(db, rng.pick(vendors)) : null;
    const fields = transferFieldsSchema.parse({
      ...t,
      ...(newRecipient ? { recipientId: newRecipient.id, destination: newRecipient.processingLocations[0] ?? newRecipient.country } : {}),
      safeguardIds: change === 0 ? (rng.chance(0.5) ? [] : t.safeguardIds.slice(0, 1)) : t.safeguardIds,
      end: change === 1 ? (rng.chance(0.5) ? addDays(t.start, rng.int(1, 4000)) : null) : t.end,
      frequency: change === 2 ? rng.pick(["continuous", "occasional"]) : t.frequency,
    });
    attempt(() => updateTransfer(db, actor, { id: t.id, version: t.version, fields }));
    return `transfer ${t.id} edited`;
  }
  if (roll < 0.76) {
    const t = getTransfer(db, rng.pick(transferIds));
    attempt(() => (t.archivedAt ? restoreTransfer : archiveTransfer)(db, actor, { id: t.id, version: t.version }));
    return `transfer ${t.id} archive/restore`;
  }
  if (roll < 0.84) {
    const id = rng.pick(transferIds);
    const completed = randomDate(rng, 2018, 2030);
    attempt(() =>
      createTia(db, actor, { transferId: id, fields: tiaFieldsSchema.parse({ completed, assessor: "Random", outcome: "proceed", nextReview: rng.chance(0.6) ? addDays(completed, rng.int(30, 900)) : null }) }),
    );
    return `TIA for ${id}`;
  }
  if (roll < 0.9) {
    const rows = db.select().from(kbEntries).where(eq(kbEntries.kind, "adequacy")).all();
    const row = rng.pick(rows);
    const entry = JSON.parse(row.data) as { endDate?: string | null; effectiveFrom?: string };
    const data = { ...entry, endDate: rng.chance(0.5) ? randomDate(rng, 2016, 2032) : null };
    if (data.endDate && entry.effectiveFrom && data.endDate < entry.effectiveFrom) data.endDate = entry.effectiveFrom;
    attempt(() => updateKbEntry(db, actor, { id: row.id, version: row.version, data }));
    return `kb ${row.id} endDate ${data.endDate}`;
  }
  // An import of the registry's own export with a few changes (the file wins for what it lists).
  const doc = readRegistryDocument(db) as unknown as { transfers: { end?: string | null; start: string; frequency: string }[] };
  for (let i = 0; i < 3; i++) {
    const t = rng.pick(doc.transfers);
    if (rng.chance(0.5)) t.end = rng.chance(0.5) ? addDays(t.start, rng.int(1, 4000)) : null;
    else t.frequency = t.frequency === "continuous" ? "occasional" : "continuous";
  }
  attempt(() => applyRegistryImport(db, actor, { text: JSON.stringify(doc), fileName: "random.json" }));
  return "import";
}

describe("verdict store", () => {
  it("answers for today what a full evaluation gives, right after the demo registry is imported", () => {
    const db = createTestDb();
    loadDemo(db);
    expect(differences(db, "2026-11-29")).toEqual([]);
    const stored = readStoredVerdicts(db);
    // The demo registry's documented counts as of 2026-11-29 (README, db/examples): 4 unsafeguarded (one of them an
    // Art. 49(1)(b) derogation used for a continuous transfer: recital 111, EDPB Guidelines 2/2018), 2 derogations.
    const statuses = [...stored.values()].map((v) => v.status);
    expect(statuses.filter((s) => s === "unsafeguarded")).toHaveLength(4);
    expect(statuses.filter((s) => s === "derogation")).toHaveLength(2);
  });

  it("re-evaluates only the transfers a write affects", () => {
    const db = createTestDb();
    loadDemo(db);
    ensureVerdictsCurrent(db, "2026-11-29");
    const quantaTransfers = (db.$client.prepare("SELECT count(*) AS n FROM transfer WHERE recipient_id = ? OR exporter_id = ?").get("quanta-pathway", "quanta-pathway") as { n: number }).n;
    expect(quantaTransfers).toBeGreaterThan(0);
    // A certification of one vendor: its transfers, and nothing else.
    const result = db.transaction((tx) => {
      db.$client.prepare("UPDATE certification SET \"to\" = '2026-12-31' WHERE party_id = 'quanta-pathway'").run();
      return syncVerdicts(tx, "2026-11-29");
    });
    expect(result).toEqual({ evaluated: quantaTransfers, full: false });
    // One transfer's edit: that transfer only.
    const one = db.transaction((tx) => {
      db.$client.prepare("UPDATE transfer SET notes = 'x' WHERE id = 'de-quanta-analytics'").run();
      return syncVerdicts(tx, "2026-11-29");
    });
    expect(one).toEqual({ evaluated: 1, full: false });
    // A knowledge-base edit: everything.
    const all = db.transaction((tx) => {
      db.$client.prepare("UPDATE kb_entry SET updated_by = 'x' WHERE id = (SELECT min(id) FROM kb_entry)").run();
      return syncVerdicts(tx, "2026-11-29");
    });
    expect(all.full).toBe(true);
    expect(differences(db, "2026-11-29")).toEqual([]);
  });

  it("moves with the calendar: the EU-US Privacy Shield transfer is adequate on 2020-07-15 and unsafeguarded on 2020-07-16 (Schrems II, C-311/18)", () => {
    const db = createTestDb();
    loadDemo(db);
    const status = (asOf: string) => {
      ensureVerdictsCurrent(db, asOf);
      return readStoredVerdicts(db).get("de-quanta-analytics")?.status;
    };
    expect(status("2020-07-15")).toBe("adequate");
    expect(status("2020-07-16")).toBe("unsafeguarded");
    expect(differences(db, "2020-07-16")).toEqual([]);
  });

  it("lists cached per data revision answer again after every write", () => {
    const db = createTestDb();
    loadDemo(db);
    const before = listTransfers(db, { status: "unsafeguarded" });
    expect(listTransfers(db, { status: "unsafeguarded" })).toBe(before); // the same request: served from the cache
    const exporter = getParty(db, "kf-de");
    const recipient = getParty(db, "ironvault"); // a US vendor without any certification
    // A new controller-to-processor transfer from Germany to the US without any safeguard is unsafeguarded (GDPR Art. 44, 46(1)).
    createTransfer(db, actor, {
      fields: transferFieldsSchema.parse({
        exporterId: exporter.id,
        recipientId: recipient.id,
        destination: "US",
        exporterRole: "controller",
        recipientRole: "processor",
        dataCategories: ["contact"],
        dataSubjects: ["customers"],
        purposes: [],
        frequency: "continuous",
        start: "2020-01-01",
        safeguardIds: [],
      }),
    });
    const after = listTransfers(db, { status: "unsafeguarded" });
    expect(after).not.toBe(before);
    expect(after.total).toBe(before.total + 1);
  });

  it("rebuilt from scratch equals the incrementally kept store", () => {
    const db = createTestDb();
    loadDemo(db);
    const rng = prng(7);
    const clock = { date: "2021-03-01" };
    for (let i = 0; i < 60; i++) step(db, rng, clock);
    ensureVerdictsCurrent(db, clock.date);
    const incremental = readStoredVerdicts(db);
    rebuildVerdicts(db, clock.date);
    const rebuilt = readStoredVerdicts(db);
    expect([...rebuilt.keys()]).toEqual([...incremental.keys()]);
    for (const [id, v] of rebuilt) expect(comparable(incremental.get(id)!), id).toEqual(comparable(v));
  });

  it("property: after each of 520 random steps every stored verdict equals a fresh full evaluation", { timeout: 240_000 }, () => {
    const db = createTestDb();
    loadDemo(db);
    const rng = prng(20261130);
    const clock = { date: "2019-06-01" };
    const log: string[] = [];
    for (let i = 0; i < 520; i++) {
      log.push(step(db, rng, clock));
      const diff = differences(db, clock.date);
      if (diff.length) throw new Error(`after step ${i} (${log.slice(-3).join("; ")}), as of ${clock.date}:\n${diff.slice(0, 10).join("\n")}`);
    }
    // The walk must have exercised the store: transfers were created and the calendar moved years ahead.
    expect(db.select().from(transferTable).all().length).toBeGreaterThan(71);
    expect(clock.date > "2024-01-01").toBe(true);
  });
});
