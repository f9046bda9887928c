import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { saveGeneratedNotice } from "@/server/services/notice";
import type { SampleInputs } from "./types";

const NOTICE = "Data transfers\nWe rely on the Privacy Shield to transfer personal data to the United States.";

export const noticeSamples: SampleInputs = {
  "notice.generate": () => ({ asOf: "2024-01-01" }),
  "notice.history": () => ({ page: 1, pageSize: 20 }),
  "notice.record": (db) => ({ id: saveGeneratedNotice(db, SYSTEM_ACTOR, { asOf: "2024-01-01" }).id }),
  "notice.check": () => ({ asOf: "2024-01-01", source: { kind: "text", text: NOTICE } }),
  "notice.saveGenerated": () => ({ asOf: "2024-01-01" }),
  "notice.saveCheck": () => ({ asOf: "2024-01-01", source: { kind: "text", text: NOTICE }, sourceName: "notice.txt" }),
};
