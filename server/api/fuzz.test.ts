/**
 * Fuzz test with a fixed seed: every procedure of the app router, called as every role (and signed
 * out) with inputs derived by mutating the sample inputs of ./samples (wrong types, missing and
 * unknown fields, impossible dates, huge and hostile strings, other records' ids, stale versions, …),
 * plus the registry import's preview and apply services fed mutated documents directly. No call may
 * end in an internal error (HTTP 5xx: INTERNAL_SERVER_ERROR, or anything that is not a domain
 * error), and the database must pass `PRAGMA integrity_check` and `foreign_key_check` afterwards.
 *
 * A failure prints the procedure, role and input that broke, and the seed reproduces it
 * (FUZZ_SEED, FUZZ_CASES override the defaults).
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertUser } from "@/server/testing/factories";
import { createTestDb } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/server/auth/actor";
import { can, ROLES, type Access, type Action, type Role } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import { applyRegistryImport, previewRegistryImport } from "@/server/services/registry-import";
import { generateRegistry } from "@/server/scripts/generate-registry";

/** A small valid registry document: the import services are fuzzed with mutations of it (the import is a route, not a procedure). */
const IMPORT_SAMPLE = JSON.stringify(generateRegistry({ transfers: 12, parties: 10, safeguards: 6, seed: 5 }));
import { appRouter, createCaller } from "./root";
import { SAMPLE_INPUTS } from "./samples";
import type { SessionUser } from "./trpc";

const SEED = Number(process.env.FUZZ_SEED ?? 20261208);
const CASES = Number(process.env.FUZZ_CASES ?? 6000);
/** Of the cases, this share goes straight to the import services (the rest through tRPC). */
const SERVICE_SHARE = 0.1;

/** Mulberry32: small, seeded, the same sequence on every machine. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = createRandom(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

const deep = (depth: number): unknown => (depth === 0 ? "bottom" : random() < 0.5 ? [deep(depth - 1)] : { nested: deep(depth - 1) });

const HOSTILE_STRINGS = [
  "",
  " ",
  "          ",
  "\u0000",
  "a\u0000b",
  "x".repeat(5_000),
  "é".repeat(300),
  "2021-13-45",
  "2021-02-30",
  "0000-00-00",
  "9999-12-31",
  "2024-02-29",
  "2021-01-01T00:00:00Z",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "x/../../..//evil.test",
  "https://evil.test/",
  "javascript:alert(1)",
  "'; DROP TABLE party; --",
  "\" OR 1=1 --",
  "%s%s%n",
  "💥🇪🇺",
  "\ud800",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "NaN",
  "-1",
  "1e309",
  "US",
  "us",
  "XX",
  "EU",
  "controller",
  "processor",
  "scc",
  "2021/914",
  "dpf_eu",
  "admin",
];
const HOSTILE_NUMBERS = [0, -1, 1, 2, 1.5, -0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308];

/** Ids seen in sample inputs, so mutations can point at other (existing) records. */
const knownIds = new Set<string>();
function collectIds(value: unknown, key = ""): void {
  if (typeof value === "string" && /id$|ids$|^exporter|^recipient|^partyId|^transferId/i.test(key)) knownIds.add(value);
  else if (Array.isArray(value)) value.forEach((v) => collectIds(v, key));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) collectIds(v, k);
}

const DATE_STRINGS = ["2021-13-45", "2021-02-30", "2021-02-29", "1900-02-29", "0000-01-01", "2021-00-10", "2021-1-5", "21-01-05", "2021/01/05", "2021-01-05T10:00:00Z", "+02021-01-05", "9999-99-99", "2020-02-29", "1970-01-01", "2100-12-31"];
const DATE_KEY = /date|^from$|^to$|asOf|start|end|signed|approved|ended|completed|nextReview|On$|At$/i;
const ID_KEY = /id$|ids$|^exporter|^recipient|^parties$|^members$|^safeguards$/i;

/** A hostile value, shaped by what the field's name suggests it holds. */
function hostileValue(key = ""): unknown {
  if (DATE_KEY.test(key) && random() < 0.6) return pick(DATE_STRINGS);
  if (ID_KEY.test(key) && random() < 0.5) return random() < 0.5 && knownIds.size ? pick([...knownIds]) : pick(["", " ", "x".repeat(5_000), "x/../../..//evil.test", "<b>id</b>", "a\u0000b", "missing-id"]);
  switch (int(10)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
    case 3:
      return pick(HOSTILE_STRINGS);
    case 4:
      return pick(HOSTILE_NUMBERS);
    case 5:
      return random() < 0.5;
    case 6:
      return knownIds.size ? pick([...knownIds]) : "missing-id";
    case 7:
      return pick([[], {}, [null], [""], ["US", "US"], { a: 1 }, Array.from({ length: 300 }, (_, i) => `item-${i}`)]);
    case 8:
      return deep(1 + int(60));
    default:
      return `fuzz-${int(1000)}`;
  }
}

/** Field names a mutation may add: the current procedure's input schema keys and every sample's keys. */
let fieldNames: string[] = [];
const sampleKeys = new Set<string>();
function collectKeys(value: unknown): void {
  if (Array.isArray(value)) value.forEach(collectKeys);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      sampleKeys.add(k);
      collectKeys(v);
    }
  }
}
/** The top-level keys of a procedure's zod input object (optional filters a sample leaves out included). */
function schemaKeys(procedure: { _def: { inputs?: unknown[] } }): string[] {
  const keys: string[] = [];
  for (const parser of procedure._def.inputs ?? []) {
    const shape = (parser as { shape?: Record<string, unknown> }).shape;
    if (shape) keys.push(...Object.keys(shape));
  }
  return keys;
}

/** A mutated copy of `value`: one change somewhere in it. */
function mutate(value: unknown, depth = 0, key = ""): unknown {
  const descend = depth < 6 && random() < 0.65;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (descend && copy.length) {
      const i = int(copy.length);
      copy[i] = mutate(copy[i], depth + 1, key);
      return copy;
    }
    switch (int(6)) {
      case 0:
        return [];
      case 1:
        return [...copy, hostileValue(key)];
      case 2:
        return copy.slice(1);
      case 3:
        return [...copy, ...copy];
      case 4:
        return copy.length ? copy.map((v, i) => (i === int(copy.length) ? hostileValue(key) : v)) : [hostileValue(key)];
      default:
        return hostileValue(key);
    }
  }
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (descend && keys.length) {
      const k = pick(keys);
      copy[k] = mutate(copy[k], depth + 1, k);
      return copy;
    }
    switch (int(8)) {
      case 0:
        if (keys.length) delete copy[pick(keys)];
        return copy;
      case 1:
      case 2:
      case 3: {
        // A field the procedure knows (often an optional one the sample left out), or an unknown one.
        const key = random() < 0.9 && (depth === 0 ? fieldNames : keys).length ? pick(depth === 0 ? fieldNames : keys) : pick(["unknown", "__proto__", "constructor"]);
        copy[key] = hostileValue(key);
        return copy;
      }
      case 4:
      case 5:
        if (keys.length) {
          const key = pick(keys);
          copy[key] = hostileValue(key);
        }
        return copy;
      case 6:
        return hostileValue();
      default:
        return [copy];
    }
  }
  if (typeof value === "string") {
    switch (int(6)) {
      case 0:
        return value.slice(0, int(value.length + 1));
      case 1:
        return `${value}${pick(HOSTILE_STRINGS)}`;
      case 2:
        return value.toUpperCase();
      case 3:
        return ` ${value} `;
      default:
        return hostileValue(key);
    }
  }
  if (typeof value === "number") {
    return pick([value + 1, value - 1, -value, value * 1000, ...HOSTILE_NUMBERS, String(value)]);
  }
  if (typeof value === "boolean") return random() < 0.5 ? !value : hostileValue(key);
  return hostileValue(key);
}

/** A registry document's text, mutated as a document (mostly) or as text (sometimes). */
function mutateDocumentText(text: string): string {
  if (random() < 0.8) {
    let doc: unknown = JSON.parse(text);
    for (let i = 1 + int(3); i > 0; i--) doc = mutate(doc);
    return JSON.stringify(doc) ?? "";
  }
  switch (int(5)) {
    case 0:
      return text.slice(0, int(text.length));
    case 1: {
      const at = int(text.length);
      return `${text.slice(0, at)}${pick(["{", "}", "[", "]", ",", '"', "\\", "\u0000", "null"])}${text.slice(at)}`;
    }
    case 2:
      return pick(HOSTILE_STRINGS);
    case 3:
      return JSON.stringify(deep(100 + int(400)));
    default:
      return text.replace(/"transfer-registry\/v1"/, pick(['"transfer-registry/v2"', "null", '""']));
  }
}

interface Failure {
  target: string;
  role: Role | null;
  input: string;
  error: string;
}

const show = (input: unknown) => {
  try {
    return (JSON.stringify(input, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)) ?? String(input)).slice(0, 400);
  } catch {
    return String(input).slice(0, 400);
  }
};

const describeError = (e: unknown) => {
  const cause = e instanceof TRPCError ? (e.cause ?? e) : e;
  return cause instanceof Error ? `${cause.name}: ${cause.message.slice(0, 200)} @ ${cause.stack?.split("\n")[1]?.trim() ?? ""}` : String(cause);
};

describe("fuzz: every procedure and the import, as every role, with mutated inputs", () => {
  it(`${CASES} generated inputs (seed ${SEED}): no internal error, and the database passes its checks`, async () => {
    const db: Db = createTestDb();
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { access?: Access }; inputs?: unknown[] } }>).map(
      ([path, p]) => ({ path, access: p._def.meta?.access ?? ("public" as Access), keys: schemaKeys(p) }),
    );
    expect(procedures.length).toBeGreaterThan(40);
    const users: Record<Role, SessionUser> = Object.fromEntries(ROLES.map((role) => [role, { ...insertUser(db, role), role }])) as Record<Role, SessionUser>;
    const callers = new Map<Role | null, ReturnType<typeof createCaller>>([[null, createCaller({ db, user: null })], ...ROLES.map((r) => [r, createCaller({ db, user: users[r] })] as const)]);

    /** Base inputs, refreshed now and then so that stale versions and archived rows do not dominate. */
    const base = new Map<string, unknown>();
    const baseInput = async (path: string, uses: number) => {
      if (!base.has(path) || uses % 25 === 0) {
        const input = await SAMPLE_INPUTS[path]!(db);
        collectIds(input);
        collectKeys(input);
        base.set(path, input);
      }
      return base.get(path);
    };
    const uses = new Map<string, number>();
    const roleFor = (access: Access): Role | null => {
      const roll = random();
      if (roll < 0.05) return null;
      if (access === "public" || access === "authenticated" || roll > 0.8) return pick(ROLES);
      const allowed = ROLES.filter((r) => can(r, access as Action));
      return allowed.length ? pick(allowed) : pick(ROLES);
    };

    const failures: Failure[] = [];
    const outcomes: Record<string, number> = {};
    const count = (k: string) => (outcomes[k] = (outcomes[k] ?? 0) + 1);

    for (let i = 0; i < CASES; i++) {
      if (random() < SERVICE_SHARE) {
        // The import services themselves, with documents no schema has filtered.
        const text = mutateDocumentText(IMPORT_SAMPLE);
        const asDocument = random() < 0.5;
        let source: { text: string } | { document: unknown };
        if (asDocument) {
          try {
            source = { document: JSON.parse(text) as unknown };
          } catch {
            source = { document: mutate(text) };
          }
        } else source = { text };
        const target = random() < 0.5 ? "service:previewRegistryImport" : "service:applyRegistryImport";
        try {
          if (target === "service:previewRegistryImport") previewRegistryImport(db, source);
          else applyRegistryImport(db, SYSTEM_ACTOR, source);
          count("ok");
        } catch (e) {
          if (e instanceof AppError) count(e.code);
          else failures.push({ target, role: null, input: show(source), error: describeError(e) });
        }
        continue;
      }

      const { path, access, keys } = pick(procedures);
      fieldNames = random() < 0.7 ? keys : [...sampleKeys];
      const n = (uses.get(path) ?? 0) + 1;
      uses.set(path, n);
      const sample = await baseInput(path, n);
      let input: unknown = sample;
      if (path === "registry.preview" || path === "registry.import") {
        const s = sample as { text: string; fileName?: string };
        input = random() < 0.7 ? { ...s, text: mutateDocumentText(s.text) } : mutate(s);
      } else if (random() < 0.35 && keys.length && (sample === undefined || (typeof sample === "object" && !Array.isArray(sample)))) {
        // One field of the input schema set to a hostile value, the rest left valid.
        const key = pick(keys);
        input = { ...(sample as Record<string, unknown> | undefined), [key]: hostileValue(key) };
      } else if (random() < 0.9) {
        const roll = random();
        for (let m = roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3; m > 0; m--) input = mutate(input);
      }
      const role = roleFor(access);
      const caller = callers.get(role) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
      const [ns, name] = path.split(".") as [string, string];
      try {
        await caller[ns]![name]!(input);
        count("ok");
      } catch (e) {
        if (e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR") count(e.code);
        else failures.push({ target: path, role, input: show(input), error: describeError(e) });
      }
    }

    console.log(`fuzz outcomes (seed ${SEED}):`, JSON.stringify(outcomes));
    const report = failures.slice(0, 8).map((f) => `${f.target} as ${f.role}: ${f.error}\n    input: ${f.input}`);
    expect(failures.length, `internal errors (seed ${SEED}):\n${report.join("\n")}`).toBe(0);
    // The fuzz reached both sides: accepted calls and refused ones.
    expect(outcomes.ok ?? 0).toBeGreaterThan(CASES / 10);
    expect(outcomes.BAD_REQUEST ?? 0).toBeGreaterThan(CASES / 10);
    expect((outcomes.FORBIDDEN ?? 0) + (outcomes.UNAUTHORIZED ?? 0)).toBeGreaterThan(CASES / 20);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
  }, 120_000);
});
