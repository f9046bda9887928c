/**
 * `transfer-registry` command line: `check FILE|- [--as-of YYYY-MM-DD] [--format json|table]` and
 * `validate FILE|-`. Exit codes: 0 nothing unsafeguarded / valid, 1 something unsafeguarded, 2 invalid input.
 * This is the only place the checker reads the clock (today's date is the default `--as-of`).
 */
import { readFile } from "node:fs/promises";
import { runCheck, runValidate, type CommandResult, type OutputFormat } from "./check";

export const USAGE = `Usage:
  transfer-registry check FILE|- [--as-of YYYY-MM-DD] [--format json|table] [--pretty]
  transfer-registry validate FILE|-

check     evaluates every transfer of a transfer-registry/v1 document and prints
          transfer-registry/verdicts-v1 JSON (or a table). Exit 0 when nothing is
          unsafeguarded, 1 when something is, 2 on invalid input. --as-of defaults
          to today; JSON is indented on a terminal or with --pretty. The output
          names the knowledge base version and the day its facts were checked up
          to; for a past date it notes that today's knowledge of the law is applied.
validate  checks the document only. Exit 0 when valid, 2 otherwise.
Errors go to stderr, one per line, with their JSON path.
`;

export interface CliIo {
  readText(path: string): Promise<string>;
  today(): string;
  /** Whether stdout is a terminal (indent JSON for people). */
  isTerminal(): boolean;
}

/** Today's date on this machine's calendar, `YYYY-MM-DD`. */
export function readToday(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${day}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export const nodeIo: CliIo = {
  readText: (path) => (path === "-" ? readStdin() : readFile(path, "utf8")),
  today: readToday,
  isTerminal: () => process.stdout.isTTY === true,
};

interface ParsedArgs {
  command: string;
  file: string;
  asOf: string | null;
  format: OutputFormat;
  pretty: boolean;
}

/** Parses argv (without `node` and the script). Returns an error message on bad arguments. */
export function parseArgs(argv: readonly string[]): ParsedArgs | { error: string } | { help: true } {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) return { help: true };
  const [command, ...rest] = argv;
  if (command !== "check" && command !== "validate") return { error: `unknown command "${command}"` };
  let file: string | null = null;
  let asOf: string | null = null;
  let format: OutputFormat = "json";
  let pretty = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? rest[++i];
    if (flag === "--as-of" && command === "check") {
      const v = value();
      if (v === undefined) return { error: "--as-of needs a date YYYY-MM-DD" };
      asOf = v;
    } else if (flag === "--format" && command === "check") {
      const v = value();
      if (v !== "json" && v !== "table") return { error: `--format must be json or table, not ${JSON.stringify(v ?? "")}` };
      format = v;
    } else if (arg === "--pretty" && command === "check") {
      pretty = true;
    } else if (arg.startsWith("--")) {
      return { error: `unknown option ${arg}` };
    } else if (file === null) {
      file = arg;
    } else {
      return { error: `unexpected argument ${arg}` };
    }
  }
  if (file === null) return { error: "missing FILE (use - for stdin)" };
  return { command, file, asOf, format, pretty };
}

/** Runs the CLI and returns what to print and the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo): Promise<CommandResult> {
  const args = parseArgs(argv);
  if ("help" in args) return { exitCode: 0, stdout: USAGE, stderr: "" };
  if ("error" in args) return { exitCode: 2, stdout: "", stderr: `${args.error}\n${USAGE}` };
  let text: string;
  try {
    text = await io.readText(args.file);
  } catch (error) {
    return { exitCode: 2, stdout: "", stderr: `${args.file}: cannot read: ${(error as Error).message}\n` };
  }
  const today = io.today();
  if (args.command === "validate") return runValidate(text, { today });
  return runCheck(text, { asOf: args.asOf ?? today, today, format: args.format, pretty: args.pretty || io.isTerminal() });
}

/** Entry point used by bin/transfer-registry.mjs. */
export async function main(argv: readonly string[]): Promise<number> {
  const result = await runCli(argv);
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}
