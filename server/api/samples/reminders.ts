import type { Db } from "@/db/client";
import type { SampleInputs } from "./types";

/** The feed procedures act on the caller's own feed: rotate and revoke need one, created here for every user. */
function withFeedForEveryUser(db: Db): undefined {
  db.$client.exec(`INSERT OR IGNORE INTO calendar_feed (user_id, token_hash, created_at) SELECT id, 'sample-' || id, '2026-01-01T00:00:00.000Z' FROM user`);
  return undefined;
}

export const remindersSamples: SampleInputs = {
  "reminders.list": () => ({ asOf: "2026-11-30", page: 1, pageSize: 25 }),
  "reminders.summary": () => ({ asOf: "2026-11-30" }),
  "reminders.settings": () => undefined,
  "reminders.setHorizon": () => ({ horizonDays: 120 }),
  "reminders.createFeed": () => undefined,
  "reminders.rotateFeed": withFeedForEveryUser,
  "reminders.revokeFeed": withFeedForEveryUser,
};
