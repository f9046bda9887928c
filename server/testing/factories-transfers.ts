/**
 * Test-data factories for transfers, safeguards, certifications and TIAs,
 * shared by unit tests, the role-matrix samples and e2e helpers.
 */
import type { Db } from "@/db/client";
import { insertParty, uniqueSuffix } from "./factories";
import { SYSTEM_ACTOR, type Actor } from "@/server/auth/actor";
import { certificationFieldsSchema, type CertificationFieldsInput } from "@/server/schemas/certification";
import { safeguardFieldsSchema, type SafeguardFieldsInput } from "@/server/schemas/safeguard";
import { tiaFieldsSchema, type TiaFieldsInput } from "@/server/schemas/tia";
import { transferFieldsSchema, type TransferFieldsInput } from "@/server/schemas/transfer";
import { createCertification } from "@/server/services/certifications";
import { createSafeguard } from "@/server/services/safeguards";
import { createTia } from "@/server/services/tias";
import { createTransfer } from "@/server/services/transfers";

/** A group affiliate established in `country` (an exporter). */
export function insertAffiliate(db: Db, country = "DE") {
  return insertParty(db, { name: `Affiliate ${country} ${uniqueSuffix()}`, relationship: "affiliate", serviceCategory: null, country, processingLocations: [country] });
}

/** A German affiliate exporting to a US processor, with both parties created. */
export function insertTransferParties(db: Db, recipientCountry = "US") {
  const exporter = insertAffiliate(db, "DE");
  const recipient = insertParty(db, { name: `Recipient ${uniqueSuffix()}`, country: recipientCountry, processingLocations: [recipientCountry] });
  return { exporter, recipient };
}

export function transferFields(overrides: Partial<TransferFieldsInput> & { exporterId: string; recipientId: string }) {
  return transferFieldsSchema.parse({
    destination: "US",
    exporterRole: "controller",
    recipientRole: "processor",
    dataCategories: ["contact"],
    dataSubjects: ["customers"],
    purposes: ["it_hosting"],
    frequency: "continuous",
    start: "2022-01-01",
    ...overrides,
  });
}

export function insertTransfer(db: Db, overrides: Partial<TransferFieldsInput> = {}, actor: Actor = SYSTEM_ACTOR) {
  const { exporterId, recipientId } =
    overrides.exporterId && overrides.recipientId
      ? { exporterId: overrides.exporterId, recipientId: overrides.recipientId }
      : (() => {
          const p = insertTransferParties(db);
          return { exporterId: p.exporter.id, recipientId: p.recipient.id };
        })();
  return createTransfer(db, actor, { fields: transferFields({ ...overrides, exporterId, recipientId }) });
}

export function safeguardFields(overrides: Partial<SafeguardFieldsInput> = {}) {
  return safeguardFieldsSchema.parse({
    type: "scc",
    title: `SCCs ${uniqueSuffix()}`,
    sccVersion: "2021/914",
    modules: [2],
    signed: "2022-01-01",
    ...overrides,
  });
}

/** A safeguard; SCCs default to 2021/914 module 2 signed by `partyIds`. */
export function insertSafeguard(db: Db, overrides: Partial<SafeguardFieldsInput> = {}, actor: Actor = SYSTEM_ACTOR) {
  return createSafeguard(db, actor, { fields: safeguardFields(overrides) });
}

export function insertCertification(db: Db, partyId: string, overrides: Partial<CertificationFieldsInput> = {}, actor: Actor = SYSTEM_ACTOR) {
  return createCertification(db, actor, { partyId, fields: certificationFieldsSchema.parse({ framework: "dpf_eu", from: "2023-07-17", ...overrides }) });
}

export function insertTia(db: Db, transferId: string, overrides: Partial<TiaFieldsInput> = {}, actor: Actor = SYSTEM_ACTOR) {
  return createTia(db, actor, { transferId, fields: tiaFieldsSchema.parse({ completed: "2022-02-01", assessor: "Privacy team", outcome: "proceed", ...overrides }) });
}
