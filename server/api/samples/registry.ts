import type { SampleInputs } from "./types";

export const registrySamples: SampleInputs = {};
