import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, ENTITY_TYPES } from "@/server/audit/actions";
import { AUDIT_ACTION_LABELS, auditActionLabel, ENTITY_TYPE_LABELS } from "./labels";

/** Every `.ts` source under `dir` (tests left out). */
function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") ? [{ path, text: readFileSync(path, "utf8") }] : [];
  });
}

const ACTION = /"([a-z_]+\.[a-z_]+)"/g;

/**
 * The audit actions the server writes, read from its sources: the string literals in each call of the audit
 * writer (`recordAudit(…)`, a batch's `audit(…)`); the aggregate writers' `<entity>.create|update` (and `.delete`
 * where the writer's module removes rows) over the entities of server/services/writers/*-writer.ts; and the archive
 * switch's `<entity>.archive|restore` over the entities of each service's ARCHIVE_SPEC.
 */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  const all = sources(join(process.cwd(), "server"));
  for (const { text } of all) {
    for (const call of text.matchAll(/\b(?:recordAudit|audit)\(/g)) {
      // The call's arguments: up to the first `);` (the calls are single statements).
      const args = text.slice(call.index, text.indexOf(");", call.index));
      for (const m of args.matchAll(ACTION)) {
        // A default value (`fileName ?? "parties.csv"`) is not an action.
        if (!args.slice(0, m.index).trimEnd().endsWith("??")) found.add(m[1]!);
      }
    }
  }
  const writer = all.find((f) => f.path.endsWith(join("writers", "aggregate-writer.ts")))?.text ?? "";
  const writesCreateUpdate = writer.includes('`${spec.entity}.${s.action === "add" ? "create" : "update"}`');
  const writesDelete = writer.includes("`${spec.entity}.delete`");
  for (const { path, text } of all) {
    if (!/writers[\\/][a-z-]+-writer\.ts$/.test(path)) continue;
    const entity = /\bentity: "([a-z_]+)"/.exec(text)?.[1];
    if (!entity) continue;
    // A writer that turns every step into an add (the TIA writer: assessments are never changed) writes no update.
    const onlyAdds = /\(\{ action: "add",/.test(text);
    if (writesCreateUpdate) for (const verb of onlyAdds ? ["create"] : ["create", "update"]) found.add(`${entity}.${verb}`);
    if (writesDelete && text.includes("removeAggregate(")) found.add(`${entity}.delete`);
  }
  const archiving = all.find((f) => f.path.endsWith(join("services", "archiving.ts")))?.text ?? "";
  const template = /`\$\{spec\.entity\}\.\$\{archive \? "([a-z_]+)" : "([a-z_]+)"\}`/.exec(archiving);
  if (template) {
    for (const { text } of all) {
      for (const spec of text.matchAll(/const ARCHIVE_SPEC\b[^=]*=\s*\{\s*entity: "([a-z_]+)"/g)) for (const verb of [template[1], template[2]]) found.add(`${spec[1]}.${verb}`);
    }
  }
  return found;
}

describe("audit action labels", () => {
  const written = writtenActions();

  it("finds the actions the services write (the scan itself works)", () => {
    for (const action of ["party.create", "party.archive", "transfer.restore", "safeguard.update", "certification.delete", "tia.create", "kb.create", "kb.update", "registry.import", "user.set_password"]) {
      expect(written, action).toContain(action);
    }
    // Assessments are only ever added.
    expect(written).not.toContain("tia.update");
  });

  it("every action written by the services is a declared audit action with a label in words", () => {
    expect(written.size).toBeGreaterThanOrEqual(20);
    for (const action of written) {
      expect(AUDIT_ACTIONS as readonly string[], action).toContain(action);
      const label = (AUDIT_ACTION_LABELS as Record<string, string>)[action];
      expect(label, action).toBeDefined();
      // Words: a capitalised phrase of letters and spaces, no dots or underscores of a code.
      expect(label, action).toMatch(/^[A-Z][\p{L}’ -]+ [\p{L}’ -]+$/u);
    }
  });

  it("labels every declared action and record type, and says what happened in words", () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(Object.keys(ENTITY_TYPE_LABELS).sort()).toEqual([...ENTITY_TYPES].sort());
    expect(auditActionLabel("kb.update")).toBe("Knowledge-base entry edited");
    expect(auditActionLabel("party.create")).toBe("Party created");
    expect(auditActionLabel("transfer.archive")).toBe("Transfer archived");
    expect(auditActionLabel("tia.create")).toBe("Transfer impact assessment recorded");
    // An action from a newer version is shown as it is rather than hidden.
    expect(auditActionLabel("widget.frobnicate")).toBe("widget.frobnicate");
  });
});
