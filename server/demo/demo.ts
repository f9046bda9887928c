/**
 * Demo data: an invented multinational manufacturer (no real company), loaded
 * into an empty database in demo mode. The whole registry (parties, their US
 * framework certifications, safeguards, transfers and impact assessments) comes
 * from the demo registry document, db/examples/demo-registry.json, and goes
 * through the same import service as a user's upload, so the demo is audited
 * like any import and cannot hold data an import would refuse.
 */
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { parties, user } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/demo-accounts";
import { applyRegistryImport, type RegistryImportResult } from "@/server/services/registry-import";
import { createUser } from "@/server/services/users";

export const DEMO_REGISTRY_PATH = path.join(process.cwd(), "db", "examples", "demo-registry.json");

const SEED_ACTOR: Actor = { kind: "system", email: "system (demo seed)" };

export function isEmpty(db: Db): boolean {
  const users = db.select({ n: count() }).from(user).get()?.n ?? 0;
  const rows = db.select({ n: count() }).from(parties).get()?.n ?? 0;
  return users === 0 && rows === 0;
}

export async function seedDemo(db: Db): Promise<{ users: number; registry: RegistryImportResult["counts"] }> {
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, SEED_ACTOR, { ...account, password: DEMO_PASSWORD });
  }
  // Throws RegistryImportRejected, listing every error with its JSON path, if the file is broken.
  const result = applyRegistryImport(db, SEED_ACTOR, { text: fs.readFileSync(DEMO_REGISTRY_PATH, "utf8"), fileName: "db/examples/demo-registry.json" });
  return { users: DEMO_ACCOUNTS.length, registry: result.counts };
}
