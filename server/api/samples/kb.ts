import { getKbEntry, listKbEntries } from "@/server/services/knowledge-base";
import type { SampleInputs } from "./types";

const someAdequacy = (db: Parameters<typeof listKbEntries>[0]) => listKbEntries(db, { kind: "adequacy" })[0]!;

export const kbSamples: SampleInputs = {
  "kb.list": () => ({ kind: "adequacy" }),
  "kb.byId": (db) => ({ id: someAdequacy(db).id }),
  "kb.history": (db) => ({ id: someAdequacy(db).id }),
  "kb.create": (db) => {
    const template = someAdequacy(db).entry;
    return { data: { ...template, id: "eu-adequacy-test-new", destination: "SG", destinationName: "Singapore" } };
  },
  "kb.update": (db) => {
    const row = getKbEntry(db, someAdequacy(db).id);
    return { id: row.id, version: row.version, data: { ...row.entry, notes: "Checked by the DPO." } };
  },
};
