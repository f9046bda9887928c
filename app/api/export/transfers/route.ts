/**
 * GET /api/export/transfers?format=csv|xlsx&<the transfers list's URL parameters>: the transfers the list's
 * filters select, with their verdicts as of `asOf` (absent: today), streamed (server/services/exports.ts).
 * The Art. 30(1)(e)/30(2)(c) record of transfers. Audited.
 */
import { getDb } from "@/db/client";
import { TRANSFER_LIST_DEFAULTS, transferListInput, urlStateFrom } from "@/app/_components/list-inputs";
import { exportTransfers } from "@/server/services/exports";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return exportResponse(request, "registry.export", (actor, format, params) => {
    const { page: _p, pageSize: _s, ...filters } = transferListInput(urlStateFrom(TRANSFER_LIST_DEFAULTS, params));
    return exportTransfers(getDb(), actor, filters, format);
  });
}
