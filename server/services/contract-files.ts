/**
 * Signed contract files: the executed document (PDF) of a safeguard and the document of a TIA, uploaded through
 * `POST /api/files/upload` and stored by SHA-256 under the data folder (./file-store.ts checks size, type and
 * name before anything is written). Each upload and each download is in the audit trail.
 */
import crypto from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { safeguards, storedFiles, transferImpactAssessments } from "@/db/schema";
import { recordAudit } from "@/server/services/record-audit";
import type { Actor } from "@/server/auth/actor";
import { AppError, notFound } from "@/server/errors";
import type { FileKind } from "@/server/domain/choices/request-labels";
import { readStoredBytes, storeBytes, validatePdfUpload, type UploadCandidate } from "./file-store";

export type StoredFileRow = typeof storedFiles.$inferSelect;
export const MAX_LISTED_FILES = 50;

/** Which record a file belongs to: a safeguard (its executed contract) or a TIA (its document). */
export type FileTarget = { kind: "signed_contract"; safeguardId: string } | { kind: "tia_document"; tiaId: string };

function checkTarget(db: DbOrTx, target: FileTarget): void {
  if (target.kind === "signed_contract") {
    if (!db.select({ id: safeguards.id }).from(safeguards).where(eq(safeguards.id, target.safeguardId)).get()) throw notFound("Safeguard", target.safeguardId);
  } else if (!db.select({ id: transferImpactAssessments.id }).from(transferImpactAssessments).where(eq(transferImpactAssessments.id, target.tiaId)).get()) {
    throw notFound("TIA", target.tiaId);
  }
}

/** Validates, stores and records an upload. Any refusal happens before a byte is written. */
export function uploadFile(db: Db, actor: Actor, target: FileTarget, upload: UploadCandidate, now: Date = new Date()): StoredFileRow {
  checkTarget(db, target);
  const { name } = validatePdfUpload(upload);
  const stored = storeBytes(upload.bytes);
  return db.transaction((tx) => {
    checkTarget(tx, target);
    const row: StoredFileRow = {
      id: crypto.randomUUID(),
      kind: target.kind satisfies FileKind,
      safeguardId: target.kind === "signed_contract" ? target.safeguardId : null,
      tiaId: target.kind === "tia_document" ? target.tiaId : null,
      sha256: stored.sha256,
      size: stored.size,
      contentType: "application/pdf",
      originalName: name,
      uploadedAt: now.toISOString(),
      uploadedById: actor.kind === "user" ? actor.id : null,
      uploadedByEmail: actor.email,
    };
    tx.insert(storedFiles).values(row).run();
    recordAudit(tx, actor, { action: "file.upload", entityType: "file", entityId: row.id, before: null, after: row }, now);
    return row;
  });
}

/** The files of a safeguard or a TIA, newest first (at most 50). */
export function listFiles(db: DbOrTx, input: { safeguardId?: string; tiaId?: string }): StoredFileRow[] {
  if (input.safeguardId) {
    checkTarget(db, { kind: "signed_contract", safeguardId: input.safeguardId });
    return db.select().from(storedFiles).where(eq(storedFiles.safeguardId, input.safeguardId)).orderBy(desc(storedFiles.uploadedAt), desc(storedFiles.id)).limit(MAX_LISTED_FILES).all();
  }
  if (input.tiaId) {
    checkTarget(db, { kind: "tia_document", tiaId: input.tiaId });
    return db.select().from(storedFiles).where(eq(storedFiles.tiaId, input.tiaId)).orderBy(desc(storedFiles.uploadedAt), desc(storedFiles.id)).limit(MAX_LISTED_FILES).all();
  }
  throw new AppError("BAD_REQUEST", "Name either a safeguard or a TIA.");
}

/** A stored file's bytes, as stored; the download is audited. */
export function fileForDownload(db: Db, actor: Actor, id: string, now: Date = new Date()): { row: StoredFileRow; bytes: Buffer } {
  const row = db.select().from(storedFiles).where(eq(storedFiles.id, id)).get();
  if (!row) throw notFound("File", id);
  const bytes = readStoredBytes(row.sha256);
  db.transaction((tx) => recordAudit(tx, actor, { action: "file.download", entityType: "file", entityId: row.id, before: null, after: { sha256: row.sha256, originalName: row.originalName } }, now));
  return { row, bytes };
}
