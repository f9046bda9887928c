/**
 * GET /api/map/base?regime=EU|UK|CH&asOf=YYYY-MM-DD: the world map's base layer (every country shaded by how the
 * regime classifies it on that date) as an SVG image, for the overview's map. Signed-in roles that read transfers;
 * revalidated with an ETag, so a browser downloads it once per classification.
 */
import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import { asOfFrom } from "@/app/_components/as-of-params";
import { worldBaseSvg } from "@/app/(app)/_dashboard/world-base";
import { sessionUserFromHeaders } from "@/server/api/context";
import { refusalMessage } from "@/server/auth/permission-labels";
import { can } from "@/server/auth/permissions";
import { countryClasses } from "@/server/services/dashboard-map";
import { today } from "@/server/services/verdicts";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const REGIMES = ["EU", "UK", "CH"] as const;
const refuse = (status: number, message: string) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const user = await sessionUserFromHeaders(request.headers);
  if (!user) return refuse(401, "Please sign in.");
  if (!can(user.role, "transfer.read")) return refuse(403, refusalMessage(user.role, "transfer.read"));
  const url = new URL(request.url);
  const regime = url.searchParams.get("regime") ?? "EU";
  if (!(REGIMES as readonly string[]).includes(regime)) return refuse(400, `regime must be one of ${REGIMES.join(", ")}.`);
  const svg = worldBaseSvg(countryClasses(getDb(), regime as (typeof REGIMES)[number], asOfFrom(url.searchParams) ?? today()).countries);
  const etag = `"${createHash("sha256").update(svg).digest("base64url").slice(0, 22)}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" } });
}
