/**
 * Test-data factories, shared by unit tests (fresh test databases) and the demo seed.
 */
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import { user } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/server/auth/actor";
import type { Role } from "@/server/auth/permissions";
import { partyFieldsSchema, type PartyFieldsInput } from "@/server/schemas/party";
import { createParty } from "@/server/services/parties";

let counter = 0;
/** A unique suffix so each test's rows have their own names. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

export function partyFields(overrides: Partial<PartyFieldsInput> = {}) {
  return partyFieldsSchema.parse({
    name: `Test Party ${uniqueSuffix()}`,
    relationship: "service_provider",
    serviceCategory: "it_hosting",
    country: "US",
    processingLocations: ["US"],
    dataCategories: ["contact"],
    ...overrides,
  });
}

export function insertParty(db: Db, overrides: Partial<PartyFieldsInput> = {}, actor: Actor = SYSTEM_ACTOR) {
  return createParty(db, actor, partyFields(overrides));
}

/** A user row without a password (for context-level tests that never sign in). */
export function insertUser(db: Db, role: Role, email = `${role}-${uniqueSuffix()}@example.test`) {
  const id = crypto.randomUUID();
  const now = new Date();
  db.insert(user).values({ id, name: `${role} user`, email, role, active: true, emailVerified: true, createdAt: now, updatedAt: now }).run();
  return { id, email, name: `${role} user`, role };
}
