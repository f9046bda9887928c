import type { SampleInputs } from "./types";

export const kbSamples: SampleInputs = {};
