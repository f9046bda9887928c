/**
 * No request ships the registry. Real registers hold 10^4–10^5 transfers over 10^4 parties and
 * safeguards, so every query procedure must be one of:
 *   - a single record, or a small reference list, named in ALLOWED below with the reason it is bounded;
 *   - a page: its input has a `pageSize` or `limit` that the schema caps at ≤ 100;
 *   - a look-up of chosen values: its input has an `ids` list that the schema caps at ≤ 100.
 * A procedure that returns every party, safeguard, transfer or verdict (like the former
 * `transfer.formOptions`, which sent 8.5 MB of parties and safeguards with every form) fails here; and,
 * whatever a list says, no query may answer with more than 100 of 101 seeded parties, safeguards or
 * transfers.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import type { Db } from "@/db/client";
import { insertUser, partyFields } from "@/server/testing/factories";
import { insertAffiliate, safeguardFields, transferFields } from "@/server/testing/factories-transfers";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { createParty } from "@/server/services/parties";
import { createSafeguard } from "@/server/services/safeguards";
import { createTransfer } from "@/server/services/transfers";
import { appRouter, createCaller } from "./root";
import { SAMPLE_INPUTS } from "./samples";

/** The largest page or look-up a query may answer. */
const MAX_PAGE = 100;

/** Query procedures that need no page size, each with why it cannot return the whole register. */
const ALLOWED: Record<string, string> = {
  "dashboard.overview": "counts by status, regime and issue, plus the first few transfers that need attention",
  "dashboard.trend": "counts per status and regime at each month-end (a few hundred points), no transfers",
  "dashboard.map": "counts per exporter country and destination (at most 300 flows) and a class per country",
  "party.byId": "one party with its processing locations and data categories",
  "party.history": "the audit rows of one party",
  "category.list": "the data-category reference list (tens of rows, edited by the DPO)",
  "purpose.list": "the processing-purpose reference list (tens of rows)",
  "transfer.byId": "one transfer with its verdict",
  "transfer.coverage": "the coverage intervals of one transfer",
  "transfer.history": "the audit rows of one transfer",
  "transfer.byParty": "the transfers of one party, the worst first, a bounded number per side with the totals",
  "transfer.describe": "the guidance for one draft transfer",
  "safeguard.byId": "one safeguard with the transfers that rely on it",
  "safeguard.history": "the audit rows of one safeguard",
  "certification.list": "the US-framework certifications of one party (a handful)",
  "tia.list": "the impact assessments of one transfer",
  "kb.list": "the knowledge base of transfer law (reference data, about 200 entries, no registry records)",
  "kb.byId": "one knowledge-base entry",
  "kb.history": "the audit rows of one knowledge-base entry",
  "registry.stats": "five counts",
  "audit.list": "audit rows, not registry records; paged with pageSize ≤ 200",
  "audit.facets": "the distinct actors, actions and entity types of the audit log",
  "user.me": "the signed-in user",
  "user.list": "the app's user accounts (tens), for the admin",
  "scenario.byId": "one what-if scenario with its changes (at most 20)",
  "notice.generate": "the notice sections: aggregates (GROUP BY mechanism, destination, recipient and data category), never registry rows",
  "notice.record": "one stored notice record",
  "request.byId": "one request with its chosen entities, categories and purposes and its latest 50 copies",
  "request.dueSummary": "three counts and the next five open requests",
  "request.parts": "the parts of one safeguard as applied (at most 100)",
  "file.list": "the uploaded documents of one safeguard or TIA (the latest 50)",
  "partyImport.mapping": "the signed-in user's remembered CSV column mapping (one small object)",
  "flag.summary": "two counts: open flags by severity",
  "flag.detail": "one flag's review, with at most 100 comments and 100 audit rows",
  "flag.owners": "at most 20 procurement and DPO users (LIMIT 20 in the query)",
  "reminders.summary": "the first five upcoming events and two counts",
  "reminders.settings": "the signed-in user's horizon and whether they have a calendar feed",
  "transfer.duplicates": "at most 5 transfers with the draft's exporter, recipient and destination (LIMIT 5 in the query)",
};

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: ZodType[];
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>);
const queries = procedures.filter(([, p]) => p._def.type === "query").map(([path, p]) => ({ path, def: p._def }));

function inputSchema(def: ProcedureDef): ZodType | null {
  return def.inputs[0] ?? null;
}

/** The capped size field of a paged input, or null. */
function pageField(schema: ZodType, sample: Record<string, unknown>): "pageSize" | "limit" | null {
  for (const key of ["pageSize", "limit"] as const) {
    const parsed = schema.safeParse({ ...sample, [key]: 5 });
    if (parsed.success && (parsed.data as Record<string, unknown>)[key] === 5) return key;
  }
  return null;
}

describe("no query procedure returns the whole register", () => {
  let db: Db;
  beforeAll(() => {
    db = createTestDb();
  });

  it("finds the query procedures, and transfer.formOptions is gone", () => {
    expect(queries.length).toBeGreaterThan(20);
    expect(queries.map((q) => q.path)).not.toContain("transfer.formOptions");
    expect(Object.keys(ALLOWED)).not.toContain("transfer.formOptions");
    expect(queries.map((q) => q.path)).toEqual(expect.arrayContaining(["party.search", "party.byIds", "safeguard.search", "safeguard.byIds"]));
  });

  it("names in ALLOWED only existing query procedures", () => {
    const paths = new Set(queries.map((q) => q.path));
    expect(Object.keys(ALLOWED).filter((p) => !paths.has(p))).toEqual([]);
  });

  it.each(queries.filter((q) => !(q.path in ALLOWED)).map((q) => [q.path, q.def] as const))(
    "%s is paged or a capped look-up",
    async (path, def) => {
      const schema = inputSchema(def);
      expect(schema, `${path} takes no input: add a pageSize/limit capped at ≤ ${MAX_PAGE}, or justify it in ALLOWED`).not.toBeNull();
      const sample = ((await SAMPLE_INPUTS[path]?.(db)) ?? {}) as Record<string, unknown>;
      expect(schema!.safeParse(sample).success, `${path}: its sample input must be valid`).toBe(true);

      const field = pageField(schema!, sample);
      if (field) {
        const huge = schema!.safeParse({ ...sample, [field]: 1_000_000 });
        if (huge.success) expect((huge.data as Record<string, number>)[field], `${path}: ${field} must be capped`).toBeLessThanOrEqual(MAX_PAGE);
        const atCap = schema!.safeParse({ ...sample, [field]: MAX_PAGE + 1 });
        if (atCap.success) expect((atCap.data as Record<string, number>)[field]).toBeLessThanOrEqual(MAX_PAGE);
        return;
      }
      const ids = Array.from({ length: MAX_PAGE + 1 }, (_, i) => `id-${i}`);
      const lookup = schema!.safeParse({ ...sample, ids: ids.slice(0, 1) });
      expect(lookup.success && Array.isArray((lookup.data as { ids?: unknown }).ids), `${path} has neither pageSize/limit nor ids: page it, or justify it in ALLOWED`).toBe(
        true,
      );
      expect(schema!.safeParse({ ...sample, ids }).success, `${path}: ids must be capped at ≤ ${MAX_PAGE}`).toBe(false);
    },
  );
});

describe("with 101 parties, safeguards and transfers, no query answers with more than 100 of them", () => {
  const SEEDED = 101;
  let db: Db;
  let admin: ReturnType<typeof insertUser>;

  beforeAll(() => {
    db = createTestDb();
    admin = insertUser(db, "admin");
    const hub = insertAffiliate(db, "DE");
    for (let n = 0; n < SEEDED; n++) {
      const key = String(n).padStart(3, "0");
      const party = createParty(db, SYSTEM_ACTOR, partyFields({ name: `Matrix Seeded ${key}`, country: "US", processingLocations: ["US"] }), { id: `seed-party-${key}` });
      createSafeguard(db, SYSTEM_ACTOR, { id: `seed-sg-${key}`, fields: safeguardFields({ title: `SCCs Matrix ${key}`, partyIds: [hub.id, party.id] }) });
      createTransfer(db, SYSTEM_ACTOR, { id: `seed-tr-${key}`, fields: transferFields({ exporterId: hub.id, recipientId: party.id }) });
    }
  }, 120_000);

  const countSeeded = (json: string, kind: string) => new Set(json.match(new RegExp(`"seed-${kind}-\\d{3}"`, "g")) ?? []).size;

  it.each(queries.map((q) => q.path))("%s", async (path) => {
    const input = await SAMPLE_INPUTS[path]?.(db);
    const caller = createCaller({ db, user: { ...admin, role: "admin" } }) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    const [ns, name] = path.split(".") as [string, string];
    const result = await caller[ns]![name]!(input).catch((e: unknown) => (e instanceof TRPCError ? { error: e.code } : Promise.reject(e)));
    const json = JSON.stringify(result) ?? "";
    for (const kind of ["party", "sg", "tr"]) {
      expect(countSeeded(json, kind), `${path} returned more than ${MAX_PAGE} seeded ${kind} ids`).toBeLessThanOrEqual(MAX_PAGE);
    }
  });

  it("counts what a full list would return (the check can fail)", () => {
    const everything = JSON.stringify(Array.from({ length: SEEDED }, (_, n) => ({ id: `seed-party-${String(n).padStart(3, "0")}` })));
    expect(countSeeded(everything, "party")).toBe(SEEDED);
  });
});
