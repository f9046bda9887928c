/**
 * The flags' codes, states and remedy shapes: constants and types only, so the browser can import them without
 * the rules engine (the rules are in ./flags.ts).
 */
import { ISSUE_CODES, type IssueCode, type IssueSeverity } from "./rules/types";

export const FLAG_CODES = ["unsafeguarded", ...ISSUE_CODES] as const;
export type FlagCode = "unsafeguarded" | IssueCode;

export const FLAG_STATES = ["open", "in_remediation", "resolved", "risk_accepted"] as const;
export type FlagState = (typeof FLAG_STATES)[number];

/** Flags are warnings or errors; `unsafeguarded` is an error. */
export type FlagSeverity = Exclude<IssueSeverity, "info">;

/** What a remedy's button opens. */
export type RemedyAction =
  | {
      kind: "safeguard";
      /** Query parameters of the pre-filled safeguard form (`/safeguards/new?…`). */
      params: { type: "scc" | "uk_idta"; version?: "2021/914"; module?: number; ukAddendum?: boolean; swissAdaptations?: boolean };
    }
  | { kind: "tia" }
  | { kind: "certifications" }
  | { kind: "transfer" }
  | { kind: "edit_transfer" };

export interface Remedy {
  /** In plain words, starting with a verb: "Sign the 2021 SCCs, module 2". */
  text: string;
  /** The button's words. */
  actionLabel: string;
  action: RemedyAction;
}

