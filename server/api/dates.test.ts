/**
 * Dates entering the app: one shared `YYYY-MM-DD` schema (server/schemas/dates.ts) refuses
 * impossible dates with BAD_REQUEST (HTTP 400) and a message, on every procedure that takes one.
 * Before it, `audit.list` with `to: "2021-13-45"` passed a shape-only regex and failed with a
 * 500 (`RangeError: Invalid time value`) while computing the day after.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import { isoDate, INVALID_DATE_MESSAGE } from "@/server/schemas/dates";
import { createCaller } from "./root";

const auditor = { id: "auditor-1", email: "auditor@example.test", name: "Auditor", role: "auditor" as const };

async function codeAndMessage(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: "ok", message: "" };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { code: e.code, message: e.message };
  }
}

describe("the shared YYYY-MM-DD schema", () => {
  it.each([
    ["2021-13-45", "month 13, day 45"],
    ["2021-02-30", "30 February"],
    ["2021-02-29", "29 February in a common year"],
    ["1900-02-29", "1900 is not a leap year (divisible by 100, not by 400)"],
    ["0000-01-01", "there is no year 0 in the ISO calendar dates the registry uses"],
    ["2021-1-05", "not zero-padded"],
    ["2021/01/05", "wrong separator"],
    ["", "empty"],
  ])("refuses %s (%s)", (value) => {
    const result = isoDate().safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter a real date as YYYY-MM-DD.");
  });

  it.each(["2020-02-29", "2000-02-29", "2021-12-31", " 2021-01-05 "])("accepts %j", (value) => {
    expect(isoDate().parse(value)).toBe(value.trim());
  });
});

describe("procedures taking a date answer BAD_REQUEST with the message, not a 500", () => {
  const cases: [string, (c: ReturnType<typeof createCaller>) => Promise<unknown>][] = [
    ["audit.list to 2021-13-45", (c) => c.audit.list({ to: "2021-13-45" })],
    ["audit.list from 2021-02-30", (c) => c.audit.list({ from: "2021-02-30" })],
    ["dashboard.overview asOf 2021-02-29", (c) => c.dashboard.overview({ asOf: "2021-02-29" })],
    ["transfer.list asOf 0000-01-01", (c) => c.transfer.list({ asOf: "0000-01-01" })],
  ];
  it.each(cases)("%s", async (_label, run) => {
    const caller = createCaller({ db: createTestDb(), user: auditor });
    const outcome = await codeAndMessage(run(caller));
    expect(outcome.code).toBe("BAD_REQUEST");
    expect(outcome.message).toContain(INVALID_DATE_MESSAGE);
  });

  it("audit.list with real dates still answers", async () => {
    const caller = createCaller({ db: createTestDb(), user: auditor });
    const page = await caller.audit.list({ from: "2020-02-29", to: "2021-12-31" });
    expect(page.total).toBe(0);
  });
});
