/**
 * Content-addressed file storage under the data folder (server/config.ts `dataDir()`): `<data>/files/<sha256>`.
 * The stored name is always the hash of the bytes, never a name from a user, so no upload can choose where it is
 * written; the same bytes are stored once. Uploads are checked here before anything is written: size, type (the
 * bytes must start with the PDF signature `%PDF-`, whatever the request claims) and the file name (metadata only,
 * but a name with a path in it is refused so nobody is misled about what was stored).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/server/config";
import { AppError } from "@/server/errors";

/** Largest upload: an executed contract or TIA as a PDF. Below the proxy's 10 MB body limit is not needed (the
 * upload route is outside the proxy), but a signed contract is rarely larger. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "20 MB";
const SHA256 = /^[0-9a-f]{64}$/;
const PDF_MAGIC = Buffer.from("%PDF-", "latin1");

export function filesDir(root = dataDir()): string {
  return path.join(root, "files");
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** Writes `bytes` as `<files>/<sha256>` (atomically: temp file, then rename) unless already there. */
export function storeBytes(bytes: Uint8Array, root = dataDir()): { sha256: string; size: number } {
  const sha256 = sha256Of(bytes);
  const dir = filesDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, sha256);
  if (!fs.existsSync(target)) {
    const temp = path.join(dir, `.${sha256}.${process.pid}.${crypto.randomUUID()}.tmp`);
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  }
  return { sha256, size: bytes.byteLength };
}

/** The stored bytes of `sha256`; refuses anything that is not a hash, and bytes that no longer match it. */
export function readStoredBytes(sha256: string, root = dataDir()): Buffer {
  if (!SHA256.test(sha256)) throw new AppError("BAD_REQUEST", "Not a file reference.");
  const file = path.join(filesDir(root), sha256);
  if (!fs.existsSync(file)) throw new AppError("NOT_FOUND", "The stored file is missing from the data folder.");
  const bytes = fs.readFileSync(file);
  if (sha256Of(bytes) !== sha256) throw new AppError("CONFLICT", "The stored file does not match its SHA-256: it was changed on disk.");
  return bytes;
}

/**
 * The uploader's file name as metadata: refused when it holds a path (a slash, a backslash, a `..` segment, a
 * drive letter) or control characters, trimmed, at most 200 characters.
 */
export function sanitiseFileName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new AppError("BAD_REQUEST", "The file has no name. Choose the file again.");
  const hasControl = [...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (/[/\\]|^\.\.?$|^[a-z]:/i.test(trimmed) || hasControl) {
    const shown = [...trimmed].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? "?" : c)).join("").slice(0, 80);
    throw new AppError("BAD_REQUEST", `The file name "${shown}" contains a folder path or control characters. Rename the file (letters, digits, spaces, dots, dashes) and upload it again. Nothing was stored.`);
  }
  return trimmed.length > 200 ? trimmed.slice(0, 200) : trimmed;
}

export interface UploadCandidate {
  name: string;
  /** The Content-Type the client declared. */
  contentType: string;
  bytes: Uint8Array;
}

/** Checks an upload; throws a clear AppError (nothing stored) or returns the sanitised name. */
export function validatePdfUpload(upload: UploadCandidate): { name: string } {
  const name = sanitiseFileName(upload.name);
  if (upload.bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "The file is empty. Nothing was stored.");
  if (upload.bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("BAD_REQUEST", `The file is larger than ${MAX_UPLOAD_LABEL}, the most one upload may be. Nothing was stored.`);
  }
  const declared = upload.contentType.split(";")[0]!.trim().toLowerCase();
  const isPdf = upload.bytes.byteLength >= PDF_MAGIC.length && Buffer.from(upload.bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC);
  if (declared !== "application/pdf" || !isPdf) {
    throw new AppError("BAD_REQUEST", "Only PDF documents can be uploaded: this file is not a PDF (it does not start with the PDF signature). Nothing was stored.");
  }
  return { name };
}
