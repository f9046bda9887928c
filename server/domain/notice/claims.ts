/**
 * Claim extraction: the notice's text cut into sentences, and the claims the rules (./claim-rules.ts) find in
 * them. Pure: no I/O, no clock; the same text and rules give the same claims.
 */
import {
  ABBREVIATIONS,
  CCPA_CATEGORY_RULES,
  CCPA_LIST_HEADINGS,
  CERTIFIED_PATTERNS,
  HISTORICAL_PATTERNS,
  MECHANISM_RULES,
  RECIPIENT_CONTEXT_PATTERNS,
  RECIPIENT_RULES,
  RELIANCE_PATTERNS,
  SAFEGUARD_COPY_PATTERNS,
  SOURCE_CONTEXT_PATTERNS,
  UNREGISTERED_RECIPIENT_RULES,
  type CcpaCategoryId,
  type MechanismId,
  type RecipientCategoryId,
} from "./claim-rules";

export interface NoticeSentence {
  /** 1-based line of the text the sentence is on. */
  line: number;
  /** The sentence as written (white space folded). */
  text: string;
  /** Lower-cased, for the patterns. */
  norm: string;
  /** The list the line belongs to, when it is an item under a heading ending with ":" (recipients, sources…). */
  list: ListContext;
}

type ListContext = "recipients" | "sources" | "sold" | "shared" | null;

export type MechanismStance = "reliance" | "certified" | "historical" | "mention";

export type Claim =
  | { kind: "mechanism"; mechanism: MechanismId; stance: MechanismStance; sentence: NoticeSentence }
  | { kind: "safeguard_copy"; sentence: NoticeSentence }
  | { kind: "recipient"; category: RecipientCategoryId; sentence: NoticeSentence }
  | { kind: "unregistered_recipient"; id: string; label: string; sentence: NoticeSentence }
  | { kind: "ccpa_list"; mark: "sold" | "shared"; categories: CcpaCategoryId[]; sentence: NoticeSentence };

const fold = (s: string) => s.replace(/\s+/g, " ").trim();
const any = (patterns: readonly RegExp[], text: string) => patterns.some((p) => p.test(text));
const ABBREVIATION_SET = new Set(ABBREVIATIONS);

/** Cuts one line into sentences at ".", "!" or "?" followed by a space, except after a known abbreviation. */
function sentencesOfLine(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  const boundary = /[.!?]["')\]]?\s+/g;
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const end = m.index + 1;
    const wordStart = line.lastIndexOf(" ", m.index) + 1;
    const word = line.slice(wordStart, end).toLowerCase().replace(/^[("']+/, "");
    if (ABBREVIATION_SET.has(word) || ABBREVIATION_SET.has(word.slice(word.lastIndexOf("-") + 1))) continue;
    out.push(line.slice(start, m.index + m[0].trimEnd().length));
    start = m.index + m[0].length;
  }
  if (start < line.length) out.push(line.slice(start));
  return out.map(fold).filter((s) => s.length > 0);
}

function headingContext(norm: string): ListContext {
  for (const heading of CCPA_LIST_HEADINGS) if (any(heading.patterns, norm)) return heading.mark;
  if (any(SOURCE_CONTEXT_PATTERNS, norm)) return "sources";
  if (any(RECIPIENT_CONTEXT_PATTERNS, norm)) return "recipients";
  return null;
}

/**
 * The notice's sentences, in order. A line ending with ":" opens a list: the short lines after it (no full stop,
 * at most 15 words) are its items, until a blank line (other than one right under the heading) or a longer line.
 */
export function splitSentences(text: string): NoticeSentence[] {
  const out: NoticeSentence[] = [];
  let list: ListContext = null;
  let listOpenedOnLine = -1;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, i) => {
    // List markers (from HTML or PDF text) are not part of the item.
    const line = fold(raw).replace(/^(?:[-*•·◦▪]|\d{1,2}[.)])\s+/, "");
    if (line === "") {
      // A blank line ends a list, except right under its heading.
      if (listOpenedOnLine !== i - 1) list = null;
      else listOpenedOnLine = i;
      return;
    }
    const norm = line.toLowerCase();
    const isItem = list !== null && !/[.!?]$/.test(line) && line.split(" ").length <= 15;
    if (!isItem) list = null;
    for (const sentence of sentencesOfLine(line)) out.push({ line: i + 1, text: sentence, norm: sentence.toLowerCase(), list: isItem ? list : null });
    if (line.endsWith(":")) {
      list = headingContext(norm);
      listOpenedOnLine = i;
    }
  });
  return out;
}

function stanceOf(norm: string): MechanismStance {
  if (any(HISTORICAL_PATTERNS, norm)) return "historical";
  if (any(CERTIFIED_PATTERNS, norm)) return "certified";
  if (any(RELIANCE_PATTERNS, norm)) return "reliance";
  return "mention";
}

/** Every claim the rules find in the notice, in text order. */
export function extractClaims(text: string): Claim[] {
  const sentences = splitSentences(text);
  const claims: Claim[] = [];
  sentences.forEach((sentence, index) => {
    const { norm } = sentence;
    for (const rule of MECHANISM_RULES) {
      if (any(rule.patterns, norm)) claims.push({ kind: "mechanism", mechanism: rule.id, stance: stanceOf(norm), sentence });
    }
    if (any(SAFEGUARD_COPY_PATTERNS, norm)) claims.push({ kind: "safeguard_copy", sentence });
    const aboutRecipients =
      sentence.list === "recipients" || sentence.list === "sold" || sentence.list === "shared" || (sentence.list === null && any(RECIPIENT_CONTEXT_PATTERNS, norm) && !any(SOURCE_CONTEXT_PATTERNS, norm));
    if (aboutRecipients) {
      for (const rule of RECIPIENT_RULES) if (any(rule.patterns, norm)) claims.push({ kind: "recipient", category: rule.id, sentence });
      for (const rule of UNREGISTERED_RECIPIENT_RULES) if (any(rule.patterns, norm)) claims.push({ kind: "unregistered_recipient", id: rule.id, label: rule.label, sentence });
    }
    for (const heading of CCPA_LIST_HEADINGS) {
      if (!any(heading.patterns, norm)) continue;
      const categories: CcpaCategoryId[] = [];
      for (const item of sentences.slice(index + 1)) {
        if (item.list !== heading.mark) break;
        const rule = CCPA_CATEGORY_RULES.find((r) => any(r.patterns, item.norm));
        if (rule && !categories.includes(rule.id)) categories.push(rule.id);
      }
      claims.push({ kind: "ccpa_list", mark: heading.mark, categories, sentence });
    }
  });
  return claims;
}

/** Does the notice name this country (by name or alias) or a region that contains it? */
export function mentionsCountry(normText: string, names: readonly string[]): boolean {
  return names.some((name) => {
    const escaped = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![a-z])${escaped}(?![a-z])`).test(normText);
  });
}
