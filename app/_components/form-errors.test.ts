/**
 * The forms validate on the server only: a refused save must come back to the browser with one message
 * per field, next to the field it is about. Goes through the real HTTP handler and tRPC client (superjson),
 * as the browser does.
 */
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { insertUser } from "@/server/testing/factories";
import { insertTransferParties } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { appRouter, type AppRouter } from "@/server/api/root";
import { saveFailure, serverFieldErrors, summaryText } from "./form-errors";

function clientAs(role: "procurement") {
  const db = createTestDb();
  const user = { ...insertUser(db, role), role };
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://app.test/api/trpc",
        transformer: superjson,
        fetch: (url, init) =>
          fetchRequestHandler({ endpoint: "/api/trpc", req: new Request(url, init as RequestInit), router: appRouter, createContext: () => ({ db, user }) }),
      }),
    ],
  });
  return { db, client };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error;
}

describe("server field errors in the forms", () => {
  it("an empty transfer form gets the schema's messages on its fields (create/update inputs wrap them in `fields`)", async () => {
    const { client } = clientAs("procurement");
    const error = await refusal(client.transfer.create.mutate({ fields: { exporterId: "", recipientId: "", destination: "", start: "", frequency: "continuous", exporterRole: "controller" } as never }));
    const fields = serverFieldErrors(error);
    // Messages from server/schemas/transfer.ts.
    expect(fields.exporterId).toBe("Choose the exporter.");
    expect(fields.recipientId).toBe("Choose the recipient.");
    expect(fields.start).toBe("Enter the date the transfer started.");
    expect(fields.fields).toBeUndefined();
    expect(Object.keys(fields).length).toBeGreaterThan(1);
    expect(saveFailure(error, "transfer", false)).toEqual({
      title: "Please correct the highlighted fields",
      message: `${Object.keys(fields).length} fields need attention.`,
      fields: Object.keys(fields).length,
    });
  });

  it("the summary lists the fields; once they are all changed it says to save again, not the old count", () => {
    const refused = { title: "Please correct the highlighted fields", message: "2 fields need attention.", fields: 2 };
    expect(summaryText(refused, 2)).toBeNull();
    expect(summaryText(refused, 0)).toBe("Every highlighted field has been changed: save again to check them.");
    // A refusal without fields (a conflict, a rule of the service) keeps the server's message.
    const conflict = { title: "Not saved: this party changed meanwhile", message: "Someone else saved this party.", stale: true };
    expect(summaryText(conflict, 0)).toBe("Someone else saved this party.");
  });

  it("a party form's input is not wrapped: its keys are the fields", async () => {
    const { client } = clientAs("procurement");
    const error = await refusal(client.party.create.mutate({ name: " ", country: "", processingLocations: [] } as never));
    const fields = serverFieldErrors(error);
    expect(fields.name).toBe("Enter the legal name.");
    expect(fields.country).toBe("Choose a country of establishment.");
  });

  it("a service's refusal keeps its own field messages and its sentence", async () => {
    const { db, client } = clientAs("procurement");
    const { exporter, recipient } = insertTransferParties(db, "US");
    const error = await refusal(
      client.transfer.create.mutate({
        fields: { exporterId: recipient.id, recipientId: exporter.id, destination: "JP", exporterRole: "controller", recipientRole: "processor", frequency: "continuous", start: "2024-01-01" },
      }),
    );
    // server/services/transfers.ts: the exporter must be an affiliate; the destination one of the recipient's locations.
    expect(serverFieldErrors(error).exporterId).toBe("The exporter must be one of the group's affiliates.");
    expect(serverFieldErrors(error).destination).toMatch(/does not process data in JP/);
    expect(saveFailure(error, "transfer", false).title).toBe("Not saved");
  });
});
