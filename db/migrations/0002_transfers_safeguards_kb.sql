CREATE TABLE `kb_entry` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`origin` text DEFAULT 'reference' NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `kb_entry_kind_idx` ON `kb_entry` (`kind`);--> statement-breakpoint
CREATE TABLE `certification` (
	`id` text PRIMARY KEY NOT NULL,
	`party_id` text NOT NULL,
	`framework` text NOT NULL,
	`from` text NOT NULL,
	`to` text,
	`covered_data` text,
	`verified_on` text,
	`verified_by` text,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`party_id`) REFERENCES `party`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `certification_party_idx` ON `certification` (`party_id`);--> statement-breakpoint
CREATE TABLE `safeguard_party` (
	`safeguard_id` text NOT NULL,
	`party_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`safeguard_id`, `party_id`),
	FOREIGN KEY (`safeguard_id`) REFERENCES `safeguard`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `party`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguard_party_party_idx` ON `safeguard_party` (`party_id`);--> statement-breakpoint
CREATE TABLE `safeguard` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`scc_version` text,
	`modules` text,
	`signed` text,
	`approved` text,
	`ended` text,
	`docking_clause` integer DEFAULT false NOT NULL,
	`uk_addendum` integer DEFAULT false NOT NULL,
	`uk_addendum_version` text,
	`swiss_adaptations` integer DEFAULT false NOT NULL,
	`supervisory_authority` text,
	`governing_law` text,
	`idta_version` text,
	`bcr_variant` text,
	`approving_authority` text,
	`reference` text,
	`derogation_basis` text,
	`justification` text,
	`sa_informed_on` text,
	`notes` text,
	`extra` text,
	`archived_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `safeguard_type_idx` ON `safeguard` (`type`);--> statement-breakpoint
CREATE TABLE `purpose` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `transfer_data_category` (
	`transfer_id` text NOT NULL,
	`category_id` text NOT NULL,
	PRIMARY KEY(`transfer_id`, `category_id`),
	FOREIGN KEY (`transfer_id`) REFERENCES `transfer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `data_category`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `transfer_impact_assessment` (
	`id` text PRIMARY KEY NOT NULL,
	`transfer_id` text NOT NULL,
	`completed` text NOT NULL,
	`assessor` text,
	`outcome` text,
	`measures_technical` text,
	`measures_contractual` text,
	`measures_organisational` text,
	`next_review` text,
	`document_ref` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`transfer_id`) REFERENCES `transfer`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tia_transfer_idx` ON `transfer_impact_assessment` (`transfer_id`,`completed`);--> statement-breakpoint
CREATE TABLE `transfer_purpose` (
	`transfer_id` text NOT NULL,
	`purpose_id` text NOT NULL,
	PRIMARY KEY(`transfer_id`, `purpose_id`),
	FOREIGN KEY (`transfer_id`) REFERENCES `transfer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`purpose_id`) REFERENCES `purpose`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `transfer_safeguard` (
	`transfer_id` text NOT NULL,
	`safeguard_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`transfer_id`, `safeguard_id`),
	FOREIGN KEY (`transfer_id`) REFERENCES `transfer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`safeguard_id`) REFERENCES `safeguard`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_safeguard_sg_idx` ON `transfer_safeguard` (`safeguard_id`);--> statement-breakpoint
CREATE TABLE `transfer` (
	`id` text PRIMARY KEY NOT NULL,
	`exporter_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`destination` text NOT NULL,
	`exporter_role` text NOT NULL,
	`recipient_role` text NOT NULL,
	`special_category` integer DEFAULT false NOT NULL,
	`data_subjects` text DEFAULT '[]' NOT NULL,
	`frequency` text NOT NULL,
	`start` text NOT NULL,
	`end` text,
	`notes` text,
	`extra` text,
	`archived_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`exporter_id`) REFERENCES `party`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `party`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfer_exporter_idx` ON `transfer` (`exporter_id`);--> statement-breakpoint
CREATE INDEX `transfer_recipient_idx` ON `transfer` (`recipient_id`);--> statement-breakpoint
CREATE INDEX `transfer_destination_idx` ON `transfer` (`destination`);