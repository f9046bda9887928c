import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty, partyFields } from "@/server/testing/factories";
import { insertTransfer, insertTransferParties } from "@/server/testing/factories-transfers";
import { auditLog, parties } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { partyFieldsSchema } from "@/server/schemas/party";
import { archiveParty, createParty, getParty, listParties, partyHistory, restoreParty, updateParty } from "./parties";

describe("party register", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("derives a registry id from the name and keeps it unique", () => {
    const a = insertParty(db, { name: "Ångström Analytics S.A." });
    const b = insertParty(db, { name: "Angstrom Analytics SA" });
    expect(a.id).toBe("angstrom-analytics-s-a");
    expect(b.id).toBe("angstrom-analytics-sa");
    const c = insertParty(db, { name: "Ångström Analytics S.A." });
    expect(c.id).toBe("angstrom-analytics-s-a-2");
  });

  it("stores processing locations and data categories with the party", () => {
    const p = insertParty(db, { processingLocations: ["US", "IE"], dataCategories: ["contact", "online_identifiers"] });
    expect(getParty(db, p.id).processingLocations).toEqual(["IE", "US"]);
    expect(getParty(db, p.id).dataCategories).toEqual(["contact", "online_identifiers"]);
  });

  it("validates fields with messages a user can act on", () => {
    const result = partyFieldsSchema.safeParse({ name: " ", relationship: "service_provider", country: "XX", processingLocations: [], website: "nimbus" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.name).toBe("Enter the legal name.");
    expect(byField.country).toMatch(/from the list/);
    expect(byField.processingLocations).toMatch(/at least one processing location/);
    expect(byField.website).toMatch(/https:\/\//);
  });

  it("requires a service category for service providers and drops it for other relationships", () => {
    expect(partyFieldsSchema.safeParse({ ...partyFields(), serviceCategory: null }).success).toBe(false);
    const reseller = partyFieldsSchema.parse({ ...partyFields(), relationship: "reseller", serviceCategory: "marketing" });
    expect(reseller.serviceCategory).toBeNull();
  });

  it("refuses an unknown data category and writes nothing", () => {
    expect(() => createParty(db, SYSTEM_ACTOR, partyFields({ name: "Bad Category Ltd", dataCategories: ["nope"] }))).toThrow(/Unknown data categories: nope/);
    expect(db.select().from(parties).where(eq(parties.name, "Bad Category Ltd")).all()).toHaveLength(0);
  });

  it("searches, filters by relationship, country (establishment or processing) and category, and paginates", () => {
    insertParty(db, { name: "Alpha Hosting", country: "US", processingLocations: ["US", "DE"], serviceCategory: "it_hosting" });
    insertParty(db, { name: "Beta Payments", country: "US", processingLocations: ["US"], serviceCategory: "payment" });
    insertParty(db, { name: "Gamma GmbH", relationship: "affiliate", serviceCategory: null, country: "DE", processingLocations: ["DE"] });
    insertParty(db, { name: "Delta 50% Off", relationship: "reseller", serviceCategory: null, country: "FR", processingLocations: ["FR"] });

    expect(listParties(db, { search: "beta" }).items.map((p) => p.name)).toEqual(["Beta Payments"]);
    expect(listParties(db, { search: "50%" }).items.map((p) => p.name)).toEqual(["Delta 50% Off"]);
    expect(listParties(db, { relationship: "affiliate" }).items.map((p) => p.name)).toEqual(["Gamma GmbH"]);
    expect(listParties(db, { country: "DE" }).items.map((p) => p.name)).toEqual(["Alpha Hosting", "Gamma GmbH"]);
    expect(listParties(db, { serviceCategory: "payment" }).total).toBe(1);

    const page1 = listParties(db, { pageSize: 5, sort: "name", dir: "desc" });
    expect(page1.total).toBe(4);
    expect(page1.items[0]!.name).toBe("Gamma GmbH");
    const small = listParties(db, { pageSize: 5, page: 1 });
    expect(small.items).toHaveLength(4);
    expect(listParties(db, { pageSize: 5, page: 2 }).items).toHaveLength(0);
  });

  it("refuses a stale edit and overwrites nothing", () => {
    const p = insertParty(db, { name: "Original Name" });
    updateParty(db, SYSTEM_ACTOR, { id: p.id, version: p.version, fields: partyFields({ name: "First Edit" }) });
    expect(() => updateParty(db, SYSTEM_ACTOR, { id: p.id, version: p.version, fields: partyFields({ name: "Stale Edit" }) })).toThrow(
      /changed by someone else/,
    );
    const current = getParty(db, p.id);
    expect(current.name).toBe("First Edit");
    expect(current.version).toBe(2);
    expect(db.select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "party.update"))).all()).toHaveLength(1);
  });

  it("archives and restores instead of deleting, each audited", () => {
    const p = insertParty(db);
    const archived = archiveParty(db, SYSTEM_ACTOR, { id: p.id, version: p.version });
    expect(archived.archivedAt).not.toBeNull();
    expect(listParties(db, {}).items.map((x) => x.id)).not.toContain(p.id);
    expect(listParties(db, { archived: "archived" }).items.map((x) => x.id)).toEqual([p.id]);
    expect(() => archiveParty(db, SYSTEM_ACTOR, { id: p.id, version: archived.version })).toThrow(/already archived/);
    const restored = restoreParty(db, SYSTEM_ACTOR, { id: p.id, version: archived.version });
    expect(restored.archivedAt).toBeNull();
    expect(partyHistory(db, p.id).map((h) => h.action)).toEqual(["party.restore", "party.archive", "party.create"]);
  });

  it("keeps the live transfers naming a party valid: an exporter stays an affiliate, a destination stays a location (issue 8)", () => {
    const { exporter, recipient } = insertTransferParties(db, "US");
    insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id, destination: "US" });
    const edit = (id: string, version: number, fields: Record<string, unknown>) =>
      updateParty(db, SYSTEM_ACTOR, { id, version, fields: partyFieldsSchema.parse({ ...getParty(db, id), ...fields }) });
    expect(() => edit(exporter.id, exporter.version, { relationship: "service_provider", serviceCategory: "it_hosting" })).toThrow(/export from this party/);
    // The destination is the recipient's country: moving the party elsewhere is refused; keeping the country is enough.
    expect(() => edit(recipient.id, recipient.version, { country: "CA", processingLocations: ["CA"] })).toThrow(/send data to this party in US/);
    expect(getParty(db, recipient.id).country).toBe("US");
    expect(edit(recipient.id, recipient.version, { processingLocations: ["CA"] }).processingLocations).toEqual(["CA"]);
  });
});
