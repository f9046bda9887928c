/**
 * GET /api/map/shapes: every country outline of the overview's world map, once, as `<path id="c-XX">` elements
 * (Natural Earth 1:110m via world-atlas, projected on the server). Public geometry, the same for every user and
 * every registry: cached by the browser and revalidated with an ETag.
 */
import { createHash } from "node:crypto";
import { worldShapesSvg } from "@/app/(app)/_dashboard/world-base";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Response {
  const svg = worldShapesSvg();
  const etag = `"${createHash("sha256").update(svg).digest("base64url").slice(0, 22)}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" } });
}
