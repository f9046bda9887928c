import { insertParty } from "@/server/testing/factories";
import {
  insertAffiliate,
  insertCertification,
  insertSafeguard,
  insertTransfer,
  insertTransferParties,
  safeguardFields,
  transferFields,
} from "@/server/testing/factories-transfers";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { archiveSafeguard } from "@/server/services/safeguards";
import { archiveTransfer } from "@/server/services/transfers";
import type { SampleInputs } from "./types";

export const transferSamples: SampleInputs = {
  "transfer.list": (db) => (insertTransfer(db), { status: "unsafeguarded", sort: "status" }),
  "transfer.byId": (db) => ({ id: insertTransfer(db).id }),
  "transfer.coverage": (db) => ({ id: insertTransfer(db).id }),
  "transfer.history": (db) => ({ id: insertTransfer(db).id }),
  "transfer.byParty": (db) => ({ partyId: insertTransfer(db).exporterId }),
  "transfer.describe": (db) => {
    const { exporter, recipient } = insertTransferParties(db);
    return { exporterId: exporter.id, recipientId: recipient.id, destination: "US", exporterRole: "controller", recipientRole: "processor" };
  },
  "transfer.create": (db) => {
    const { exporter, recipient } = insertTransferParties(db);
    return { fields: transferFields({ exporterId: exporter.id, recipientId: recipient.id }) };
  },
  "transfer.update": (db) => {
    const t = insertTransfer(db);
    return { id: t.id, version: t.version, fields: transferFields({ exporterId: t.exporterId, recipientId: t.recipientId, notes: "Updated" }) };
  },
  "transfer.archive": (db) => {
    const t = insertTransfer(db);
    return { id: t.id, version: t.version };
  },
  "transfer.restore": (db) => {
    const t = insertTransfer(db);
    const archived = archiveTransfer(db, SYSTEM_ACTOR, { id: t.id, version: t.version });
    return { id: archived.id, version: archived.version };
  },

  "safeguard.list": (db) => (insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] }), { type: "scc" }),
  "safeguard.byId": (db) => ({ id: insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] }).id }),
  "safeguard.history": (db) => ({ id: insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] }).id }),
  "safeguard.create": (db) => ({ fields: safeguardFields({ partyIds: [insertAffiliate(db).id, insertParty(db).id] }) }),
  "safeguard.update": (db) => {
    const partyIds = [insertAffiliate(db).id, insertParty(db).id];
    const sg = insertSafeguard(db, { partyIds });
    return { id: sg.id, version: sg.version, fields: safeguardFields({ partyIds, title: "Renamed SCCs" }) };
  },
  "safeguard.archive": (db) => {
    const sg = insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] });
    return { id: sg.id, version: sg.version };
  },
  "safeguard.restore": (db) => {
    const sg = insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] });
    const archived = archiveSafeguard(db, SYSTEM_ACTOR, { id: sg.id, version: sg.version });
    return { id: archived.id, version: archived.version };
  },

  "certification.list": (db) => ({ partyId: insertParty(db).id }),
  "certification.create": (db) => ({ partyId: insertParty(db).id, fields: { framework: "dpf_eu", from: "2023-07-17" } }),
  "certification.update": (db) => {
    const c = insertCertification(db, insertParty(db).id);
    return { id: c.id, version: c.version, fields: { framework: "dpf_eu", from: "2023-07-17", coveredData: "both" } };
  },
  "certification.delete": (db) => {
    const c = insertCertification(db, insertParty(db).id);
    return { id: c.id, version: c.version };
  },

  "tia.list": (db) => ({ transferId: insertTransfer(db).id }),
  "tia.create": (db) => ({ transferId: insertTransfer(db).id, fields: { completed: "2022-02-01", assessor: "Privacy team", outcome: "proceed" } }),
};
