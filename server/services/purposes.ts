/** Processing purposes: a short reference list (tens of rows) that the transfer form and page show in full. */
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { purposes } from "@/db/schema";

export interface PurposeOption {
  id: string;
  label: string;
  archived: boolean;
}

export function listPurposes(db: DbOrTx): PurposeOption[] {
  return db.select({ id: purposes.id, label: purposes.label, archived: purposes.archived }).from(purposes).orderBy(asc(purposes.sortOrder), asc(purposes.id)).all();
}
