/**
 * GET /api/registry/export: the whole registry as a `transfer-registry/v1` download. Checked with the same
 * permission table as the tRPC procedures, and audited (one row per download).
 * - `?variant=shareable`: without contacts and internal notes (FORMAT.md, "Shareable export"); every role
 *   that may export (`registry.export`).
 * - no variant: the full document, which round-trips through the import; administrators only
 *   (`registry.export_full`).
 */
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import { recordAudit } from "@/server/audit/record-audit";
import { can } from "@/server/auth/permissions";
import { refusalMessage } from "@/server/auth/permission-labels";
import { exportRegistryFile } from "@/server/services/registry-import";
import { today } from "@/server/services/verdicts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const refuse = (status: 400 | 401 | 403, message: string) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  const variant = new URL(request.url).searchParams.get("variant") ?? "full";
  if (variant !== "full" && variant !== "shareable") return refuse(400, `Unknown variant "${variant}": choose shareable, or leave it out for the full export.`);
  const action = variant === "shareable" ? "registry.export" : "registry.export_full";
  if (!can(user.role, action)) {
    return refuse(403, variant === "full" && can(user.role, "registry.export") ? `${refusalMessage(user.role, action)} Download the shareable export (?variant=shareable) instead.` : refusalMessage(user.role, action));
  }
  const db = getDb();
  const { fileName, body } = exportRegistryFile(db, today(), { shareable: variant === "shareable" });
  db.transaction((tx) =>
    recordAudit(tx, { kind: "user", ...user }, { action: "export.registry", entityType: "export", entityId: fileName, before: null, after: { fileName, variant, bytes: Buffer.byteLength(body) } }),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
