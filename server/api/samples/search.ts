import { insertParty } from "@/server/testing/factories";
import { insertAffiliate, insertSafeguard } from "@/server/testing/factories-transfers";
import type { SampleInputs } from "./types";

/** The pickers' searches and look-ups by id, and the purposes reference list. */
export const searchSamples: SampleInputs = {
  "party.search": (db) => {
    insertParty(db, { name: "Matrix Search Hosting" });
    return { q: "mat", relationship: "service_provider", limit: 20 };
  },
  "party.byIds": (db) => ({ ids: [insertParty(db).id, insertAffiliate(db).id] }),
  "safeguard.search": (db) => {
    const partyIds = [insertAffiliate(db).id, insertParty(db).id];
    insertSafeguard(db, { partyIds });
    return { q: "", partyIds, includeUnbound: true, limit: 20 };
  },
  "safeguard.byIds": (db) => ({ ids: [insertSafeguard(db, { partyIds: [insertAffiliate(db).id, insertParty(db).id] }).id] }),
  "purpose.list": () => undefined,
};
