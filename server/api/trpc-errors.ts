import type { TRPCError } from "@trpc/server";

/** What the API logs of a failed call: only failures of the server itself (a refusal is the caller's business). */
export function logInternalError(error: TRPCError, path: string | undefined): void {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
}
