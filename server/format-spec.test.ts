/**
 * Issue 9, point 8: the project owns its format. The specification lives in server/domain/registry/FORMAT.md,
 * documents every code the verdicts can carry and every field added to v1, and nothing a user reads or runs
 * points outside the repository (`../shared`).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BASIS_TYPES, ISSUE_CODES } from "./domain/rules/types";

const spec = readFileSync(new URL("./domain/registry/FORMAT.md", import.meta.url), "utf8");

describe("FORMAT.md", () => {
  it.each([...ISSUE_CODES])("documents the issue code %s", (code) => {
    expect(spec).toContain(`\`${code}\``);
  });

  it.each([...BASIS_TYPES])("documents the basis type %s", (type) => {
    expect(spec).toContain(`\`${type}\``);
  });

  it.each(["coveredData", "approvals", "2002/16", "17(1)(a)", "org:ID", "hrData", "adequacyScope", "specialCategory", "outcome", "measuresTechnical", "knowledgeBase", "checkedUpTo", "citation", "uri", "note"])(
    "documents the addition %s",
    (field) => {
      expect(spec).toContain(`\`${field}`);
    },
  );
});

describe("no reference to ../shared", () => {
  it("in any tracked file a user reads or the app runs (docs, code, data)", () => {
    const root = new URL("../", import.meta.url);
    const files = execFileSync("git", ["ls-files", "README.md", "server", "db", "app", "e2e", "package.json", "*.mjs", "*.ts"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((f) => f !== "" && f !== "server/format-spec.test.ts");
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((f) => readFileSync(new URL(f, root), "utf8").includes("../shared"));
    expect(offenders).toEqual([]);
  });
});
