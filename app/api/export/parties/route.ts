/**
 * GET /api/export/parties?format=csv|xlsx&<the parties list's URL parameters>&asOf=: the parties the list's
 * filters select, with their worst transfer status as of `asOf` (absent: today), streamed
 * (server/services/exports.ts). Contacts and notes are left out. Audited.
 */
import { getDb } from "@/db/client";
import { asOfFrom } from "@/app/_components/as-of-params";
import { PARTY_LIST_DEFAULTS, partyListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { exportParties } from "@/server/services/exports";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return exportResponse(request, "registry.export", (actor, format, params) => {
    const { page: _p, pageSize: _s, ...filters } = partyListInput(urlStateFrom(PARTY_LIST_DEFAULTS, params));
    return exportParties(getDb(), actor, filters, asOfFrom(params), format);
  });
}
