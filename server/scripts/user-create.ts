/**
 * `npm run user:create -- --email someone@example.com --role dpo [--name "Full Name"]`
 *
 * Creates a user. The password comes from the TR_USER_PASSWORD environment
 * variable or, when that is not set, from a hidden prompt. There is no default.
 */
import readline from "node:readline";
import { parseArgs } from "node:util";
import { databasePath, migrateDatabase, openDatabase } from "@/db/client";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { isRole, ROLES } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import { createUserSchema, MIN_PASSWORD_LENGTH } from "@/server/schemas/user";
import { createUser } from "@/server/services/users";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail("No TR_USER_PASSWORD set and no terminal to prompt on.");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const rlWithOutput = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WritableStream };
  let prompted = false;
  rlWithOutput._writeToOutput = (s: string) => {
    if (!prompted) {
      rlWithOutput.output.write(s);
      prompted = true;
    }
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    }),
  );
}

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
});
if (!values.email || !values.role) fail(`Usage: npm run user:create -- --email EMAIL --role ${ROLES.join("|")} [--name NAME]`);
if (!isRole(values.role)) fail(`Unknown role "${values.role}". Use one of: ${ROLES.join(", ")}.`);

const password = process.env.TR_USER_PASSWORD ?? (await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters, not easy to guess): `));
const parsed = createUserSchema.safeParse({ name: values.name ?? values.email, email: values.email, role: values.role, password });
if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));

const db = openDatabase(databasePath());
migrateDatabase(db);
try {
  const user = await createUser(db, { ...SYSTEM_ACTOR, email: "system (user:create)" }, parsed.data);
  console.log(`Created ${user.email} with role ${user.role}.`);
} catch (e) {
  fail(e instanceof AppError ? e.message : String(e));
} finally {
  db.$client.close();
}
