/**
 * GET /api/registry/export: the whole registry as a `transfer-registry/v1` download, or with `?content=verdicts`
 * every live transfer's verdict as of `?asOf=YYYY-MM-DD` (absent: today) as `transfer-registry/verdicts-v1`.
 * Checked with the same permission table as the tRPC procedures; the date with the app's one date schema.
 */
import { getDb } from "@/db/client";
import { sessionUserFromHeaders } from "@/server/api/context";
import { can } from "@/server/auth/permissions";
import { isoDate } from "@/server/schemas/dates";
import { exportRegistryFile, exportVerdictsFile } from "@/server/services/registry-import";
import { today } from "@/server/services/verdicts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const refuse = (status: 400 | 401 | 403, message: string) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "registry.export")) return refuse(403, `Your role (${user.role}) may not export the registry.`);
  const url = new URL(request.url);
  const content = url.searchParams.get("content") ?? "registry";
  if (content !== "registry" && content !== "verdicts") return refuse(400, `content must be "registry" or "verdicts".`);
  const rawAsOf = url.searchParams.get("asOf");
  const parsed = isoDate().optional().safeParse(rawAsOf ?? undefined);
  if (!parsed.success) return refuse(400, `asOf: ${parsed.error.issues[0]?.message ?? "Enter a real date as YYYY-MM-DD."}`);
  const now = today();
  const { fileName, body } = content === "verdicts" ? exportVerdictsFile(getDb(), parsed.data ?? now, now) : exportRegistryFile(getDb(), now);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
