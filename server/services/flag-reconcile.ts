/**
 * Keeps the flags' review rows in step with the verdict store: a reviewed flag (open, in remediation or an
 * accepted risk) that today's verdict no longer raises is resolved, with an audit row by the system, in the same
 * transaction that changed the verdict (called at the end of `syncVerdicts`). A resolved flag the verdict raises
 * again shows as open (`effectiveFlagState`), so it reopens when cover is lost again, whatever state it had.
 * Reads only the flag rows still unresolved (the `flag_state_idx` index) and looks each up by primary key.
 */
import { prepared, type DbOrTx } from "@/db/client";
import { recordAudit } from "@/server/services/record-audit";
import { SYSTEM_ACTOR } from "@/server/auth/actor";

interface Row {
  id: string;
  transferId: string;
  code: string;
  state: string;
  version: number;
  resolvedOn: string | null;
}

export function reconcileFlags(db: DbOrTx, asOf: string): number {
  const cleared = prepared(
    db,
    `SELECT f.id, f.transfer_id AS transferId, f.code, f.state, f.version, f.resolved_on AS resolvedOn FROM flag f
      WHERE f.state IN ('open', 'in_remediation', 'risk_accepted')
        AND NOT (CASE f.code WHEN 'unsafeguarded'
                   THEN EXISTS (SELECT 1 FROM transfer_verdict v WHERE v.transfer_id = f.transfer_id AND v.status_rank = 5)
                   ELSE EXISTS (SELECT 1 FROM transfer_verdict_issue i WHERE i.transfer_id = f.transfer_id AND i.code = f.code AND i.severity IN ('warning', 'error')) END)`,
  ).all() as Row[];
  if (cleared.length === 0) return 0;
  const update = prepared(db, "UPDATE flag SET state = 'resolved', resolved_on = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
  const at = new Date().toISOString();
  for (const row of cleared) {
    update.run(asOf, at, row.id, row.version);
    recordAudit(db, SYSTEM_ACTOR, {
      action: "flag.move",
      entityType: "flag",
      entityId: row.id,
      before: row,
      after: { ...row, state: "resolved", resolvedOn: asOf, version: row.version + 1, reason: "The verdict no longer raises this flag." },
    });
  }
  return cleared.length;
}
