/**
 * Domain errors raised by services, mapped to tRPC codes in one place
 * (server/api/trpc.ts). Services never import tRPC.
 */
export type AppErrorCode = "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST" | "FORBIDDEN";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field-level messages for forms, keyed by field name. */
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string, id: string) => new AppError("NOT_FOUND", `${what} "${id}" was not found.`);

/** The message shown when an edit was made against an out-of-date version. */
export const staleEdit = (what: string) =>
  new AppError(
    "CONFLICT",
    `This ${what} was changed by someone else after you opened it. Your changes were not saved: reload to see the latest version, then apply your edit again.`,
  );
