/**
 * GET /api/export/flags?format=csv|xlsx&<the flags page's URL parameters>&asOf=: the flags the page's filters
 * select (severity, regime, country, party, issue, owner or "mine", state) as of `asOf` (absent: today), in
 * the page's order, streamed (server/services/exports.ts). Audited.
 */
import { getDb } from "@/db/client";
import { urlStateFrom } from "@/app/_components/list-inputs";
import { FLAG_LIST_DEFAULTS, flagListInput } from "@/app/(app)/flags/flag-inputs";
import { exportFlags } from "@/server/services/exports";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return exportResponse(request, "registry.export", (actor, format, params) => {
    const { page: _p, pageSize: _s, ...filters } = flagListInput(urlStateFrom(FLAG_LIST_DEFAULTS, params));
    return exportFlags(getDb(), actor, filters, format);
  });
}
