import { adminSamples } from "./admin";
import { dashboardSamples } from "./dashboard";
import { kbSamples } from "./kb";
import { partySamples } from "./party";
import { registrySamples } from "./registry";
import { remindersSamples } from "./reminders";
import { searchSamples } from "./search";
import { transferSamples } from "./transfer";
import type { SampleInputs } from "./types";

/** Sample inputs of every procedure, merged from one file per area. */
export const SAMPLE_INPUTS: SampleInputs = {
  ...partySamples,
  ...adminSamples,
  ...transferSamples,
  ...registrySamples,
  ...kbSamples,
  ...dashboardSamples,
  ...searchSamples,
  ...remindersSamples,
};
