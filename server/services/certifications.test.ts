import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertCertification, insertTransfer } from "@/server/testing/factories-transfers";
import { auditLog } from "@/db/schema";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { certificationFieldsSchema } from "@/server/schemas/certification";
import { deleteCertification, listCertifications, updateCertification } from "./certifications";
import { viewTransfer } from "./transfers";

describe("certifications", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("makes a US transfer adequate under the EU-US DPF once the recipient is certified, audited", () => {
    const exporter = insertAffiliate(db, "DE");
    const recipient = insertParty(db);
    const t = insertTransfer(db, { exporterId: exporter.id, recipientId: recipient.id });
    expect(viewTransfer(db, t.id, "2024-06-01").verdict.status).toBe("unsafeguarded");
    const cert = insertCertification(db, recipient.id, { framework: "dpf_eu", from: "2023-07-17" });
    expect(viewTransfer(db, t.id, "2024-06-01").verdict.status).toBe("adequate");
    expect(db.select().from(auditLog).where(and(eq(auditLog.entityType, "certification"), eq(auditLog.entityId, cert.id))).all().map((a) => a.action)).toEqual(["certification.create"]);
  });

  it("updates with a version check and deletes with an audit row that keeps what it said", () => {
    const party = insertParty(db);
    const cert = insertCertification(db, party.id);
    const fields = certificationFieldsSchema.parse({ framework: "dpf_eu", from: "2023-07-17", verifiedOn: "2024-01-10", verifiedBy: "DPO" });
    const updated = updateCertification(db, SYSTEM_ACTOR, { id: cert.id, version: cert.version, fields });
    expect(updated.verifiedBy).toBe("DPO");
    expect(() => updateCertification(db, SYSTEM_ACTOR, { id: cert.id, version: cert.version, fields })).toThrow(/changed by someone else/);
    deleteCertification(db, SYSTEM_ACTOR, { id: cert.id, version: updated.version });
    expect(listCertifications(db, party.id)).toHaveLength(0);
    const del = db.select().from(auditLog).where(and(eq(auditLog.entityId, cert.id), eq(auditLog.action, "certification.delete"))).get();
    expect(JSON.parse(del!.before!)).toMatchObject({ framework: "dpf_eu", verifiedBy: "DPO" });
  });

  it("refuses a second certification of the same party under the same framework from the same day (its export would not re-import)", () => {
    const party = insertParty(db);
    insertCertification(db, party.id, { framework: "dpf_eu", from: "2023-07-17" });
    expect(() => insertCertification(db, party.id, { framework: "dpf_eu", from: "2023-07-17" })).toThrow(/already has a dpf_eu certification from 2023-07-17/);
    // Another framework, or another start, is a different certification.
    insertCertification(db, party.id, { framework: "dpf_uk", from: "2023-10-12" });
    const other = insertCertification(db, party.id, { framework: "dpf_eu", from: "2024-07-17" });
    // Editing one into the other's framework and date is refused too; nothing changes.
    const fields = certificationFieldsSchema.parse({ framework: "dpf_eu", from: "2023-07-17" });
    expect(() => updateCertification(db, SYSTEM_ACTOR, { id: other.id, version: other.version, fields })).toThrow(/already has/);
    expect(listCertifications(db, party.id).map((c) => `${c.framework} ${c.from}`)).toEqual(["dpf_eu 2023-07-17", "dpf_uk 2023-10-12", "dpf_eu 2024-07-17"]);
  });

  it("asks for who verified the DPF List entry when a date is given", () => {
    const r = certificationFieldsSchema.safeParse({ framework: "dpf_eu", from: "2023-07-17", verifiedOn: "2024-01-10" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["verifiedBy"] });
  });
});
