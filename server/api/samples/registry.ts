import type { SampleInputs } from "./types";

/** The import is a route handler (POST /api/registry/import), not a procedure: its role tests are in registry-import.test.ts. */
export const registrySamples: SampleInputs = {
  "registry.stats": () => undefined,
};
