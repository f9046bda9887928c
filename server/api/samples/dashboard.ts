import type { SampleInputs } from "./types";

export const dashboardSamples: SampleInputs = {
  "dashboard.overview": () => ({ asOf: "2024-01-01" }),
  "dashboard.trend": () => ({ asOf: "2024-01-01" }),
  "dashboard.map": () => ({ asOf: "2024-01-01", regime: "EU" }),
};
