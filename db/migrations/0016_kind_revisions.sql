-- Revisions per kind of data, so that an in-process cache of an aggregate is dropped only when what it reads
-- changes (server/services/revisions.ts), where data_revision is bumped by every write. A transfer's notes, version
-- and timestamps are not read by any aggregate: editing only them bumps no kind. `verdict` is bumped by
-- syncVerdicts when a stored verdict changes. (A transfer edit that changes only inert columns fires no kind: the
-- trigger compares OLD and NEW, since the forms' UPDATE sets every column.)
CREATE TABLE `data_kind_revision` (
	`kind` text PRIMARY KEY NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `data_kind_revision` (`kind`, `revision`) VALUES ('party', 0), ('certification', 0), ('safeguard', 0), ('transfer', 0), ('tia', 0), ('catalog', 0), ('kb', 0), ('verdict', 0), ('user', 0), ('flag', 0);--> statement-breakpoint
CREATE TRIGGER `party_kind_revision_insert` AFTER INSERT ON `party` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_kind_revision_update` AFTER UPDATE ON `party` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_kind_revision_delete` AFTER DELETE ON `party` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_processing_location_kind_revision_insert` AFTER INSERT ON `party_processing_location` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_processing_location_kind_revision_update` AFTER UPDATE ON `party_processing_location` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_processing_location_kind_revision_delete` AFTER DELETE ON `party_processing_location` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_data_category_kind_revision_insert` AFTER INSERT ON `party_data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_data_category_kind_revision_update` AFTER UPDATE ON `party_data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `party_data_category_kind_revision_delete` AFTER DELETE ON `party_data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'party'; END;--> statement-breakpoint
CREATE TRIGGER `certification_kind_revision_insert` AFTER INSERT ON `certification` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'certification'; END;--> statement-breakpoint
CREATE TRIGGER `certification_kind_revision_update` AFTER UPDATE ON `certification` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'certification'; END;--> statement-breakpoint
CREATE TRIGGER `certification_kind_revision_delete` AFTER DELETE ON `certification` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'certification'; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_kind_revision_insert` AFTER INSERT ON `safeguard` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'safeguard'; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_kind_revision_update` AFTER UPDATE ON `safeguard` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'safeguard'; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_kind_revision_delete` AFTER DELETE ON `safeguard` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'safeguard'; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_kind_revision_insert` AFTER INSERT ON `safeguard_party` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'safeguard'; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_kind_revision_update` AFTER UPDATE ON `safeguard_party` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'safeguard'; END;--> statement-breakpoint
CREATE TRIGGER `safeguard_party_kind_revision_delete` AFTER DELETE ON `safeguard_party` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'safeguard'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_kind_revision_insert` AFTER INSERT ON `transfer` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_kind_revision_update` AFTER UPDATE ON `transfer` WHEN OLD.`exporter_id` IS NOT NEW.`exporter_id` OR OLD.`recipient_id` IS NOT NEW.`recipient_id` OR OLD.`destination` IS NOT NEW.`destination` OR OLD.`exporter_role` IS NOT NEW.`exporter_role` OR OLD.`recipient_role` IS NOT NEW.`recipient_role` OR OLD.`special_category` IS NOT NEW.`special_category` OR OLD.`data_subjects` IS NOT NEW.`data_subjects` OR OLD.`frequency` IS NOT NEW.`frequency` OR OLD.`start` IS NOT NEW.`start` OR OLD.`end` IS NOT NEW.`end` OR OLD.`extra` IS NOT NEW.`extra` OR OLD.`archived_at` IS NOT NEW.`archived_at` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_kind_revision_delete` AFTER DELETE ON `transfer` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_kind_revision_insert` AFTER INSERT ON `transfer_safeguard` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_kind_revision_update` AFTER UPDATE ON `transfer_safeguard` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_safeguard_kind_revision_delete` AFTER DELETE ON `transfer_safeguard` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_kind_revision_insert` AFTER INSERT ON `transfer_data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_kind_revision_update` AFTER UPDATE ON `transfer_data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_data_category_kind_revision_delete` AFTER DELETE ON `transfer_data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_purpose_kind_revision_insert` AFTER INSERT ON `transfer_purpose` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_purpose_kind_revision_update` AFTER UPDATE ON `transfer_purpose` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_purpose_kind_revision_delete` AFTER DELETE ON `transfer_purpose` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'transfer'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_kind_revision_insert` AFTER INSERT ON `transfer_impact_assessment` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'tia'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_kind_revision_update` AFTER UPDATE ON `transfer_impact_assessment` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'tia'; END;--> statement-breakpoint
CREATE TRIGGER `transfer_impact_assessment_kind_revision_delete` AFTER DELETE ON `transfer_impact_assessment` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'tia'; END;--> statement-breakpoint
CREATE TRIGGER `data_category_kind_revision_insert` AFTER INSERT ON `data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'catalog'; END;--> statement-breakpoint
CREATE TRIGGER `data_category_kind_revision_update` AFTER UPDATE ON `data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'catalog'; END;--> statement-breakpoint
CREATE TRIGGER `data_category_kind_revision_delete` AFTER DELETE ON `data_category` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'catalog'; END;--> statement-breakpoint
CREATE TRIGGER `purpose_kind_revision_insert` AFTER INSERT ON `purpose` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'catalog'; END;--> statement-breakpoint
CREATE TRIGGER `purpose_kind_revision_update` AFTER UPDATE ON `purpose` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'catalog'; END;--> statement-breakpoint
CREATE TRIGGER `purpose_kind_revision_delete` AFTER DELETE ON `purpose` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'catalog'; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_kind_revision_insert` AFTER INSERT ON `kb_entry` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'kb'; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_kind_revision_update` AFTER UPDATE ON `kb_entry` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'kb'; END;--> statement-breakpoint
CREATE TRIGGER `kb_entry_kind_revision_delete` AFTER DELETE ON `kb_entry` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'kb'; END;--> statement-breakpoint
CREATE TRIGGER `user_kind_revision_insert` AFTER INSERT ON `user` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'user'; END;--> statement-breakpoint
CREATE TRIGGER `user_kind_revision_update` AFTER UPDATE ON `user` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'user'; END;--> statement-breakpoint
CREATE TRIGGER `user_kind_revision_delete` AFTER DELETE ON `user` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'user'; END;--> statement-breakpoint
CREATE TRIGGER `flag_kind_revision_insert` AFTER INSERT ON `flag` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'flag'; END;--> statement-breakpoint
CREATE TRIGGER `flag_kind_revision_update` AFTER UPDATE ON `flag` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'flag'; END;--> statement-breakpoint
CREATE TRIGGER `flag_kind_revision_delete` AFTER DELETE ON `flag` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'flag'; END;--> statement-breakpoint
CREATE TRIGGER `flag_comment_kind_revision_insert` AFTER INSERT ON `flag_comment` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'flag'; END;--> statement-breakpoint
CREATE TRIGGER `flag_comment_kind_revision_update` AFTER UPDATE ON `flag_comment` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'flag'; END;--> statement-breakpoint
CREATE TRIGGER `flag_comment_kind_revision_delete` AFTER DELETE ON `flag_comment` BEGIN UPDATE data_kind_revision SET revision = revision + 1 WHERE kind = 'flag'; END;
