/**
 * The copy of the safeguards for a request, end to end on a fresh database: the relevant transfers (by entity),
 * their mechanism with the SCC module, Annex II redacted to its summary (SCC 2021/914 Clause 8.3), both formats
 * stored under the data folder by SHA-256, re-read byte for byte, and the request's status and audit trail.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard, insertTransfer } from "@/server/testing/factories-transfers";
import { auditLog } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { pdfText } from "@/e2e/pdf-text";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { buildCopyBlocks } from "@/server/domain/requests/copy";
import { eq } from "drizzle-orm";
import { sha256Of } from "./file-store";
import { copyForDownload, generateCopy, readCopyInput } from "./request-copy";
import { renderCopyPdf } from "./request-copy-pdf";
import { createCopyPart, createRequest, getRequest, setRequestStatus } from "./requests";

const SECRET = "Vault cluster FRA-7 with quarterly key ceremony by Ironclad Keys Ltd";
const SUMMARY = "Data is encrypted at rest and in transit; keys are managed by a specialist provider.";

let db: Db;
let dir: string;
beforeEach(() => {
  db = createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-copy-"));
  process.env.TR_DATA_DIR = dir;
});
afterEach(() => {
  delete process.env.TR_DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

function scenario() {
  const exporter = insertAffiliate(db, "DE");
  const recipient = insertParty(db, { name: "Stratus Hosting Inc.", country: "US", processingLocations: ["US"] });
  const scc = insertSafeguard(db, { title: "SCCs Stratus 2022", modules: [2], signed: "2022-01-01", partyIds: [exporter.id, recipient.id] });
  insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, safeguardIds: [scc.id], start: "2022-02-01" });
  // another exporter's transfer: not concerned by the request
  insertTransfer(db, { start: "2022-02-01" });
  createCopyPart(db, SYSTEM_ACTOR, { safeguardId: scc.id, fields: { part: "annex_ii", content: SECRET, redacted: true, summary: SUMMARY, reason: null } });
  const request = createRequest(db, SYSTEM_ACTOR, {
    fields: { requesterName: "Robin Requester", requesterContact: "robin@example.test", received: "2026-01-31", channel: "email", question: "A copy please", partyIds: [exporter.id], categoryIds: [], purposeIds: [], withholdNames: false, notes: null },
  });
  return { exporter, recipient, scc, request };
}

describe("the copy of the safeguards", () => {
  it("covers only the transfers the request concerns, with their mechanism", () => {
    const { request, scc } = scenario();
    const input = readCopyInput(db, request.id, "2024-06-01");
    expect(input.transfers).toHaveLength(1);
    expect(input.transfers[0]).toMatchObject({ recipientName: "Stratus Hosting Inc.", destination: "United States of America" });
    expect(input.transfers[0]!.mechanisms.map((m) => m.safeguardId)).toContain(scc.id);
    expect(input.safeguards[0]).toMatchObject({ id: scc.id, modules: [2], sccVersion: "2021/914" });
  });

  it("stores the PDF and HTML by SHA-256; the PDF names the module and shows Annex II only as its summary", async () => {
    const { request } = scenario();
    const { pdf, html } = await generateCopy(db, SYSTEM_ACTOR, { id: request.id, asOf: "2024-06-01" }, new Date("2026-02-10T09:00:00Z"));
    expect(fs.readdirSync(path.join(dir, "files")).sort()).toEqual([pdf.sha256, html.sha256].sort());
    const stored = copyForDownload(db, pdf.id).bytes;
    expect(sha256Of(stored)).toBe(pdf.sha256);
    expect(stored.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await pdfText(stored)).replace(/\s+/g, " ");
    expect(text).toContain("Standard contractual clauses");
    expect(text).toContain("Module 2 (controller to processor)");
    expect(text).toContain(SUMMARY.replace(/\s+/g, " "));
    expect(text).toContain("Clause 8.3");
    expect(text).not.toContain("Vault cluster");
    expect(text).not.toContain("Ironclad");
    const htmlText = copyForDownload(db, html.id).bytes.toString("utf8");
    expect(htmlText).toContain(SUMMARY);
    expect(htmlText).not.toContain("Vault cluster");
  });

  it("renders the same bytes for the same content and date (what is stored is what is served)", async () => {
    const { request } = scenario();
    const blocks = buildCopyBlocks(readCopyInput(db, request.id, "2024-06-01"));
    const at = new Date("2026-02-10T09:00:00Z");
    const a = await renderCopyPdf(blocks, at);
    const b = await renderCopyPdf(blocks, at);
    expect(sha256Of(a)).toBe(sha256Of(b));
  });

  it("moves a received request to in progress, lists the copy, then lets it be marked as sent; all audited", async () => {
    const { request } = scenario();
    expect(() => setRequestStatus(db, SYSTEM_ACTOR, { id: request.id, version: request.version, status: "sent" })).toThrow();
    const { pdf } = await generateCopy(db, SYSTEM_ACTOR, { id: request.id, asOf: "2024-06-01" });
    const detail = getRequest(db, request.id, "2026-02-10");
    expect(detail.status).toBe("in_progress");
    expect(detail.copies.map((c) => c.sha256)).toContain(pdf.sha256);
    const sent = setRequestStatus(db, SYSTEM_ACTOR, { id: request.id, version: detail.version, status: "sent" }, "2026-02-11");
    expect(sent).toMatchObject({ status: "sent", closedOn: "2026-02-11" });
    const actions = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, request.id)).all().map((a) => a.action);
    expect(actions).toEqual(["request.create", "request.status", "request.copy", "request.status"]);
    await expect(generateCopy(db, SYSTEM_ACTOR, { id: request.id })).rejects.toThrow(/sent/);
  });
});
