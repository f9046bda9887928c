CREATE TABLE `data_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `party_verdict` (
	`party_id` text PRIMARY KEY NOT NULL,
	`worst_rank` integer NOT NULL,
	FOREIGN KEY (`party_id`) REFERENCES `party`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `party_verdict_rank_idx` ON `party_verdict` (`worst_rank`,`party_id`);--> statement-breakpoint
CREATE TABLE `transfer_verdict_issue` (
	`transfer_id` text NOT NULL,
	`code` text NOT NULL,
	`severity` text NOT NULL,
	PRIMARY KEY(`transfer_id`, `code`),
	FOREIGN KEY (`transfer_id`) REFERENCES `transfer`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transfer_verdict_issue_code_idx` ON `transfer_verdict_issue` (`code`,`transfer_id`);--> statement-breakpoint
CREATE TABLE `transfer_verdict` (
	`transfer_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`status_rank` integer NOT NULL,
	`regime` text NOT NULL,
	`worst_severity` integer NOT NULL,
	`issue_count` integer NOT NULL,
	`attention` integer NOT NULL,
	`issues` text NOT NULL,
	`basis` text NOT NULL,
	`first_reason` text,
	`evaluated_on` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	FOREIGN KEY (`transfer_id`) REFERENCES `transfer`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `transfer_verdict_status_asc_idx` ON `transfer_verdict` (`status_rank`,`transfer_id`);--> statement-breakpoint
CREATE INDEX `transfer_verdict_status_desc_idx` ON `transfer_verdict` ("status_rank" DESC,`transfer_id`);--> statement-breakpoint
CREATE INDEX `transfer_verdict_valid_until_idx` ON `transfer_verdict` (`valid_until`);--> statement-breakpoint
CREATE INDEX `transfer_verdict_valid_from_idx` ON `transfer_verdict` (`valid_from`);--> statement-breakpoint
CREATE INDEX `transfer_verdict_attention_idx` ON `transfer_verdict` (`attention`,"status_rank" DESC,"issue_count" DESC,`transfer_id`);--> statement-breakpoint
CREATE TABLE `verdict_dirty_party` (
	`party_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verdict_dirty_party_summary` (
	`party_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verdict_dirty_safeguard` (
	`safeguard_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verdict_dirty_transfer` (
	`transfer_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verdict_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`all_dirty` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- Seed rows. An existing database starts with every verdict to compute (all_dirty = 1).
INSERT INTO data_revision (id, revision) VALUES (1, 0);--> statement-breakpoint
INSERT INTO verdict_state (id, all_dirty) VALUES (1, 1);--> statement-breakpoint
-- data_revision: bumped by every write to a registry or knowledge-base table, so no write path can forget it.
CREATE TRIGGER `party_revision_insert` AFTER INSERT ON `party` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_revision_update` AFTER UPDATE ON `party` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_revision_delete` AFTER DELETE ON `party` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_processing_location_revision_insert` AFTER INSERT ON `party_processing_location` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_processing_location_revision_update` AFTER UPDATE ON `party_processing_location` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_processing_location_revision_delete` AFTER DELETE ON `party_processing_location` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_data_category_revision_insert` AFTER INSERT ON `party_data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_data_category_revision_update` AFTER UPDATE ON `party_data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `party_data_category_revision_delete` AFTER DELETE ON `party_data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_category_revision_insert` AFTER INSERT ON `data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_category_revision_update` AFTER UPDATE ON `data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `data_category_revision_delete` AFTER DELETE ON `data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `certification_revision_insert` AFTER INSERT ON `certification` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `certification_revision_update` AFTER UPDATE ON `certification` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `certification_revision_delete` AFTER DELETE ON `certification` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_revision_insert` AFTER INSERT ON `safeguard` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_revision_update` AFTER UPDATE ON `safeguard` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_revision_delete` AFTER DELETE ON `safeguard` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_revision_insert` AFTER INSERT ON `safeguard_party` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_revision_update` AFTER UPDATE ON `safeguard_party` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_revision_delete` AFTER DELETE ON `safeguard_party` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_revision_insert` AFTER INSERT ON `transfer` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_revision_update` AFTER UPDATE ON `transfer` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_revision_delete` AFTER DELETE ON `transfer` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_revision_insert` AFTER INSERT ON `transfer_safeguard` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_revision_update` AFTER UPDATE ON `transfer_safeguard` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_revision_delete` AFTER DELETE ON `transfer_safeguard` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_revision_insert` AFTER INSERT ON `transfer_data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_revision_update` AFTER UPDATE ON `transfer_data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_revision_delete` AFTER DELETE ON `transfer_data_category` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `purpose_revision_insert` AFTER INSERT ON `purpose` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `purpose_revision_update` AFTER UPDATE ON `purpose` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `purpose_revision_delete` AFTER DELETE ON `purpose` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_purpose_revision_insert` AFTER INSERT ON `transfer_purpose` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_purpose_revision_update` AFTER UPDATE ON `transfer_purpose` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_purpose_revision_delete` AFTER DELETE ON `transfer_purpose` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_revision_insert` AFTER INSERT ON `transfer_impact_assessment` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_revision_update` AFTER UPDATE ON `transfer_impact_assessment` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_revision_delete` AFTER DELETE ON `transfer_impact_assessment` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_revision_insert` AFTER INSERT ON `kb_entry` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_revision_update` AFTER UPDATE ON `kb_entry` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_revision_delete` AFTER DELETE ON `kb_entry` BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;--> statement-breakpoint
-- Dirty marking: what a write may change. syncVerdicts expands parties and safeguards to their transfers.
CREATE TRIGGER `transfer_party_summary_dirty_update` AFTER UPDATE OF `exporter_id`, `recipient_id` ON `transfer` BEGIN INSERT OR IGNORE INTO verdict_dirty_party_summary (party_id) VALUES (old.exporter_id); INSERT OR IGNORE INTO verdict_dirty_party_summary (party_id) VALUES (old.recipient_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_party_summary_dirty_delete` AFTER DELETE ON `transfer` BEGIN INSERT OR IGNORE INTO verdict_dirty_party_summary (party_id) VALUES (old.exporter_id); INSERT OR IGNORE INTO verdict_dirty_party_summary (party_id) VALUES (old.recipient_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_verdict_dirty_insert` AFTER INSERT ON `transfer` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_verdict_dirty_update` AFTER UPDATE ON `transfer` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_verdict_dirty_insert` AFTER INSERT ON `transfer_safeguard` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_verdict_dirty_update` AFTER UPDATE ON `transfer_safeguard` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (old.transfer_id); INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_verdict_dirty_delete` AFTER DELETE ON `transfer_safeguard` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (old.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_verdict_dirty_insert` AFTER INSERT ON `transfer_impact_assessment` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_verdict_dirty_update` AFTER UPDATE ON `transfer_impact_assessment` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (old.transfer_id); INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_verdict_dirty_delete` AFTER DELETE ON `transfer_impact_assessment` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (old.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_verdict_dirty_insert` AFTER INSERT ON `transfer_data_category` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_verdict_dirty_update` AFTER UPDATE ON `transfer_data_category` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (old.transfer_id); INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (new.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_verdict_dirty_delete` AFTER DELETE ON `transfer_data_category` BEGIN INSERT OR IGNORE INTO verdict_dirty_transfer (transfer_id) VALUES (old.transfer_id); END;--> statement-breakpoint
CREATE TRIGGER `party_verdict_dirty_update` AFTER UPDATE OF `id`, `country`, `relationship`, `extra` ON `party` BEGIN INSERT OR IGNORE INTO verdict_dirty_party (party_id) VALUES (new.id); END;--> statement-breakpoint
CREATE TRIGGER `certification_verdict_dirty_insert` AFTER INSERT ON `certification` BEGIN INSERT OR IGNORE INTO verdict_dirty_party (party_id) VALUES (new.party_id); END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_verdict_dirty_insert` AFTER INSERT ON `safeguard_party` BEGIN INSERT OR IGNORE INTO verdict_dirty_safeguard (safeguard_id) VALUES (new.safeguard_id); END;--> statement-breakpoint
CREATE TRIGGER `certification_verdict_dirty_update` AFTER UPDATE ON `certification` BEGIN INSERT OR IGNORE INTO verdict_dirty_party (party_id) VALUES (old.party_id); INSERT OR IGNORE INTO verdict_dirty_party (party_id) VALUES (new.party_id); END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_verdict_dirty_update` AFTER UPDATE ON `safeguard_party` BEGIN INSERT OR IGNORE INTO verdict_dirty_safeguard (safeguard_id) VALUES (old.safeguard_id); INSERT OR IGNORE INTO verdict_dirty_safeguard (safeguard_id) VALUES (new.safeguard_id); END;--> statement-breakpoint
CREATE TRIGGER `certification_verdict_dirty_delete` AFTER DELETE ON `certification` BEGIN INSERT OR IGNORE INTO verdict_dirty_party (party_id) VALUES (old.party_id); END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_verdict_dirty_delete` AFTER DELETE ON `safeguard_party` BEGIN INSERT OR IGNORE INTO verdict_dirty_safeguard (safeguard_id) VALUES (old.safeguard_id); END;--> statement-breakpoint
CREATE TRIGGER `safeguard_verdict_dirty_update` AFTER UPDATE ON `safeguard` BEGIN INSERT OR IGNORE INTO verdict_dirty_safeguard (safeguard_id) VALUES (new.id); END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_verdict_dirty_insert` AFTER INSERT ON `kb_entry` BEGIN UPDATE verdict_state SET all_dirty = 1 WHERE id = 1 AND all_dirty = 0; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_verdict_dirty_update` AFTER UPDATE ON `kb_entry` BEGIN UPDATE verdict_state SET all_dirty = 1 WHERE id = 1 AND all_dirty = 0; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_verdict_dirty_delete` AFTER DELETE ON `kb_entry` BEGIN UPDATE verdict_state SET all_dirty = 1 WHERE id = 1 AND all_dirty = 0; END;
