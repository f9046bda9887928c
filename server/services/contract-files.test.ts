/**
 * Uploads of executed contracts and TIA documents: a size limit, a type check on the bytes (the PDF signature
 * `%PDF-`, not just the declared type) and no path in the name; each refusal has a clear message and stores
 * nothing (no file in the data folder, no row, no audit entry). Accepted files are stored by SHA-256.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard, insertTia, insertTransfer } from "@/server/testing/factories-transfers";
import { auditLog, storedFiles } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { fileForDownload, listFiles, uploadFile } from "./contract-files";
import { MAX_UPLOAD_BYTES, readStoredBytes, sha256Of } from "./file-store";

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

let db: Db;
let dir: string;
beforeEach(() => {
  db = createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-files-"));
  process.env.TR_DATA_DIR = dir;
});
afterEach(() => {
  delete process.env.TR_DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

const safeguard = () => insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] });
const storedNothing = () => {
  expect(fs.existsSync(path.join(dir, "files")) ? fs.readdirSync(path.join(dir, "files")) : []).toEqual([]);
  expect(db.select().from(storedFiles).all()).toEqual([]);
  expect(db.select().from(auditLog).all().filter((a) => a.action === "file.upload")).toEqual([]);
};

describe("uploading a signed contract", () => {
  it("stores a PDF under its SHA-256 and records who uploaded it", () => {
    const sg = safeguard();
    const row = uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: sg.id }, { name: "SCCs signed.pdf", contentType: "application/pdf", bytes: PDF });
    expect(row).toMatchObject({ sha256: sha256Of(PDF), size: PDF.byteLength, originalName: "SCCs signed.pdf", safeguardId: sg.id });
    expect(fs.readdirSync(path.join(dir, "files"))).toEqual([sha256Of(PDF)]);
    expect(readStoredBytes(row.sha256).equals(PDF)).toBe(true);
    expect(listFiles(db, { safeguardId: sg.id }).map((f) => f.id)).toEqual([row.id]);
    expect(db.select().from(auditLog).all().filter((a) => a.action === "file.upload" && a.entityId === row.id)).toHaveLength(1);
  });

  it("refuses an oversized file", () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(() => uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: safeguard().id }, { name: "big.pdf", contentType: "application/pdf", bytes: big })).toThrow(
      /larger than 20 MB.*Nothing was stored/,
    );
    storedNothing();
  });

  it("refuses a file that is not a PDF even when it claims to be one", () => {
    expect(() => uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: safeguard().id }, { name: "scan.pdf", contentType: "application/pdf", bytes: PNG })).toThrow(
      /Only PDF documents.*Nothing was stored/,
    );
    expect(() => uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: safeguard().id }, { name: "a.pdf", contentType: "text/plain", bytes: PDF })).toThrow(/Only PDF/);
    storedNothing();
  });

  it.each(["../../etc/passwd.pdf", "..\\windows\\system.pdf", "C:evil.pdf", "contracts/sub.pdf", "..", "bad\u0000name.pdf"])("refuses the path-traversal name %j", (name) => {
    expect(() => uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: safeguard().id }, { name, contentType: "application/pdf", bytes: PDF })).toThrow(
      /folder path or control characters.*Nothing was stored/,
    );
    storedNothing();
  });

  it("refuses an unknown safeguard", () => {
    expect(() => uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: "nope" }, { name: "a.pdf", contentType: "application/pdf", bytes: PDF })).toThrow(/not found/);
    storedNothing();
  });
});

describe("TIA documents and downloads", () => {
  it("attaches a document to a TIA; a download gives the stored bytes and is audited", () => {
    const t = insertTransfer(db);
    const tia = insertTia(db, t.id);
    const row = uploadFile(db, SYSTEM_ACTOR, { kind: "tia_document", tiaId: tia.id }, { name: "TIA 2022.pdf", contentType: "application/pdf; charset=binary", bytes: PDF });
    expect(listFiles(db, { tiaId: tia.id }).map((f) => f.id)).toEqual([row.id]);
    const { bytes } = fileForDownload(db, SYSTEM_ACTOR, row.id);
    expect(bytes.equals(PDF)).toBe(true);
    expect(db.select().from(auditLog).all().filter((a) => a.action === "file.download")).toHaveLength(1);
  });

  it("refuses to serve a stored file changed on disk", () => {
    const row = uploadFile(db, SYSTEM_ACTOR, { kind: "signed_contract", safeguardId: safeguard().id }, { name: "a.pdf", contentType: "application/pdf", bytes: PDF });
    fs.writeFileSync(path.join(dir, "files", row.sha256), Buffer.from("%PDF-tampered"));
    expect(() => fileForDownload(db, SYSTEM_ACTOR, row.id)).toThrow(/does not match its SHA-256/);
  });
});
