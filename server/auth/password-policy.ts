/**
 * What a password must be: at least MIN_PASSWORD_LENGTH characters (server/domain/choices/user-labels.ts, also
 * checked in the browser) and not easy to guess: zxcvbn-ts (a maintained port of Dropbox's zxcvbn,
 * with its common-password, name and English word lists) must score it at least MIN_PASSWORD_SCORE
 * of 4, "safely unguessable: moderate protection from offline slow-hash scenario" (about 10^8
 * guesses or more). The user's own e-mail and name count as known words. Server-side only: the word
 * lists are megabytes.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import { MIN_PASSWORD_LENGTH } from "@/server/domain/choices/user-labels";

export const MIN_PASSWORD_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    translations: english.translations,
  });
  return checker;
}

/** Why `password` is refused, or null when it is acceptable. */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const words = userInputs.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3);
  const result = zxcvbn().check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => Boolean(s));
  return `This password is too easy to guess.${hints.length ? ` ${hints.join(" ")}` : ""} Try a longer phrase of unrelated words.`;
}
