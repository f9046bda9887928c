-- Flags (issue 10): the DPO's review workflow over the verdicts' flags. A flag is derived (a live transfer whose
-- verdict is unsafeguarded or has a warning/error issue); a row here exists once someone acted on it. Rows are
-- unique per (transfer, code); code is an issue code or 'unsafeguarded'.
CREATE TABLE `flag` (
	`id` text PRIMARY KEY NOT NULL,
	`transfer_id` text NOT NULL REFERENCES `transfer`(`id`),
	`code` text NOT NULL,
	`state` text NOT NULL CHECK (`state` IN ('open','in_remediation','resolved','risk_accepted')),
	`owner_id` text REFERENCES `user`(`id`),
	`due_date` text,
	`justification` text,
	`rereview_date` text,
	`opened_on` text NOT NULL,
	`resolved_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flag_transfer_code_idx` ON `flag` (`transfer_id`,`code`);--> statement-breakpoint
CREATE INDEX `flag_owner_idx` ON `flag` (`owner_id`);--> statement-breakpoint
CREATE INDEX `flag_state_idx` ON `flag` (`state`);--> statement-breakpoint
CREATE TABLE `flag_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`flag_id` text NOT NULL REFERENCES `flag`(`id`) ON DELETE CASCADE,
	`author_id` text REFERENCES `user`(`id`),
	`author_email` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `flag_comment_flag_idx` ON `flag_comment` (`flag_id`,`created_at`);
