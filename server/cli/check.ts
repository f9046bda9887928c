/**
 * The checker's work, without any I/O: parse, validate, evaluate, serialise. `main.ts` wires it to files,
 * stdin and the clock; the benchmark calls {@link runCheck} in-process.
 */
import { referenceKnowledgeBase, referenceKnowledgeBaseInfo } from "../../db/reference/index";
import { isValidIsoDate } from "../domain/dates";
import { documentRecordErrors } from "../domain/registry/record-rules";
import { validateRegistryDocument } from "../domain/registry/validate";
import type { RegistryValidationError } from "../domain/registry/types";
import { compileKnowledgeBase, type CompiledKnowledgeBase } from "../domain/rules/compile-kb";
import { evaluateRegistry } from "../domain/rules/evaluate-registry";
import type { VerdictsDocument } from "../domain/rules/types";
import { formatVerdictsTable } from "./format-table";

export type OutputFormat = "json" | "table";

export interface CheckOptions {
  asOf: string;
  format?: OutputFormat;
  /**
   * Indent the JSON output. The CLI turns it on for a terminal (or with --pretty) and leaves it off when piped:
   * machines read it, and on 100k transfers indentation alone costs a quarter of the run.
   */
  pretty?: boolean;
  /** Defaults to the compiled reference knowledge base (db/reference), the same data the app seeds. */
  ckb?: CompiledKnowledgeBase;
  /** Today's date (the CLI's clock): an `asOf` before it gets the note that today's knowledge of the law is applied. */
  today?: string;
}

/** What a command prints and its exit code: 0 ok, 1 something unsafeguarded, 2 invalid input. */
export interface CommandResult {
  exitCode: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

let referenceCkb: CompiledKnowledgeBase | null = null;

/** The compiled reference knowledge base, compiled once per process. */
export function getReferenceKnowledgeBase(): CompiledKnowledgeBase {
  referenceCkb ??= compileKnowledgeBase(referenceKnowledgeBase, referenceKnowledgeBaseInfo);
  return referenceCkb;
}

function formatErrors(errors: readonly RegistryValidationError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join("\n") + "\n";
}

function fail(message: string): CommandResult {
  return { exitCode: 2, stdout: "", stderr: message.endsWith("\n") ? message : `${message}\n` };
}

/** Parses and validates a registry document's text. */
export function parseRegistryText(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false as const, errors: [{ path: "$", message: `invalid JSON: ${(error as Error).message}` }] };
  }
  return validateRegistryDocument(json);
}

/** `check`: verdicts-v1 JSON (or a table) for every transfer as of `options.asOf`. */
export function runCheck(text: string, options: CheckOptions): CommandResult {
  if (!isValidIsoDate(options.asOf)) return fail(`--as-of: "${options.asOf}" is not a real date written YYYY-MM-DD`);
  const parsed = parseRegistryText(text);
  if (!parsed.ok) return { exitCode: 2, stdout: "", stderr: formatErrors(parsed.errors) };
  const verdicts: VerdictsDocument = evaluateRegistry(parsed.document, options.ckb ?? getReferenceKnowledgeBase(), options.asOf, options.today, parsed.index);
  // Plain JSON.stringify(value) when compact: passing a (null) replacer leaves V8's fastest path.
  const stdout =
    options.format === "table"
      ? formatVerdictsTable(verdicts)
      : `${options.pretty ? JSON.stringify(verdicts, null, 2) : JSON.stringify(verdicts)}\n`;
  return { exitCode: verdicts.summary.unsafeguarded > 0 ? 1 : 0, stdout, stderr: "" };
}

/**
 * `validate`: exit 0 and a one-line summary when the document is valid, exit 2 with every error otherwise: the
 * format's errors, then the record rules the app's forms and import apply (server/domain/registry/record-rules.ts:
 * affiliate exporters, destinations among the recipient's processing locations, SCC signing dates against the
 * knowledge base, nothing archived that live transfers rely on, one certification per framework and date, no
 * assessment completed after `today`).
 */
export function runValidate(text: string, options: { today: string; ckb?: CompiledKnowledgeBase }): CommandResult {
  const parsed = parseRegistryText(text);
  if (!parsed.ok) return { exitCode: 2, stdout: "", stderr: formatErrors(parsed.errors) };
  const doc = parsed.document;
  const ruleErrors = documentRecordErrors(doc, { ckb: options.ckb ?? getReferenceKnowledgeBase(), today: options.today });
  if (ruleErrors.length) return { exitCode: 2, stdout: "", stderr: formatErrors(ruleErrors) };
  return {
    exitCode: 0,
    stdout: `valid transfer-registry/v1: ${doc.parties.length} parties, ${(doc.safeguards ?? []).length} safeguards, ${doc.transfers.length} transfers\n`,
    stderr: "",
  };
}
