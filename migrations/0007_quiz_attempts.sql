CREATE TABLE `quiz_attempt_answers` (
	`attempt_id` text NOT NULL,
	`question_id` text NOT NULL,
	`option_ids` text,
	`text` text,
	`credit` real,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_id`)
);
--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`quiz_id` text NOT NULL,
	`version` integer NOT NULL,
	`learner_id` text NOT NULL,
	`status` text NOT NULL,
	`idempotency_key` text,
	`score` real,
	`max_score` integer NOT NULL,
	`percent` real,
	`result` text,
	`started_at` text NOT NULL,
	`submitted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempts_idempotency_idx` ON `quiz_attempts` (`quiz_id`,`learner_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_learner_idx` ON `quiz_attempts` (`quiz_id`,`learner_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `quiz_attempts_stats_idx` ON `quiz_attempts` (`quiz_id`,`status`,`version`,`percent`);--> statement-breakpoint
CREATE TABLE `quiz_versions` (
	`quiz_id` text NOT NULL,
	`version` integer NOT NULL,
	`project_id` text NOT NULL,
	`questions` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`quiz_id`, `version`)
);
