import type { SampleInputs } from "./types";

export const transferSamples: SampleInputs = {};
