import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertTia, insertTransfer } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { tiaFieldsSchema } from "@/server/schemas/tia";
import { createTia, listTias } from "./tias";
import { transferHistory } from "./transfers";

describe("transfer impact assessments", () => {
  let db: Db;
  beforeEach(() => {
    db = createTestDb();
  });

  it("lists the newest first and audits each one on the transfer's history", () => {
    const t = insertTransfer(db);
    insertTia(db, t.id, { completed: "2022-02-01" });
    insertTia(db, t.id, { completed: "2023-02-01", outcome: "proceed_with_measures", measuresTechnical: "Encryption at rest with keys held in the EU" });
    expect(listTias(db, t.id).map((x) => x.completed)).toEqual(["2023-02-01", "2022-02-01"]);
    expect(transferHistory(db, t.id).filter((a) => a.action === "tia.create")).toHaveLength(2);
  });

  it("refuses a completion date in the future", () => {
    const t = insertTransfer(db);
    const fields = tiaFieldsSchema.parse({ completed: "2030-01-01", assessor: "A", outcome: "proceed" });
    expect(() => createTia(db, SYSTEM_ACTOR, { transferId: t.id, fields }, new Date("2024-06-01T00:00:00Z"))).toThrow(/future/);
  });

  it("requires a measure when the outcome is to proceed with measures", () => {
    const r = tiaFieldsSchema.safeParse({ completed: "2023-01-01", assessor: "A", outcome: "proceed_with_measures" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["measuresTechnical"] });
  });
});
