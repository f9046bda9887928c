/**
 * The shared part of the export download routes: session and permission (the same table as tRPC), the
 * format, the list's filters from the query string (the same URL parameters as the list page), and the
 * streamed response.
 */
import { sessionUserFromHeaders } from "@/server/api/context";
import type { Actor } from "@/server/auth/actor";
import { can, type Action } from "@/server/auth/permissions";
import { refusalMessage } from "@/server/auth/permission-labels";
import { AppError } from "@/server/errors";
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from "@/server/services/exports";

export const refuse = (status: number, message: string) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

/** The query string as a server page's searchParams. */
export function searchParamsOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

export async function exportResponse(request: Request, action: Action, build: (actor: Actor, format: ExportFormat, params: Record<string, string>) => ExportFile): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, action)) return refuse(403, refusalMessage(user.role, action));
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return refuse(400, `Unknown format "${format}": choose csv or xlsx.`);
  let file: ExportFile;
  try {
    file = build({ kind: "user", ...user }, format as ExportFormat, searchParamsOf(url));
  } catch (e) {
    if (e instanceof AppError) return refuse(400, e.message);
    throw e;
  }
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Export-Rows": String(file.rows),
    },
  });
}
