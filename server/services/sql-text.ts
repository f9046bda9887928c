/** Text search in SQL, one way for every list and picker. */

/** Escapes LIKE wildcards (`%`, `_` and the escape character itself) so user text matches literally (`ESCAPE '\'`). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A `LIKE … ESCAPE '\'` pattern that finds `text` anywhere: a search for "50%" means the text "50%". */
export const likePattern = (text: string): string => `%${escapeLike(text)}%`;
