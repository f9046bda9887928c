/**
 * GET /api/files/copies/:id — a stored copy of the safeguards (PDF as a download, HTML inline for printing),
 * served byte for byte as stored when it was generated (never regenerated). Permission: `request.read`.
 */
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import { can } from "@/server/auth/permissions";
import { appErrorResponse, contentDisposition, fileResponse, refuse } from "@/server/http/file-responses";
import { copyForDownload } from "@/server/services/request-copy";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "request.read")) return refuse(403, `Your role (${user.role}) may not read requests for a copy of the safeguards.`);
  const { id } = await params;
  try {
    const { row, bytes } = copyForDownload(getDb(), id);
    const name = `safeguards-copy-${row.asOf}-${row.sha256.slice(0, 12)}.${row.format}`;
    return row.format === "pdf"
      ? fileResponse(bytes, "application/pdf", contentDisposition("attachment", name), row.sha256)
      : fileResponse(bytes, "text/html; charset=utf-8", contentDisposition("inline", name), row.sha256);
  } catch (e) {
    return appErrorResponse(e);
  }
}
