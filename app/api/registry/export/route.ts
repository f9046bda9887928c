/**
 * GET /api/registry/export: the whole registry as a `transfer-registry/v1`
 * download. Checked with the same permission table as the tRPC procedures.
 */
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import { can } from "@/server/auth/permissions";
import { exportRegistryFile } from "@/server/services/registry-import";
import { today } from "@/server/services/verdicts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const refuse = (status: 401 | 403, message: string) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "registry.export")) return refuse(403, `Your role (${user.role}) may not export the registry.`);
  const { fileName, body } = exportRegistryFile(getDb(), today());
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
