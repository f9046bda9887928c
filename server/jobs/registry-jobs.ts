/**
 * The registry's whole-document jobs: previewing and applying an import, and writing an export. At 100,000
 * transfers each holds the whole document in memory (a 79 MB file, several hundred MB of objects), so the server
 * runs them in a child process (./run-registry-job.ts) and its own heap stays small and capped
 * (server/scripts/serve.mjs). This module is what runs in that child, and in-process where no child is built
 * (`next dev`, Vitest).
 *
 * Files, not messages, carry the documents: the upload is streamed to a file by the route, the export is written
 * to a file that the route streams back.
 */
import fs from "node:fs";
import type { Db } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { AppError, type AppErrorCode } from "@/server/errors";
import {
  applyRegistryImport,
  exportRegistryFile,
  exportVerdictsFile,
  previewRegistryImport,
  RegistryImportRejected,
  type ImportIssue,
  type RegistryImportPreview,
  type RegistryImportResult,
} from "@/server/services/registry-import";

export type RegistryJob =
  | { kind: "preview"; file: string; fileName?: string }
  | { kind: "apply"; file: string; fileName?: string; planHash?: string; actor: Actor }
  | { kind: "export"; out: string; variant: "full" | "shareable" | "verdicts"; date: string; asOf: string };

export interface RegistryExportWritten {
  fileName: string;
  bytes: number;
}

export type RegistryJobValue<J extends RegistryJob> = J extends { kind: "preview" } ? RegistryImportPreview : J extends { kind: "apply" } ? RegistryImportResult : RegistryExportWritten;

/** What crosses the process boundary: the value, or the error in a shape that can be rebuilt. */
export type RegistryJobReply = { ok: true; value: unknown } | { ok: false; error: { code: AppErrorCode | "INTERNAL"; message: string; errors?: ImportIssue[]; fieldErrors?: Record<string, string> } };

export function runRegistryJobHere<J extends RegistryJob>(db: Db, job: J): RegistryJobValue<J> {
  switch (job.kind) {
    case "preview":
      return previewRegistryImport(db, { text: fs.readFileSync(job.file, "utf8"), fileName: job.fileName }) as RegistryJobValue<J>;
    case "apply":
      return applyRegistryImport(db, job.actor, { text: fs.readFileSync(job.file, "utf8"), fileName: job.fileName, planHash: job.planHash }) as RegistryJobValue<J>;
    case "export": {
      const { fileName, body } = job.variant === "verdicts" ? exportVerdictsFile(db, job.asOf, job.date) : exportRegistryFile(db, job.date, { shareable: job.variant === "shareable" });
      fs.writeFileSync(job.out, body);
      return { fileName, bytes: Buffer.byteLength(body) } as RegistryJobValue<J>;
    }
  }
}

export function replyOf(run: () => unknown): RegistryJobReply {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof RegistryImportRejected) return { ok: false, error: { code: e.code, message: e.message, errors: e.errors } };
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } };
    return { ok: false, error: { code: "INTERNAL", message: e instanceof Error ? (e.stack ?? e.message) : String(e) } };
  }
}

/** The value of a reply, or its error thrown again as the class the caller knows. */
export function valueOf<T>(reply: RegistryJobReply): T {
  if (reply.ok) return reply.value as T;
  const { code, message, errors, fieldErrors } = reply.error;
  if (errors) throw new RegistryImportRejected(errors);
  if (code === "INTERNAL") throw new Error(`The registry job failed: ${message}`);
  throw new AppError(code, message, fieldErrors);
}
