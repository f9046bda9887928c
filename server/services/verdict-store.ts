/**
 * The verdict store (stub: being built). `syncVerdicts(tx)` re-evaluates the transfers
 * that writes have marked dirty (database triggers mark them) and stores their verdicts.
 * Call it at the end of every write transaction, inside the same synchronous transaction.
 */
import type { DbOrTx } from "@/db/client";

export function syncVerdicts(_tx: DbOrTx, _today?: string): { evaluated: number } {
  return { evaluated: 0 };
}
