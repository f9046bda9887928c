/**
 * Responses of the file routes (app/api/files/…). These routes are outside the proxy (proxy.ts matcher: the proxy
 * would buffer an upload's body, and its page CSP would block the printable copy's inline style), so they set the
 * security headers themselves; the upload route makes the cross-site check itself.
 */
import { AppError } from "@/server/errors";
import { SECURITY_HEADERS } from "./security";

/** Downloads: nothing may run, nothing may be framed; the printable copy's own inline style is allowed. */
export const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const jsonResponse = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { ...SECURITY_HEADERS, "Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'" } });

export const refuse = (status: number, message: string) => jsonResponse(status, { error: message });

export function appErrorResponse(e: unknown): Response {
  if (e instanceof AppError) return refuse(e.code === "NOT_FOUND" ? 404 : e.code === "CONFLICT" ? 409 : e.code === "FORBIDDEN" ? 403 : 400, e.message);
  throw e;
}

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback (RFC 6266, RFC 5987). */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse(bytes: Buffer, contentType: string, disposition: string, sha256: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...SECURITY_HEADERS,
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": disposition,
      "Content-Security-Policy": DOWNLOAD_CSP,
      "Cache-Control": "private, no-store",
      ETag: `"${sha256}"`,
      "X-Content-SHA256": sha256,
    },
  });
}
