import { uniqueSuffix } from "@/db/factories";
import type { SampleInputs } from "./types";

/** A small valid registry document with unique ids, as the text a user would upload. */
function sampleDocumentText(): string {
  const n = uniqueSuffix();
  return JSON.stringify({
    format: "transfer-registry/v1",
    parties: [
      { id: `de-${n}`, name: `Sample GmbH ${n}`, relationship: "affiliate", country: "DE", processingLocations: ["DE"] },
      { id: `us-${n}`, name: `Sample Inc. ${n}`, relationship: "service_provider", serviceCategory: "it_hosting", country: "US", dataCategories: ["contact"] },
    ],
    safeguards: [{ id: `scc-${n}`, type: "scc", version: "2021/914", modules: [2], parties: [`de-${n}`, `us-${n}`], signed: "2022-01-10", ended: null }],
    transfers: [
      {
        id: `t-${n}`,
        exporter: `de-${n}`,
        recipient: `us-${n}`,
        destination: "US",
        exporterRole: "controller",
        recipientRole: "processor",
        start: "2022-01-10",
        end: null,
        frequency: "continuous",
        safeguards: [`scc-${n}`],
        tia: { completed: "2022-01-05", nextReview: "2027-01-05" },
      },
    ],
  });
}

export const registrySamples: SampleInputs = {
  "registry.stats": () => undefined,
  "registry.preview": () => ({ text: sampleDocumentText() }),
  "registry.import": () => ({ text: sampleDocumentText(), fileName: "sample.json" }),
};
