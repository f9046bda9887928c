/** Column encodings shared by the writers. */

/** An `extra` object as its column holds it: JSON text, or null when there is nothing to keep. */
export const extraColumn = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  return Object.keys(value as object).length ? JSON.stringify(value) : null;
};
