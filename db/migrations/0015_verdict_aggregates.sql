-- The map and the privacy notice aggregate the verdict store from indexes alone: the verdict row carries the
-- exporter's country, the destination and an interned basis id (written by syncVerdicts).
CREATE TABLE `verdict_basis` (
	`id` integer PRIMARY KEY NOT NULL,
	`basis` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verdict_basis_basis_unique` ON `verdict_basis` (`basis`);--> statement-breakpoint
ALTER TABLE `transfer_verdict` ADD `exporter_country` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_verdict` ADD `destination` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `transfer_verdict` ADD `basis_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `transfer_verdict_flow_idx` ON `transfer_verdict` (`regime`,`exporter_country`,`destination`,`status_rank`);--> statement-breakpoint
CREATE INDEX `transfer_verdict_basis_idx` ON `transfer_verdict` (`regime`,`status`,`basis_id`,`destination`,`transfer_id`);--> statement-breakpoint
DROP INDEX `transfer_recipient_idx`;--> statement-breakpoint
CREATE INDEX `transfer_recipient_idx` ON `transfer` (`recipient_id`,`archived_at`,`start`,`end`);--> statement-breakpoint
-- Existing rows lack the new columns: the next read re-evaluates every transfer and fills them.
UPDATE `verdict_state` SET `all_dirty` = 1 WHERE `id` = 1;
