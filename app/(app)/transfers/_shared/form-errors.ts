import { TRPCClientError } from "@trpc/client";
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string | undefined>;

/** Field-level messages from a tRPC error: zod issues from the input schema, or a service's AppError fields. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const data = error.data as { zodError?: { fieldErrors?: Record<string, string[]> } | null; fieldErrors?: Record<string, string> | null } | undefined;
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(data?.zodError?.fieldErrors ?? {})) if (v?.[0]) out[k] = v[0];
  for (const [k, v] of Object.entries(data?.fieldErrors ?? {})) out[k] = v;
  return out;
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** The first message per top-level field of a failed client-side parse. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
