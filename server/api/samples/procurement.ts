import { insertTransfer, insertSafeguard } from "@/server/testing/factories-transfers";
import type { SampleInputs } from "./types";

/** The procurement shortcuts (issue 12): attach a safeguard from its page, the duplicate-transfer check. */
export const procurementSamples: SampleInputs = {
  "safeguard.attachable": (db) => {
    const t = insertTransfer(db);
    return { safeguardId: insertSafeguard(db, { partyIds: [t.exporterId, t.recipientId] }).id, q: "" };
  },
  "safeguard.attach": (db) => {
    const t = insertTransfer(db);
    const sg = insertSafeguard(db, { partyIds: [t.exporterId, t.recipientId] });
    return { safeguardId: sg.id, transfers: [{ id: t.id, version: t.version }] };
  },
  "transfer.duplicates": (db) => {
    const t = insertTransfer(db);
    return { exporterId: t.exporterId, recipientId: t.recipientId, destination: t.destination, dataCategories: ["contact"], purposes: ["it_hosting"] };
  },
};
