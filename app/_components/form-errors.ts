import { TRPCClientError } from "@trpc/client";

/**
 * The forms validate on the server only (the zod schemas stay in server/schemas and never reach the
 * browser): a refused save comes back with the input's issues, each with its path, and with a
 * service's field messages (AppError); these helpers put each message next to its field.
 */
export type FieldErrors = Record<string, string | undefined>;

interface ErrorData {
  code?: string;
  inputIssues?: { path: string[]; message: string }[] | null;
  fieldErrors?: Record<string, string> | null;
}

const dataOf = (error: unknown): ErrorData | undefined => (error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined);

/**
 * Field-level messages from a tRPC error, keyed by the form's top-level field: the first input issue per
 * field (a leading "fields" segment, the wrapper of create/update inputs, is dropped) and the service's
 * field messages.
 */
export function serverFieldErrors(error: unknown): FieldErrors {
  const data = dataOf(error);
  const out: FieldErrors = {};
  for (const issue of data?.inputIssues ?? []) {
    const path = issue.path[0] === "fields" ? issue.path.slice(1) : issue.path;
    out[path[0] ?? "form"] ??= issue.message;
  }
  for (const [k, v] of Object.entries(data?.fieldErrors ?? {})) out[k] = v;
  return out;
}

export function errorCode(error: unknown): string | undefined {
  return dataOf(error)?.code;
}

export interface SaveFailure {
  title: string;
  message: string;
  /** How many fields the server refused, when it refused fields (the summary lists them until they are changed). */
  fields?: number;
  /** Someone else saved the record meanwhile: offer to reload it. */
  stale?: boolean;
}

/** The failure of a save refused for `fields` fields (by the server, or by a form's own check before sending). */
export function fieldsFailure(fields: number): SaveFailure {
  return { title: "Please correct the highlighted fields", message: fields === 1 ? "1 field needs attention." : `${fields} fields need attention.`, fields };
}

/**
 * The banner above a form whose save was refused: which fields to correct when the input was invalid,
 * the conflict when the record changed meanwhile, otherwise the server's message.
 */
export function saveFailure(error: unknown, noun: string, editing: boolean): SaveFailure {
  const data = dataOf(error);
  if (data?.inputIssues?.length) {
    return fieldsFailure(Object.keys(serverFieldErrors(error)).length);
  }
  const conflict = data?.code === "CONFLICT" && editing;
  return {
    title: conflict ? `Not saved: this ${noun} changed meanwhile` : "Not saved",
    message: error instanceof Error ? error.message : `The ${noun} could not be saved.`,
    stale: conflict,
  };
}

/**
 * The summary's sentence under its title when it lists no field: the server's message, or, once every field it
 * refused has been changed, that the form is ready to be saved again (not the stale count of the refusal).
 */
export function summaryText(failure: SaveFailure, listed: number): string | null {
  if (listed > 0) return null;
  if (failure.fields) return "Every highlighted field has been changed: save again to check them.";
  return failure.message;
}
