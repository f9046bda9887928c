/**
 * The shareable variant of a `transfer-registry/v1` document (FORMAT.md, "Shareable export"): the same
 * document without the people to contact and the internal notes, for handing to an auditor, a customer or a
 * supervisory authority. Pure; returns a copy.
 */

/** The fields a shareable document leaves out, on every party, safeguard and transfer. */
export const SHAREABLE_OMITTED_FIELDS = ["contactName", "contactEmail", "notes"] as const;

type Entity = Record<string, unknown>;

function without(entity: Entity): Entity {
  const copy: Entity = { ...entity };
  for (const field of SHAREABLE_OMITTED_FIELDS) delete copy[field];
  return copy;
}

export function shareableDocument<D extends { parties?: object[]; safeguards?: object[]; transfers?: object[] }>(document: D): D {
  const out: D = { ...document };
  if (document.parties) out.parties = document.parties.map((p) => without(p as Entity));
  if (document.safeguards) out.safeguards = document.safeguards.map((s) => without(s as Entity));
  if (document.transfers) out.transfers = document.transfers.map((t) => without(t as Entity));
  return out;
}
