import { insertParty, partyFields, uniqueSuffix } from "@/server/testing/factories";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { archiveParty } from "@/server/services/parties";
import type { SampleInputs } from "./types";

export const partySamples: SampleInputs = {
  "party.list": () => ({ search: "Matrix" }),
  "party.byId": (db) => ({ id: insertParty(db).id }),
  "party.history": (db) => ({ id: insertParty(db).id }),
  "party.create": () => partyFields({ name: `Created ${uniqueSuffix()}` }),
  "party.update": (db) => {
    const p = insertParty(db);
    return { id: p.id, version: p.version, fields: partyFields({ name: "Matrix Hosting Renamed" }) };
  },
  "party.archive": (db) => {
    const p = insertParty(db);
    return { id: p.id, version: p.version };
  },
  "party.restore": (db) => {
    const p = insertParty(db);
    const archived = archiveParty(db, SYSTEM_ACTOR, { id: p.id, version: p.version });
    return { id: archived.id, version: archived.version };
  },
  "category.list": () => undefined,
};
