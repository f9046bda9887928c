ALTER TABLE `certification` ADD `extra` text;--> statement-breakpoint
ALTER TABLE `transfer_impact_assessment` ADD `extra` text;