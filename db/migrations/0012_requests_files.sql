CREATE TABLE `safeguard_request` (
	`id` text PRIMARY KEY NOT NULL,
	`requester_name` text NOT NULL,
	`requester_contact` text NOT NULL,
	`received` text NOT NULL,
	`channel` text NOT NULL,
	`question` text NOT NULL,
	`party_ids` text DEFAULT '[]' NOT NULL,
	`category_ids` text DEFAULT '[]' NOT NULL,
	`purpose_ids` text DEFAULT '[]' NOT NULL,
	`withhold_names` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`due` text NOT NULL,
	`extension_months` integer,
	`extension_reason` text,
	`extended_on` text,
	`refusal_reason` text,
	`closed_on` text,
	`notes` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `safeguard_request_status_due_idx` ON `safeguard_request` (`status`,`due`);--> statement-breakpoint
CREATE INDEX `safeguard_request_received_idx` ON `safeguard_request` (`received`);--> statement-breakpoint
CREATE TABLE `safeguard_copy_part` (
	`id` text PRIMARY KEY NOT NULL,
	`safeguard_id` text NOT NULL,
	`part` text NOT NULL,
	`content` text NOT NULL,
	`redacted` integer DEFAULT false NOT NULL,
	`summary` text,
	`reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`safeguard_id`) REFERENCES `safeguard`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `safeguard_copy_part_safeguard_idx` ON `safeguard_copy_part` (`safeguard_id`);--> statement-breakpoint
CREATE TABLE `request_copy` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`format` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`as_of` text NOT NULL,
	`transfer_count` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by_id` text,
	`created_by_email` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `safeguard_request`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_copy_request_idx` ON `request_copy` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stored_file` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`safeguard_id` text,
	`tia_id` text,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text NOT NULL,
	`original_name` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`uploaded_by_id` text,
	`uploaded_by_email` text NOT NULL,
	FOREIGN KEY (`safeguard_id`) REFERENCES `safeguard`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tia_id`) REFERENCES `transfer_impact_assessment`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stored_file_safeguard_idx` ON `stored_file` (`safeguard_id`);--> statement-breakpoint
CREATE INDEX `stored_file_tia_idx` ON `stored_file` (`tia_id`);
