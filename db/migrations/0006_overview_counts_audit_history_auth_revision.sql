CREATE TABLE `auth_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `transfer_verdict_regime_status_idx` ON `transfer_verdict` (`regime`,`status`);--> statement-breakpoint
-- A transfer's History tab lists the audit rows of its TIAs, found by the transfer id inside the row
-- (after for creations and edits, before for deletions): an index on that expression, TIA rows only.
CREATE INDEX `audit_tia_transfer_idx` ON `audit_log` (coalesce(json_extract(`after`, '$.transferId'), json_extract(`before`, '$.transferId')), `id`) WHERE `entity_type` = 'tia';--> statement-breakpoint
-- Append-only for every connection, not only the app's (which also sets recursive_triggers): an insert
-- that would replace an existing row is refused before it happens.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log` WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: REPLACE is not allowed'); END;--> statement-breakpoint
-- auth_revision: bumped by every change to users and sessions (sign-in, sign-out, role change, deactivation).
INSERT INTO auth_revision (id, revision) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `user_auth_revision_insert` AFTER INSERT ON `user` BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `user_auth_revision_update` AFTER UPDATE ON `user` BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `user_auth_revision_delete` AFTER DELETE ON `user` BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `session_auth_revision_insert` AFTER INSERT ON `session` BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `session_auth_revision_update` AFTER UPDATE ON `session` BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `session_auth_revision_delete` AFTER DELETE ON `session` BEGIN UPDATE auth_revision SET revision = revision + 1 WHERE id = 1; END;
