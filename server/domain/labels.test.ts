/** Issue 9, point 2: one human label per code and kind, none duplicated, none looking like a code. */
import { describe, expect, it } from "vitest";
import { DEROGATION_BASES, FRAMEWORKS, KB_KINDS, AREA_MEMBERSHIP_TYPES, INSTRUMENT_TYPES } from "./kb/types";
import {
  BASIS_TYPE_LABELS,
  DEROGATION_LABELS,
  FRAMEWORK_LABELS,
  ISSUE_LABELS,
  KB_KIND_LABELS,
  KB_KIND_SINGULAR,
  INSTRUMENT_TYPE_LABELS,
  MEMBERSHIP_LABELS,
  REGIME_LABELS,
  REMINDER_KIND_LABELS,
  SCC_VERSION_LABELS,
  SEVERITY_LABELS,
  STATUS_DESCRIPTIONS,
  STATUS_LABELS,
} from "./labels";
import { SCC_VERSIONS } from "./registry/types";
import { REMINDER_KINDS } from "./reminders";
import { BASIS_TYPES, ISSUE_CODES, STATUSES } from "./rules/types";

const maps: [string, readonly string[], Readonly<Record<string, string>>][] = [
  ["issue codes", ISSUE_CODES, ISSUE_LABELS],
  ["statuses", STATUSES, STATUS_LABELS],
  ["status descriptions", STATUSES, STATUS_DESCRIPTIONS],
  ["basis types", BASIS_TYPES, BASIS_TYPE_LABELS],
  ["frameworks", FRAMEWORKS, FRAMEWORK_LABELS],
  ["knowledge-base kinds", KB_KINDS, KB_KIND_LABELS],
  ["knowledge-base kinds, singular", KB_KINDS, KB_KIND_SINGULAR],
  ["memberships", AREA_MEMBERSHIP_TYPES, MEMBERSHIP_LABELS],
  ["instrument types", INSTRUMENT_TYPES, INSTRUMENT_TYPE_LABELS],
  ["derogation grounds", DEROGATION_BASES, DEROGATION_LABELS],
  ["SCC versions", SCC_VERSIONS, SCC_VERSION_LABELS],
  ["regimes", ["EU", "UK", "CH"], REGIME_LABELS],
  ["severities", ["info", "warning", "error"], SEVERITY_LABELS],
  ["reminder kinds", REMINDER_KINDS, REMINDER_KIND_LABELS],
];

describe("labels", () => {
  it.each(maps)("every one of the %s has exactly one label, and no two share it", (_name, codes, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...codes].sort());
    const values = Object.values(labels);
    expect(new Set(values).size).toBe(values.length);
  });

  it.each(maps)("the labels of the %s are words, not codes, without nested brackets", (_name, _codes, labels) => {
    for (const label of Object.values(labels)) {
      expect(label).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      // Article numbers such as 49(1)(a) are not brackets in brackets; anything else opened inside a bracket is.
      const plain = label.replace(/(?<=[A-Za-z0-9)])\([0-9a-z]{1,4}\)/g, "");
      expect(/\([^()]*\(/.test(plain), label).toBe(false);
    }
  });
});
