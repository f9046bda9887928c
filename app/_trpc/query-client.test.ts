import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { makeQueryClient, shouldRetry } from "./query-client";

/** Runs fetchQuery with a query function that always fails with `error`; returns how often it was called. */
async function attempts(where: "server" | "browser", error: unknown): Promise<number> {
  const client = makeQueryClient(where);
  let calls = 0;
  await expect(
    client.fetchQuery({
      queryKey: ["failing"],
      queryFn: () => {
        calls++;
        throw error;
      },
      // Only the pause between attempts: whether to retry stays the client's default.
      retryDelay: 0,
    }),
  ).rejects.toBe(error);
  return calls;
}

describe("query client retries", () => {
  it("never retries on the server: a missing record's page answers at once", async () => {
    expect(await attempts("server", new TRPCError({ code: "NOT_FOUND", message: "Transfer t-x not found." }))).toBe(1);
    expect(await attempts("server", new TRPCError({ code: "INTERNAL_SERVER_ERROR" }))).toBe(1);
    expect(await attempts("server", new Error("socket hang up"))).toBe(1);
  });

  it("in the browser retries a server failure twice (three attempts)", async () => {
    expect(await attempts("browser", new Error("Failed to fetch"))).toBe(3);
  });

  it("does not retry what will fail again, whether the code is on the error (in-process) or in its data (over HTTP)", () => {
    for (const code of ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST", "CONFLICT"] as const) {
      expect(shouldRetry(0, new TRPCError({ code })), code).toBe(false);
      expect(shouldRetry(0, { message: "x", data: { code } }), code).toBe(false);
    }
    expect(shouldRetry(0, { data: { code: "INTERNAL_SERVER_ERROR" } })).toBe(true);
    expect(shouldRetry(0, new TRPCError({ code: "TIMEOUT" }))).toBe(true);
    expect(shouldRetry(1, new Error("Failed to fetch"))).toBe(true);
    expect(shouldRetry(2, new Error("Failed to fetch"))).toBe(false);
  });
});
