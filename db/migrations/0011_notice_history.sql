-- Privacy-notice history: every generated notice section set and every check of a published notice the DPO
-- stored, with the date it speaks for, the knowledge-base and claim-rules versions, a SHA-256 of its content,
-- who stored it and when. Records are never changed: the triggers refuse UPDATE and DELETE.
CREATE TABLE `notice_record` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`as_of` text NOT NULL,
	`kb_version` text NOT NULL,
	`rules_version` text NOT NULL,
	`sha256` text NOT NULL,
	`source_name` text,
	`summary` text NOT NULL,
	`content` text NOT NULL,
	`created_by_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notice_record_created_idx` ON `notice_record` (`created_at`,`id`);--> statement-breakpoint
CREATE TRIGGER `notice_record_no_update` BEFORE UPDATE ON `notice_record` BEGIN SELECT RAISE(ABORT, 'notice_record is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `notice_record_no_delete` BEFORE DELETE ON `notice_record` BEGIN SELECT RAISE(ABORT, 'notice_record is append-only'); END;
