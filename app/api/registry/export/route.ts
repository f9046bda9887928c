/**
 * GET /api/registry/export: the whole registry as a `transfer-registry/v1` download. Checked with the same
 * permission table as the tRPC procedures, and audited (one row per download).
 * - `?variant=shareable`: without contacts and internal notes (FORMAT.md, "Shareable export"); every role
 *   that may export (`registry.export`).
 * - no variant: the full document, which round-trips through the import; administrators only
 *   (`registry.export_full`).
 * - `?content=verdicts`: every live transfer's verdict as of `?asOf=YYYY-MM-DD` (absent: today) as
 *   `transfer-registry/verdicts-v1` (`registry.export`); the date is checked with the app's one date schema.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import { recordAudit } from "@/server/services/record-audit";
import { refusalMessage } from "@/server/auth/permission-labels";
import { can } from "@/server/auth/permissions";
import { isoDate } from "@/server/schemas/dates";
import { runRegistryJob } from "@/server/jobs/run-registry-job";
import { today } from "@/server/services/verdicts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const refuse = (status: 400 | 401 | 403, message: string) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  const url = new URL(request.url);
  const content = url.searchParams.get("content") ?? "registry";
  if (content !== "registry" && content !== "verdicts") return refuse(400, `content must be "registry" or "verdicts".`);
  const variant = content === "verdicts" ? "verdicts" : (url.searchParams.get("variant") ?? "full");
  if (variant !== "full" && variant !== "shareable" && variant !== "verdicts") return refuse(400, `Unknown variant "${variant}": choose shareable, or leave it out for the full export.`);
  const action = variant === "full" ? "registry.export_full" : "registry.export";
  if (!can(user.role, action)) {
    return refuse(403, variant === "full" && can(user.role, "registry.export") ? `${refusalMessage(user.role, action)} Download the shareable export (?variant=shareable) instead.` : refusalMessage(user.role, action));
  }
  const parsed = isoDate().optional().safeParse(url.searchParams.get("asOf") ?? undefined);
  if (!parsed.success) return refuse(400, `asOf: ${parsed.error.issues[0]?.message ?? "Enter a real date as YYYY-MM-DD."}`);
  const now = today();
  // Written by a child process (server/jobs/run-registry-job.ts) to a temporary file, streamed from it, removed.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tr-export-"));
  const out = path.join(dir, "export.json");
  let written;
  try {
    written = await runRegistryJob({ kind: "export", out, variant, date: now, asOf: parsed.data ?? now });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const { fileName, bytes } = written;
  const db = getDb();
  db.transaction((tx) => recordAudit(tx, { kind: "user", ...user }, { action: "export.registry", entityType: "export", entityId: fileName, before: null, after: { fileName, variant, bytes } }));
  const stream = fs.createReadStream(out);
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  stream.once("close", cleanUp);
  stream.once("error", cleanUp);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes),
      "Cache-Control": "no-store",
    },
  });
}
