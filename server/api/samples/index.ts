import { adminSamples } from "./admin";
import { dashboardSamples } from "./dashboard";
import { kbSamples } from "./kb";
import { partySamples } from "./party";
import { registrySamples } from "./registry";
import { scenarioSamples } from "./scenario";
import { remindersSamples } from "./reminders";
import { searchSamples } from "./search";
import { transferSamples } from "./transfer";
import { requestSamples } from "./request";
import { exportSamples } from "./exports";
import { flagSamples } from "./flag";
import type { SampleInputs } from "./types";
import { noticeSamples } from "./notice";
import { procurementSamples } from "./procurement";

/** Sample inputs of every procedure, merged from one file per area. */
export const SAMPLE_INPUTS: SampleInputs = {
  ...partySamples,
  ...adminSamples,
  ...transferSamples,
  ...registrySamples,
  ...kbSamples,
  ...dashboardSamples,
  ...searchSamples,
  ...scenarioSamples,
  ...noticeSamples,
  ...requestSamples,
  ...exportSamples,
  ...flagSamples,
  ...remindersSamples,
  ...procurementSamples,
};
