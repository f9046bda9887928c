-- Reminders of the flags' review workflow (issue 10, item 4): flags past their due date and accepted risks due for
-- re-review, read by date range. Partial indexes hold only the rows that can be reminded of.
CREATE INDEX `flag_due_idx` ON `flag` (`due_date`) WHERE `state` IN ('open','in_remediation') AND `due_date` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `flag_rereview_idx` ON `flag` (`rereview_date`) WHERE `state` = 'risk_accepted' AND `rereview_date` IS NOT NULL;--> statement-breakpoint
-- A review action changes no verdict, so it does not bump data_revision (which would make every verdict-derived
-- cache recompute); the flag revision tells the caches that read flags (reminders) that they are stale.
CREATE TABLE `flag_revision` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `flag_revision` (`id`, `revision`) VALUES (1, 0);--> statement-breakpoint
CREATE TRIGGER `flag_revision_insert` AFTER INSERT ON `flag` BEGIN UPDATE `flag_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `flag_revision_update` AFTER UPDATE ON `flag` BEGIN UPDATE `flag_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `flag_revision_delete` AFTER DELETE ON `flag` BEGIN UPDATE `flag_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
