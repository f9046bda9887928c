import type { SampleInputs } from "./types";

export const dashboardSamples: SampleInputs = {
  "dashboard.overview": () => ({ asOf: "2024-01-01" }),
};
