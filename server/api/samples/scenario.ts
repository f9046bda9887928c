import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { createScenario } from "@/server/services/scenarios";
import type { SampleInputs } from "./types";

let n = 0;
const fields = () => ({
  name: `What if India became adequate ${++n}`,
  description: null,
  asOf: "2027-07-01",
  changes: [{ kind: "new_adequacy" as const, regime: "EU" as const, country: "IN", countryName: "India", from: "2027-06-01" }],
});
const saved = (db: Parameters<SampleInputs[string]>[0]) => createScenario(db, SYSTEM_ACTOR, fields());

export const scenarioSamples: SampleInputs = {
  "scenario.list": () => ({ page: 1 }),
  "scenario.byId": (db) => ({ id: saved(db).id }),
  "scenario.run": (db) => ({ id: saved(db).id }),
  "scenario.create": () => fields(),
  "scenario.update": (db) => {
    const s = saved(db);
    return { id: s.id, version: s.version, fields: { ...fields(), name: `${s.name} (edited)` } };
  },
  "scenario.delete": (db) => {
    const s = saved(db);
    return { id: s.id, version: s.version };
  },
};
