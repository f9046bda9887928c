import { uniqueSuffix } from "@/server/testing/factories";
import type { SampleInputs } from "./types";

/** The CSV/XLSX exports are route handlers (GET /api/export/*), not procedures; the party CSV import is. */
const csv = () => `Vendor,Type,Country\nSample Vendor ${uniqueSuffix()},Service provider,DE\n`;
const mapping = { name: "Vendor", relationship: "Type", country: "Country" };

export const exportSamples: SampleInputs = {
  "partyImport.mapping": () => undefined,
  "partyImport.preview": () => ({ csv: csv(), mapping, fileName: "vendors.csv" }),
  // A reseller needs no service category: the row is valid as the form would take it.
  "partyImport.run": () => ({ csv: `Vendor,Type,Country\nSample Reseller ${uniqueSuffix()},Reseller,DE\n`, mapping, fileName: "vendors.csv" }),
};
