/**
 * Demo data: an invented multinational manufacturer (no real company), loaded
 * into an empty database in demo mode. The parties come from the demo
 * registry document (db/examples/demo-registry.json), the same file the
 * command-line checker's examples use.
 */
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Db } from "./client";
import { parties, user } from "./schema";
import type { Actor } from "@/server/auth/actor";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/server/demo-accounts";
import { partyFieldsSchema } from "@/server/schemas/party";
import { createParty } from "@/server/services/parties";
import { createUser } from "@/server/services/users";

export const DEMO_REGISTRY_PATH = path.join(process.cwd(), "db", "examples", "demo-registry.json");

const SEED_ACTOR: Actor = { kind: "system", email: "system (demo seed)" };

/** Fields of a registry party that map to party columns; the rest is kept in `extra`. */
const PARTY_KEYS = new Set([
  "id",
  "name",
  "relationship",
  "country",
  "serviceCategory",
  "adviserType",
  "processingLocations",
  "registrationNumber",
  "website",
  "contactName",
  "contactEmail",
  "ccpaRole",
  "ccpaSale",
  "ccpaShare",
  "dataCategories",
  "notes",
]);

export function isEmpty(db: Db): boolean {
  const users = db.select({ n: count() }).from(user).get()?.n ?? 0;
  const rows = db.select({ n: count() }).from(parties).get()?.n ?? 0;
  return users === 0 && rows === 0;
}

export async function seedDemo(db: Db): Promise<{ users: number; parties: number }> {
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, SEED_ACTOR, { ...account, password: DEMO_PASSWORD });
  }
  const doc = JSON.parse(fs.readFileSync(DEMO_REGISTRY_PATH, "utf8")) as { parties: Record<string, unknown>[] };
  for (const p of doc.parties) {
    const fields = partyFieldsSchema.parse({
      ...p,
      processingLocations: (p.processingLocations as string[] | undefined) ?? [p.country],
    });
    const extra = Object.fromEntries(Object.entries(p).filter(([k]) => !PARTY_KEYS.has(k)));
    createParty(db, SEED_ACTOR, fields, { id: String(p.id), extra: Object.keys(extra).length ? extra : undefined });
  }
  return { users: DEMO_ACCOUNTS.length, parties: doc.parties.length };
}
