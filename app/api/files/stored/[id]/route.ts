/**
 * GET /api/files/stored/:id — an uploaded executed contract or TIA document, as stored (named by its SHA-256 on
 * disk; the uploader's sanitised name is offered as the download name). Permission: `file.read`. Audited.
 */
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/permissions";
import { appErrorResponse, contentDisposition, fileResponse, refuse } from "@/server/http/file-responses";
import { fileForDownload } from "@/server/services/contract-files";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "file.read")) return refuse(403, `Your role (${user.role}) may not download signed documents.`);
  const { id } = await params;
  const actor: Actor = { kind: "user", ...user };
  try {
    const { row, bytes } = fileForDownload(getDb(), actor, id);
    return fileResponse(bytes, "application/pdf", contentDisposition("attachment", row.originalName), row.sha256);
  } catch (e) {
    return appErrorResponse(e);
  }
}
