CREATE TABLE `quiz_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`quiz_id` text NOT NULL,
	`project_id` text NOT NULL,
	`state` text NOT NULL,
	`position` integer NOT NULL,
	`origin` text NOT NULL,
	`type` text NOT NULL,
	`stem` text NOT NULL,
	`options` text NOT NULL,
	`accepted_answers` text NOT NULL,
	`explanation` text NOT NULL,
	`difficulty` text NOT NULL,
	`bloom_level` text NOT NULL,
	`evidence` text,
	`transcript_id` text,
	`checks` text NOT NULL,
	`reasons` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quiz_questions_quiz_state_position_idx` ON `quiz_questions` (`quiz_id`,`state`,`position`);--> statement-breakpoint
CREATE TABLE `quizzes` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`transcript_id` text NOT NULL,
	`job_id` text,
	`cache_key` text,
	`title` text NOT NULL,
	`language` text NOT NULL,
	`status` text NOT NULL,
	`parameters` text NOT NULL,
	`model` text NOT NULL,
	`prompt_version` text NOT NULL,
	`request_id` text,
	`seed` integer NOT NULL,
	`usage` text NOT NULL,
	`counts` text NOT NULL,
	`published_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quizzes_cache_key_unique` ON `quizzes` (`cache_key`);--> statement-breakpoint
CREATE INDEX `quizzes_project_created_idx` ON `quizzes` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `quizzes_asset_idx` ON `quizzes` (`asset_id`);