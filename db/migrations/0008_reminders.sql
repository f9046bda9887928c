CREATE TABLE `reminder_setting` (
	`user_id` text PRIMARY KEY NOT NULL,
	`horizon_days` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `calendar_feed` (
	`user_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`rotated_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_hash_unique` ON `calendar_feed` (`token_hash`);
--> statement-breakpoint
CREATE INDEX `safeguard_ended_idx` ON `safeguard` (`ended`);
--> statement-breakpoint
CREATE INDEX `tia_next_review_idx` ON `transfer_impact_assessment` (`next_review`,`transfer_id`,`completed`,`id`);
--> statement-breakpoint
CREATE INDEX `tia_transfer_latest_idx` ON `transfer_impact_assessment` (`transfer_id`,`completed`,`id`);
--> statement-breakpoint
CREATE INDEX `transfer_live_idx` ON `transfer` (`id`,`archived_at`,`end`);
--> statement-breakpoint
CREATE INDEX `certification_dpf_check_idx` ON `certification` (max(coalesce(`verified_on`, `from`), `from`)) WHERE `framework` IN ('dpf_eu', 'dpf_uk', 'dpf_ch');
