import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard, insertTia, insertTransfer } from "@/server/testing/factories-transfers";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { createCopyPart, createRequest } from "@/server/services/requests";
import type { SampleInputs } from "./types";

/** Generated copies go to a throwaway data folder, never the checkout's data/. */
function throwawayDataDir(): void {
  if (!process.env.TR_DATA_DIR) process.env.TR_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "tr-samples-"));
}

export const requestFieldsSample = (partyId: string) => ({
  requesterName: "Robin Requester",
  requesterContact: "robin@example.test",
  received: "2026-01-31",
  channel: "email" as const,
  question: "Please send me a copy of the safeguards for my data.",
  partyIds: [partyId],
  categoryIds: [],
  purposeIds: [],
  withholdNames: false,
  notes: null,
});

function insertRequest(db: Db) {
  const party = insertParty(db);
  return createRequest(db, SYSTEM_ACTOR, { fields: requestFieldsSample(party.id) });
}

const newSafeguard = (db: Db) => insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] });

function insertPart(db: Db) {
  const safeguard = newSafeguard(db);
  return createCopyPart(db, SYSTEM_ACTOR, { safeguardId: safeguard.id, fields: { part: "annex_ii", content: "Encryption at rest", redacted: false, summary: null, reason: null } });
}

export const requestSamples: SampleInputs = {
  "request.list": () => ({ status: "open", pageSize: 10 }),
  "request.byId": (db) => ({ id: insertRequest(db).id }),
  "request.dueSummary": () => undefined,
  "request.create": (db) => ({ fields: requestFieldsSample(insertParty(db).id) }),
  "request.update": (db) => {
    const r = insertRequest(db);
    return { id: r.id, version: r.version, fields: { ...requestFieldsSample(JSON.parse(r.partyIds)[0] as string), requesterName: "Robin R." } };
  },
  "request.extend": (db) => {
    const party = insertParty(db);
    const today = new Date().toISOString().slice(0, 10);
    const r = createRequest(db, SYSTEM_ACTOR, { fields: { ...requestFieldsSample(party.id), received: today } });
    return { id: r.id, version: r.version, extraMonths: 2, reason: "Many vendors to check" };
  },
  "request.setStatus": (db) => {
    const r = insertRequest(db);
    return { id: r.id, version: r.version, status: "in_progress" };
  },
  "request.generateCopy": (db) => {
    throwawayDataDir();
    const t = insertTransfer(db);
    const party = insertParty(db);
    const r = createRequest(db, SYSTEM_ACTOR, { fields: { ...requestFieldsSample(party.id), partyIds: [t.exporterId] } });
    return { id: r.id, asOf: "2024-01-01" };
  },
  "request.parts": (db) => ({ safeguardId: newSafeguard(db).id }),
  "request.createPart": (db) => ({ safeguardId: newSafeguard(db).id, fields: { part: "prices", content: "EUR 1,000 a month", redacted: true, summary: "The monthly fee.", reason: null } }),
  "request.updatePart": (db) => {
    const p = insertPart(db);
    return { id: p.id, version: p.version, fields: { part: "annex_ii", content: "Encryption at rest and in transit", redacted: false, summary: null, reason: null } };
  },
  "request.deletePart": (db) => {
    const p = insertPart(db);
    return { id: p.id, version: p.version };
  },
  "file.list": (db) => {
    const t = insertTransfer(db);
    const tia = insertTia(db, t.id);
    return { tiaId: tia.id };
  },
};
