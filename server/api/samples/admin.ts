import { insertParty, insertUser, uniqueSuffix } from "@/server/testing/factories";
import type { SampleInputs } from "./types";

export const adminSamples: SampleInputs = {
  "audit.list": (db) => (insertParty(db), {}),
  "audit.facets": () => undefined,
  "user.me": () => undefined,
  "user.list": () => undefined,
  "user.create": () => ({ name: "New User", email: `new-${uniqueSuffix()}@example.test`, role: "auditor", password: "correct horse battery" }),
  "user.update": (db) => ({ id: insertUser(db, "auditor").id, name: "Renamed", role: "procurement", active: true }),
  "user.setPassword": (db) => ({ id: insertUser(db, "auditor").id, password: "another long password" }),
};
