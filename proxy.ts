/**
 * Next.js proxy (formerly middleware), run before every request:
 * 1. refuses a cross-site state-changing request with 403 (server/http/security.ts);
 * 2. gives every page a fresh CSP nonce (Next.js reads it from the request's
 *    Content-Security-Policy header and puts it on its own scripts), and every
 *    response the security headers.
 * Pages are all rendered per request (the root layout is dynamic), as nonces need.
 */
import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, configuredOrigins, contentSecurityPolicy, createNonce, crossSiteRefusal, SECURITY_HEADERS } from "@/server/http/security";

function withSecurityHeaders(response: NextResponse, csp: string | null): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (csp) response.headers.set("Content-Security-Policy", csp);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const refusal = crossSiteRefusal(request.method, request.headers, configuredOrigins());
  if (refusal) {
    const refused = NextResponse.json({ error: `Cross-site request refused (${refusal}).` }, { status: 403, headers: { "Cache-Control": "no-store" } });
    return withSecurityHeaders(refused, API_CSP);
  }
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/_next/static/") || pathname.startsWith("/_next/image")) {
    return withSecurityHeaders(NextResponse.next(), null);
  }
  // tRPC answers JSON: no nonce to hand to a page, so no request rewrite (the cost of the busiest route stays
  // low), and the strictest policy.
  if (pathname.startsWith("/api/trpc/")) return withSecurityHeaders(NextResponse.next(), API_CSP);
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: (process.env.BETTER_AUTH_URL ?? "").startsWith("https:"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

// The proxy runs on every request (pages and API routes get the check and the CSP, static files the other
// headers) except the registry upload: Next.js buffers a proxied request's body in memory, and only up to
// 10 MB, while an export of a 100,000-transfer registry is about 80 MB. That route makes the same cross-site
// check itself and answers JSON only (app/api/registry/import/route.ts).
// The file routes (app/api/files/…) are outside it too: the upload for the same reason (it reads its body as a
// stream, up to 20 MB), the downloads because a printable copy carries its own stricter CSP; they set the security
// headers themselves and the upload makes the cross-site check (server/http/file-responses.ts).
export const config = { matcher: ["/((?!api/registry/import|api/files/).*)"] };
