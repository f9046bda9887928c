/**
 * GET /api/export/audit?format=csv|xlsx&<the audit page's URL parameters>: the audit entries the page's
 * filters select (actor, action, record type, record id, from, to), newest first, with actions and record
 * types in words, streamed (server/services/exports.ts). For the roles that read the audit log. Audited.
 */
import { getDb } from "@/db/client";
import { AUDIT_LIST_DEFAULTS, auditListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { exportAudit } from "@/server/services/exports";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return exportResponse(request, "audit.read", (actor, format, params) => {
    const { page: _p, pageSize: _s, ...filters } = auditListInput(urlStateFrom(AUDIT_LIST_DEFAULTS, params));
    return exportAudit(getDb(), actor, filters, format);
  });
}
