/**
 * GET /api/export/summary?asOf=YYYY-MM-DD: the PDF summary report for auditors (server/services/summary-report.ts):
 * counts by status and regime, top issues, the knowledge base, the as-of date. Audited.
 */
import { getDb } from "@/db/client";
import { asOfFrom } from "@/app/_components/as-of-params";
import { sessionUserFromHeaders } from "@/server/api/context";
import { can } from "@/server/auth/permissions";
import { refusalMessage } from "@/server/auth/permission-labels";
import { exportSummaryPdf } from "@/server/services/summary-report";
import { refuse, searchParamsOf } from "../respond";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "registry.export")) return refuse(403, refusalMessage(user.role, "registry.export"));
  const { fileName, body } = await exportSummaryPdf(getDb(), { kind: "user", ...user }, asOfFrom(searchParamsOf(new URL(request.url))));
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}
