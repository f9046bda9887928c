/**
 * GET /api/export/safeguards?format=csv|xlsx&<the safeguards list's URL parameters>&asOf=: the safeguards the
 * list's filters select, with their status as of `asOf` (absent: today), their parties and how many
 * transfers rely on each, streamed (server/services/exports.ts). Audited.
 */
import { getDb } from "@/db/client";
import { SAFEGUARD_LIST_DEFAULTS, safeguardListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { exportSafeguards } from "@/server/services/exports";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return exportResponse(request, "registry.export", (actor, format, params) => {
    const { page: _p, pageSize: _s, ...filters } = safeguardListInput(urlStateFrom(SAFEGUARD_LIST_DEFAULTS, params));
    return exportSafeguards(getDb(), actor, filters, format);
  });
}
