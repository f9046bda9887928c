/**
 * The checker on the example registries, at a fixed as-of date. The statuses asserted here are the ones
 * documented in the README (The rules engine, Examples); they are computed by the real evaluator on the real reference data.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateRegistryDocument } from "../domain/registry/validate";
import type { Status, VerdictsDocument } from "../domain/rules/types";
import { runCheck, runValidate } from "./check";
import { parseArgs, runCli } from "./main";

const AS_OF = "2026-11-29";
const read = (name: string) => readFileSync(new URL(`../../db/examples/${name}`, import.meta.url), "utf8");

function check(name: string, asOf = AS_OF) {
  const result = runCheck(read(name), { asOf });
  const verdicts = JSON.parse(result.stdout) as VerdictsDocument;
  return { result, verdicts, statuses: Object.fromEntries(verdicts.verdicts.map((v) => [v.transfer, v.status])) as Record<string, Status> };
}

describe("examples as of 2026-11-29", () => {
  it("eu-small.json", () => {
    const { result, verdicts, statuses } = check("eu-small.json");
    expect(statuses).toEqual({
      "de-fr-hr": "not_restricted",
      "de-cloudco-hosting": "adequate",
      "de-sakura-orders": "adequate",
      "de-mailco-newsletter": "safeguarded",
      "fr-adpartner-campaign": "derogation",
      "de-legacy-crm": "unsafeguarded",
      "de-thames-audit": "adequate",
      "de-old-print": "inactive",
      "us-cloudco-hosting": "not_restricted",
    });
    expect(verdicts.summary).toEqual({ unsafeguarded: 1, derogation: 1, safeguarded: 1, adequate: 3, not_restricted: 2, inactive: 1 });
    expect(result.exitCode).toBe(1);
  });

  it("uk-small.json", () => {
    const { statuses, verdicts } = check("uk-small.json");
    expect(statuses).toEqual({
      "uk-de-group": "adequate",
      "uk-scotland-hr": "not_restricted",
      "uk-payco-payments": "adequate",
      "uk-bangalore-support": "safeguarded",
      "uk-analytica-tracking": "unsafeguarded",
      "uk-helpdesk-tickets": "safeguarded",
      "uk-seoul-orders": "adequate",
      "uk-bristow-litigation": "derogation",
      "uk-old-fax": "inactive",
    });
    expect(verdicts.verdicts.find((v) => v.transfer === "uk-analytica-tracking")!.issues.map((i) => i.code)).toContain("uk_addendum_missing");
    expect(verdicts.verdicts.find((v) => v.transfer === "uk-bangalore-support")!.issues.map((i) => i.code)).toContain("tia_overdue");
  });

  it("ch-small.json", () => {
    const { statuses, verdicts } = check("ch-small.json");
    expect(statuses).toEqual({
      "ch-zurich-it": "not_restricted",
      "ch-de-group": "adequate",
      "ch-hostco-hosting": "adequate",
      "ch-osaka-orders": "safeguarded",
      "ch-busan-orders": "unsafeguarded",
      "ch-eventco-registration": "derogation",
      "ch-old-survey": "inactive",
    });
    expect(verdicts.verdicts.find((v) => v.transfer === "ch-busan-orders")!.issues.map((i) => i.code)).toContain("swiss_adaptations_missing");
  });

  it("demo-registry.json tells its story", () => {
    const { statuses, verdicts } = check("demo-registry.json");
    // nl-eventpeak-registration rests on Art. 49(1)(b) for a continuous transfer: not possible for a regular transfer
    // (regulatory-facts-2.md, "Derogations": recital 111, EDPB Guidelines 2/2018 § 2.2), so it is unsafeguarded.
    expect(verdicts.summary).toEqual({ unsafeguarded: 4, derogation: 2, safeguarded: 20, adequate: 31, not_restricted: 13, inactive: 1 });
    expect(statuses["nl-eventpeak-registration"]).toBe("unsafeguarded");
    expect(statuses["de-ironvault-backup"]).toBe("unsafeguarded");
    expect(statuses["uk-helpharbor-support"]).toBe("unsafeguarded");
    expect(statuses["ch-tokyo-printcloud"]).toBe("unsafeguarded");
    expect(statuses["fr-metricwell-telemetry"]).toBe("safeguarded");
    expect(statuses["uk-group-parent"]).toBe("safeguarded");
    expect(statuses["de-india-design"]).toBe("safeguarded");
    expect(statuses["fr-adlattice-tradeshow"]).toBe("derogation");
    // Privacy Shield era: unsafeguarded right after Schrems II, covered by SCCs from 2021-11-15.
    expect(check("demo-registry.json", "2020-07-15").statuses["de-quanta-analytics"]).toBe("adequate");
    expect(check("demo-registry.json", "2020-07-16").statuses["de-quanta-analytics"]).toBe("unsafeguarded");
    expect(check("demo-registry.json", "2021-11-15").statuses["de-quanta-analytics"]).toBe("safeguarded");
  });

  it("demo-registry.json is valid, has 45+ parties and round-trips its extra fields", () => {
    const text = read("demo-registry.json");
    const result = validateRegistryDocument(JSON.parse(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.parties.length).toBeGreaterThanOrEqual(45);
    expect(JSON.stringify(result.document, null, 2)).toBe(text);
    const party = result.document.parties.find((p) => p.id === "adlattice") as unknown as Record<string, unknown>;
    expect(party).toMatchObject({ ccpaRole: "third_party", ccpaSale: true, ccpaShare: true });
  });
});

describe("every example document", () => {
  // Issue 9: every existing v1 example still validates and round-trips (the validator returns the very object).
  it.each(["eu-small.json", "uk-small.json", "ch-small.json", "demo-registry.json"])("%s validates and round-trips", (name) => {
    const text = read(name);
    const result = validateRegistryDocument(JSON.parse(text));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(JSON.stringify(result.document)).toBe(JSON.stringify(JSON.parse(text)));
    expect(runValidate(text, { today: "2026-11-30" }).exitCode).toBe(0);
  });

  it.each(["eu-small.json", "uk-small.json", "ch-small.json", "demo-registry.json"])("%s: the verdicts are plain ASCII (one other character makes V8 serialise all of them as two-byte text)", (name) => {
    expect(runCheck(read(name), { asOf: AS_OF }).stdout).not.toMatch(/[^\t\n\r\x20-\x7e]/);
  });

  it("the check output names the knowledge base, and notes hindsight for a past date", () => {
    const today = runCheck(read("eu-small.json"), { asOf: AS_OF, today: AS_OF });
    const parsed = JSON.parse(today.stdout) as VerdictsDocument;
    expect(parsed.knowledgeBase).toEqual({ version: "2026-11-29.2", checkedUpTo: "2026-11-29" });
    expect(parsed.note).toBeUndefined();
    const past = JSON.parse(runCheck(read("eu-small.json"), { asOf: "2025-05-01", today: AS_OF }).stdout) as VerdictsDocument;
    expect(past.note).toMatch(/past date, 2025-05-01: they apply today's knowledge of the law/);
  });
});

describe("runCheck / runValidate exit codes", () => {
  it("exits 0 when nothing is unsafeguarded", () => {
    const doc = { format: "transfer-registry/v1", parties: [{ id: "a", name: "A", relationship: "affiliate", country: "DE" }], transfers: [] };
    expect(runCheck(JSON.stringify(doc), { asOf: AS_OF }).exitCode).toBe(0);
  });

  it("exits 2 with the JSON path of each error on stderr", () => {
    const doc = JSON.parse(read("eu-small.json"));
    doc.transfers[3].recipient = "nobody";
    doc.parties[0].country = "EU";
    const result = runCheck(JSON.stringify(doc), { asOf: AS_OF });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      'parties[0].country: "EU" is not an ISO 3166-1 alpha-2 country code',
      'transfers[3].recipient: unknown party id "nobody"',
    ]);
  });

  it("exits 2 on invalid JSON and on a bad --as-of", () => {
    expect(runCheck("{", { asOf: AS_OF }).exitCode).toBe(2);
    expect(runCheck(read("eu-small.json"), { asOf: "2026-02-30" }).exitCode).toBe(2);
    expect(runValidate("[]", { today: "2026-11-30" }).stderr).toBe("$: the document must be a JSON object\n");
  });

  it("validate reports the record rules the app's forms and import apply, each at its JSON path (issue 8)", () => {
    const doc = {
      format: "transfer-registry/v1",
      parties: [
        { id: "acme-de", name: "Acme GmbH", relationship: "affiliate", country: "DE" },
        { id: "cloudco", name: "CloudCo Inc.", relationship: "service_provider", country: "US", processingLocations: ["US", "IE"] },
      ],
      safeguards: [
        { id: "scc-old", type: "scc", version: "2010/87", parties: ["acme-de", "cloudco"], signed: "2024-03-01", ended: null },
        { id: "scc-new", type: "scc", version: "2021/914", modules: [2], parties: ["acme-de", "cloudco"], signed: "2022-01-10", ended: null },
      ],
      transfers: [
        { id: "t1", exporter: "cloudco", recipient: "acme-de", destination: "DE", exporterRole: "controller", recipientRole: "processor", start: "2022-01-01", frequency: "continuous" },
        { id: "t2", exporter: "acme-de", recipient: "cloudco", destination: "IN", exporterRole: "controller", recipientRole: "processor", start: "2022-01-01", frequency: "continuous", safeguards: ["scc-new"] },
        // Archived: history, not judged again (the forms no longer edit it).
        { id: "t3", exporter: "cloudco", recipient: "acme-de", destination: "DE", exporterRole: "controller", recipientRole: "processor", start: "2019-01-01", frequency: "continuous", archivedAt: "2020-01-01T00:00:00.000Z" },
      ],
    };
    const result = runValidate(JSON.stringify(doc), { today: "2026-11-30" });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split("\n").map((line) => line.slice(0, line.indexOf(":")))).toEqual([
      "safeguards[0].signed",
      "transfers[0].exporter",
      "transfers[1].destination",
    ]);
    expect(result.stderr).toContain("safeguards[0].signed: SCCs 2010/87 could not be signed after 2021-09-26 under the EU regime");
    expect(result.stderr).toContain("transfers[0].exporter: The exporter must be one of the group's affiliates.");
  });

  it("compact and pretty JSON carry the same verdicts", () => {
    for (const name of ["eu-small.json", "uk-small.json", "ch-small.json", "demo-registry.json"]) {
      const compact = runCheck(read(name), { asOf: AS_OF }).stdout;
      const pretty = runCheck(read(name), { asOf: AS_OF, pretty: true }).stdout;
      expect(compact).not.toBe(pretty);
      expect(JSON.parse(compact)).toEqual(JSON.parse(pretty));
      expect(compact).toBe(`${JSON.stringify(JSON.parse(pretty))}\n`);
    }
  });

  it("prints a table on request", () => {
    const { stdout } = runCheck(read("ch-small.json"), { asOf: AS_OF, format: "table" });
    expect(stdout).toMatch(/ch-busan-orders\s+Unsafeguarded\s+CH\s+Transfer rules\s+Swiss adaptations missing \(error\)/);
    expect(stdout).toMatch(/Summary: Unsafeguarded 1, Derogation 1, Safeguarded 1, Adequate 2, Not restricted 1, Inactive 1/);
    // Labels, never internal codes (issue 9, point 2).
    expect(stdout).not.toMatch(/swiss_adaptations_missing|not_restricted|ch-area-ch/);
    expect(stdout).toContain("Knowledge base 2026-11-29.2, checked up to 2026-11-29");
  });
});

describe("CLI arguments", () => {
  it.each([
    [["check", "f.json"], { command: "check", file: "f.json", asOf: null, format: "json", pretty: false }],
    [["check", "-", "--as-of", "2024-01-01", "--format", "table"], { command: "check", file: "-", asOf: "2024-01-01", format: "table", pretty: false }],
    [["check", "--as-of=2024-01-01", "f.json", "--pretty"], { command: "check", file: "f.json", asOf: "2024-01-01", format: "json", pretty: true }],
    [["validate", "f.json"], { command: "validate", file: "f.json", asOf: null, format: "json", pretty: false }],
  ])("parses %j", (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([[["lint", "f.json"]], [["check"]], [["check", "f.json", "--format", "xml"]], [["check", "a", "b"]], [["validate", "f", "--as-of", "2024-01-01"]]])("rejects %j", (argv) => {
    expect(parseArgs(argv)).toHaveProperty("error");
  });

  it("defaults --as-of to the injected clock and reports unreadable files", async () => {
    const io = { readText: async () => read("eu-small.json"), today: () => "2019-06-01", isTerminal: () => true };
    const result = await runCli(["check", "x.json"], io);
    expect(JSON.parse(result.stdout).asOf).toBe("2019-06-01");
    expect(result.stdout).toContain('\n  "asOf"');
    const missing = await runCli(["check", "missing.json"], { readText: async () => { throw new Error("ENOENT"); }, today: () => AS_OF, isTerminal: () => false });
    expect(missing).toMatchObject({ exitCode: 2, stderr: "missing.json: cannot read: ENOENT\n" });
  });
});
