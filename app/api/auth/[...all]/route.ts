import { toNextJsHandler } from "better-auth/next-js";
import { AUTH_ROUTES, getAuth } from "@/server/auth/auth";
import { withClientAddress } from "@/server/auth/client-address";

export const dynamic = "force-dynamic";

const PREFIX = "/api/auth";

/**
 * Only the endpoints the app uses (sign-in, sign-out, session) reach better-auth; every other
 * path answers 404, so account changes can only go through the app's own audited procedures.
 * The client address the rate limit counts is set here from the socket (client-address.ts).
 * The auth instance is created on the first request, not at import (no DB at build time).
 */
function handle(method: "GET" | "POST") {
  return (req: Request) => {
    const path = new URL(req.url).pathname.slice(PREFIX.length);
    if (!AUTH_ROUTES.some((r) => r.method === method && r.path === path)) {
      return Response.json({ message: "Not found.", code: "NOT_FOUND" }, { status: 404 });
    }
    return toNextJsHandler(getAuth())[method](withClientAddress(req));
  };
}

export const GET = handle("GET");
export const POST = handle("POST");
