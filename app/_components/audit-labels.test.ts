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
 * writer (`recordAudit(…)`, the import's batch `audit(…)`) and the archive switch's `${entity}.archive|restore`
 * over the entities of its table map.
 */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const { text } of sources(join(process.cwd(), "server"))) {
    for (const call of text.matchAll(/\b(?:recordAudit|audit)\(/g)) {
      // The call's arguments: up to the first `);` (the calls are single statements).
      const args = text.slice(call.index, text.indexOf(");", call.index));
      for (const m of args.matchAll(ACTION)) {
        // A default value (`fileName ?? "parties.csv"`) is not an action.
        if (!args.slice(0, m.index).trimEnd().endsWith("??")) found.add(m[1]!);
      }
    }
    const template = /`\$\{spec\.entity\}\.\$\{archive \? "([a-z_]+)" : "([a-z_]+)"\}`/.exec(text);
    const tables = /const TABLES = \{([^}]*)\}/.exec(text);
    if (template && tables) {
      for (const entity of tables[1]!.matchAll(/([a-z_]+):/g)) for (const verb of [template[1], template[2]]) found.add(`${entity[1]}.${verb}`);
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
