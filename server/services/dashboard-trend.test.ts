/**
 * The overview's status trend. Expected counts are written from the legal dates, not computed by the code:
 * - Safe Harbor: Decision 2000/520/EC declared invalid by the CJEU in C-362/14 Schrems I on 2015-10-06, so a
 *   transfer resting on it is adequate at 2015-09-30 and unsafeguarded at 2015-10-31;
 * - Privacy Shield: Decision (EU) 2016/1250 declared invalid in C-311/18 Schrems II on 2020-07-16, with no grace
 *   period (EDPB FAQ of 2020-07-23): adequate at 2020-06-30, unsafeguarded at 2020-07-31;
 * - the old SCCs (Decision 2010/87/EU): contracts concluded before 2021-09-27 kept providing appropriate
 *   safeguards until 2022-12-27 (Implementing Decision (EU) 2021/914, Art. 4(4)): safeguarded at 2022-11-30,
 *   unsafeguarded at 2022-12-31 unless re-papered on the 2021/914 clauses.
 * (regulatory-facts.md, corrected by regulatory-facts-2.md.)
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertCertification, insertSafeguard, insertTransfer, transferFields } from "@/server/testing/factories-transfers";
import { referenceKnowledgeBase } from "@/db/reference";
import { createTestDb } from "@/db/testing";
import { compileKnowledgeBase, createEvaluationContext, evaluateTransfer, monthEnds, statusTrend, STATUSES, type Status } from "@/server/domain/rules";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { generateRegistry } from "@/server/scripts/generate-registry";
import { statusTrendData, TREND_START_MONTH, trendComputations, type StatusTrendData } from "./dashboard-trend";
import { archiveTransfer, getTransfer, updateTransfer } from "./transfers";
import { verdictsAsOf } from "./verdicts";

type Counts = Partial<Record<Status, number>>;

/** Counts of one trend point over all regimes, zeros left out. */
function pointCounts(trend: StatusTrendData, date: string): Counts {
  const point = trend.points.find((p) => p.date === date);
  if (!point) throw new Error(`no point ${date}`);
  const out: Counts = {};
  for (const byStatus of Object.values(point.counts)) for (const s of STATUSES) if (byStatus[s] > 0) out[s] = (out[s] ?? 0) + byStatus[s];
  return out;
}

/** The same counts from a direct evaluation of every live transfer on that date (inactive ones left out). */
function directCounts(db: Db, date: string): Counts {
  const out: Counts = {};
  for (const v of verdictsAsOf(db, date).values()) if (v.status !== "inactive") out[v.status] = (out[v.status] ?? 0) + 1;
  return out;
}

describe("dashboard trend", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("counts a Safe Harbor, a Privacy Shield and two SCC 2010 transfers at the month-ends the law says they changed", async () => {
    const exporter = insertAffiliate(db, "DE");
    const shRecipient = insertParty(db, { name: "Safe Harbor Inc", country: "US", processingLocations: ["US"] });
    insertCertification(db, shRecipient.id, { framework: "safe_harbor_eu", from: "2010-01-04" });
    insertTransfer(db, { exporterId: exporter.id, recipientId: shRecipient.id, start: "2012-03-01" });

    const psRecipient = insertParty(db, { name: "Privacy Shield Inc", country: "US", processingLocations: ["US"] });
    insertCertification(db, psRecipient.id, { framework: "privacy_shield_eu", from: "2016-09-01" });
    insertTransfer(db, { exporterId: exporter.id, recipientId: psRecipient.id, start: "2016-09-01" });

    const oldScc = insertParty(db, { name: "Old SCC Inc", country: "US", processingLocations: ["US"] });
    const sccOld = insertSafeguard(db, { sccVersion: "2010/87", modules: [], signed: "2016-03-01", partyIds: [exporter.id, oldScc.id] });
    insertTransfer(db, { exporterId: exporter.id, recipientId: oldScc.id, start: "2016-03-01", safeguardIds: [sccOld.id] });

    const repapered = insertParty(db, { name: "Repapered Inc", country: "US", processingLocations: ["US"] });
    const sccOld2 = insertSafeguard(db, { sccVersion: "2010/87", modules: [], signed: "2016-03-01", partyIds: [exporter.id, repapered.id] });
    const sccNew = insertSafeguard(db, { sccVersion: "2021/914", modules: [2], signed: "2022-06-01", partyIds: [exporter.id, repapered.id] });
    insertTransfer(db, { exporterId: exporter.id, recipientId: repapered.id, start: "2016-03-01", safeguardIds: [sccOld2.id, sccNew.id] });

    const trend = await statusTrendData(db, "2023-03-15");
    // From the first transfer's month (2012-03) to the as-of date's month, one point per month-end.
    expect(trend.points[0]!.date).toBe("2012-03-31");
    expect(trend.points.at(-1)!.date).toBe("2023-03-31");
    expect(trend.points).toHaveLength(12 * 11 + 1);

    const expected: Record<string, Counts> = {
      "2015-09-30": { adequate: 1 },
      "2015-10-31": { unsafeguarded: 1 },
      "2020-06-30": { unsafeguarded: 1, adequate: 1, safeguarded: 2 },
      "2020-07-31": { unsafeguarded: 2, safeguarded: 2 },
      "2022-11-30": { unsafeguarded: 2, safeguarded: 2 },
      "2022-12-31": { unsafeguarded: 3, safeguarded: 1 },
    };
    for (const [date, counts] of Object.entries(expected)) {
      expect(pointCounts(trend, date), date).toEqual(counts);
      expect(directCounts(db, date), date).toEqual(counts);
    }
    // Every point equals a direct evaluation on that date.
    for (const p of trend.points) expect(pointCounts(trend, p.date), p.date).toEqual(directCounts(db, p.date));
    // All four are EU transfers.
    expect(trend.points.find((p) => p.date === "2020-06-30")!.counts.EU).toMatchObject({ unsafeguarded: 1, adequate: 1, safeguarded: 2 });
  });

  it("starts in 2015-01 at the latest, and marks the invalidations with the knowledge base's citations", async () => {
    const exporter = insertAffiliate(db, "FR");
    const recipient = insertParty(db, { country: "US", processingLocations: ["US"] });
    insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, start: "2021-05-01" });
    const trend = await statusTrendData(db, "2024-01-10");
    expect(TREND_START_MONTH).toBe("2015-01");
    expect(trend.points[0]!.date).toBe("2015-01-31");
    expect(pointCounts(trend, "2021-04-30")).toEqual({});
    expect(pointCounts(trend, "2021-05-31")).toEqual({ unsafeguarded: 1 });
    const eu = trend.events.filter((e) => e.regime === "EU");
    expect(eu.map((e) => e.date)).toEqual(["2015-10-06", "2020-07-16", "2022-12-28"]);
    expect(eu[0]!.citation).toContain("C-362/14");
    expect(eu[1]!.citation).toContain("C-311/18");
    expect(eu[2]!.citation).toContain("2021/914");
    expect(eu[2]!.title).toContain("2010/87");
  });

  it("is cached per data revision: a new transfer shows at once", async () => {
    const exporter = insertAffiliate(db, "DE");
    const recipient = insertParty(db, { country: "US", processingLocations: ["US"] });
    insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, start: "2020-01-01" });
    expect(pointCounts(await statusTrendData(db, "2021-01-01"), "2020-12-31")).toEqual({ unsafeguarded: 1 });
    insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, start: "2020-01-01" });
    expect(pointCounts(await statusTrendData(db, "2021-01-01"), "2020-12-31")).toEqual({ unsafeguarded: 2 });
  });
});

describe("dashboard trend after writes (only the re-evaluated transfers are recomputed)", () => {
  it("equals a direct evaluation at every month-end after an edit, a certification, an archive and an insert", async () => {
    const db = createTestDb();
    const exporter = insertAffiliate(db, "DE");
    const a = insertParty(db, { name: "A Inc", country: "US", processingLocations: ["US"] });
    const b = insertParty(db, { name: "B Inc", country: "US", processingLocations: ["US"] });
    const ta = insertTransfer(db, { exporterId: exporter.id, recipientId: a.id, start: "2016-01-01" });
    const tb = insertTransfer(db, { exporterId: exporter.id, recipientId: b.id, start: "2018-06-01" });
    const tc = insertTransfer(db, { exporterId: exporter.id, recipientId: b.id, start: "2019-03-01" });
    const asOf = "2024-06-15";
    const check = async (step: string) => {
      const trend = await statusTrendData(db, asOf);
      for (const p of trend.points) expect(pointCounts(trend, p.date), `${step} ${p.date}`).toEqual(directCounts(db, p.date));
      return trend;
    };
    await check("initial");
    const full = trendComputations.full;
    const incremental = trendComputations.incremental;
    // An edit: the transfer now relies on 2021/914 SCCs signed 2022-01-10 (safeguarded from then on).
    const scc = insertSafeguard(db, { sccVersion: "2021/914", modules: [2], signed: "2022-01-10", partyIds: [exporter.id, a.id] });
    updateTransfer(db, SYSTEM_ACTOR, { id: ta.id, version: ta.version, fields: transferFields({ exporterId: exporter.id, recipientId: a.id, start: "2016-01-01", safeguardIds: [scc.id] }) });
    expect(pointCounts(await check("edit"), "2022-01-31")).toEqual({ safeguarded: 1, unsafeguarded: 2 });
    // A party-level write: B certifies under the DPF (both its transfers adequate from 2023-07-31).
    insertCertification(db, b.id, { framework: "dpf_eu", from: "2023-07-17" });
    expect(pointCounts(await check("certification"), "2023-07-31")).toEqual({ safeguarded: 1, adequate: 2 });
    // Archive one, delete none: an archived transfer leaves the trend.
    archiveTransfer(db, SYSTEM_ACTOR, { id: tc.id, version: getTransfer(db, tc.id).version });
    expect(pointCounts(await check("archive"), "2023-07-31")).toEqual({ safeguarded: 1, adequate: 1 });
    // A new transfer.
    insertTransfer(db, { exporterId: exporter.id, recipientId: b.id, start: "2024-01-01" });
    expect(pointCounts(await check("insert"), "2024-05-31")).toEqual({ safeguarded: 1, adequate: 2 });
    // One full pass at the start; each write after it was applied to the re-evaluated transfers only.
    expect(trendComputations.full).toBe(full);
    expect(trendComputations.incremental).toBe(incremental + 4);
    expect(tb.id).toBeTruthy();
  });
});

describe("dashboard trend: the full pass gives way to other requests", () => {
  /** Ten transfers to the US from 2016 to 2024, half of them on a DPF-certified recipient. */
  function seed(db: Db) {
    const exporter = insertAffiliate(db, "DE");
    const plain = insertParty(db, { name: "Plain Inc", country: "US", processingLocations: ["US"] });
    const certified = insertParty(db, { name: "Certified Inc", country: "US", processingLocations: ["US"] });
    insertCertification(db, certified.id, { framework: "dpf_eu", from: "2023-07-17" });
    const transfers = [];
    for (let i = 0; i < 10; i++) {
      transfers.push(insertTransfer(db, { exporterId: exporter.id, recipientId: i % 2 ? certified.id : plain.id, start: `${2016 + (i % 9)}-0${1 + (i % 9)}-01` }));
    }
    return { exporter, plain, certified, transfers };
  }
  const asOf = "2024-12-15";
  const expectDirect = (db: Db, trend: StatusTrendData) => {
    for (const p of trend.points) expect(pointCounts(trend, p.date), p.date).toEqual(directCounts(db, p.date));
  };

  it("turns the event loop between slices, and still equals a direct evaluation at every month-end", async () => {
    const db = createTestDb();
    seed(db);
    let turns = 0;
    let running = true;
    const turn = () => {
      turns++;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    // 10 transfers, 2 per slice: 5 slices, so other work runs at least 4 times before the answer.
    const trend = await statusTrendData(db, asOf, { chunk: 2 });
    running = false;
    expect(turns).toBeGreaterThanOrEqual(4);
    expectDirect(db, trend);
  });

  it("takes in a write made between two slices, and two requests during one pass share it", async () => {
    const db = createTestDb();
    const { exporter, plain, transfers } = seed(db);
    // The pass reads in id order: the first slice holds the two smallest ids.
    const [firstId, secondId] = transfers.map((t) => t.id).sort();
    const inFirstSlice = transfers.find((t) => t.id === secondId)!;
    const full = trendComputations.full;
    const first = statusTrendData(db, asOf, { chunk: 2 });
    const second = statusTrendData(db, asOf, { chunk: 2 });
    // The first slice has been read; these writes land before the next one is. Two of them change transfers the
    // pass has already judged: one archived, and the recipient of the other certified.
    archiveTransfer(db, SYSTEM_ACTOR, { id: firstId!, version: getTransfer(db, firstId!).version });
    insertCertification(db, inFirstSlice.recipientId, { framework: "dpf_eu", from: "2024-01-02" });
    insertTransfer(db, { exporterId: exporter.id, recipientId: plain.id, start: "2019-05-01" });
    const [a, b] = await Promise.all([first, second]);
    expect(trendComputations.full).toBe(full + 1);
    expectDirect(db, a);
    expect(b.points).toEqual(a.points);
    // Ten live transfers at the end of 2024, all running by then: ten seeded, one archived, one added.
    expect(Object.values(pointCounts(a, "2024-12-31")).reduce((x, y) => x + y, 0)).toBe(10);
  });
});

describe("statusTrend on a generated registry", () => {
  it("equals a direct evaluation of every transfer at every month-end from 2015 to 2026", () => {
    const doc = generateRegistry({ transfers: 1500, parties: 300, seed: 7 });
    const ctx = createEvaluationContext(doc, compileKnowledgeBase(referenceKnowledgeBase));
    const dates = monthEnds("2015-01", "2026-12");
    const trend = statusTrend(ctx, doc.transfers, dates);
    let compared = 0;
    dates.forEach((date, i) => {
      const direct: Record<string, number> = {};
      for (const t of doc.transfers) {
        const v = evaluateTransfer(ctx, t, date);
        if (v.status !== "inactive") direct[`${v.regime ?? "none"} ${v.status}`] = (direct[`${v.regime ?? "none"} ${v.status}`] ?? 0) + 1;
      }
      const fromTrend: Record<string, number> = {};
      for (const [regime, byStatus] of Object.entries(trend.counts[i]!)) for (const s of STATUSES) if (byStatus[s] > 0) fromTrend[`${regime} ${s}`] = byStatus[s];
      expect(fromTrend, date).toEqual(direct);
      compared++;
    });
    expect(compared).toBe(144);
  });
});
