/**
 * Security headers and the cross-site check for every request, applied by the Next.js proxy
 * (proxy.ts at the root). Pure functions of the request, tested in security.test.ts and, against
 * the running app, in e2e/security.spec.ts.
 */

/** Headers every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  // For browsers without CSP frame-ancestors; the CSP below says the same.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** The policy of a JSON response: it loads nothing and may not be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of a page, as the Next.js guide "Content Security Policy" describes:
 * scripts only with this response's nonce ('strict-dynamic' lets them load the app's chunks), no
 * 'unsafe-inline' scripts, no framing. Style elements need the nonce too; inline style attributes
 * are allowed (`style-src-attr`), which the coverage timeline's bar widths use: they cannot run code.
 * Development adds 'unsafe-eval' and inline styles, which React's dev tooling needs.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    options.dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a state-changing request must be refused as cross-site, or null to let it through.
 *
 * Every method but GET/HEAD/OPTIONS (tRPC mutations, /api/registry/*, /api/auth/*, server actions)
 * must come from the app's own pages: `Sec-Fetch-Site`, when the browser sends it, must be
 * `same-origin` (or `none`: typed by the user), and `Origin`, when sent, must be the app's own origin
 * (the Host the request was sent to, or BETTER_AUTH_URL). A request with neither header is not from
 * a browser (curl, scripts), which no other site can make a user's browser send with its cookies.
 */
export function crossSiteRefusal(method: string, headers: Headers, appOrigins: readonly string[] = []): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is ${site}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  if (origin === "null") return "Origin is null";
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return `Origin ${origin} is not a URL`;
  }
  const host = headers.get("host");
  if (host !== null && originUrl.host === host) return null;
  if (appOrigins.includes(originUrl.origin)) return null;
  return `Origin ${origin} is not this app`;
}

/** The app's configured public origin(s), from BETTER_AUTH_URL. */
export function configuredOrigins(): string[] {
  const url = process.env.BETTER_AUTH_URL;
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}
