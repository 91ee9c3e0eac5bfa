CREATE TABLE `chapter_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`transcript_id` text NOT NULL,
	`cache_key` text NOT NULL,
	`language` text,
	`max_chapters` integer NOT NULL,
	`model` text NOT NULL,
	`prompt_version` text NOT NULL,
	`request_id` text NOT NULL,
	`chapters` text NOT NULL,
	`summary` text NOT NULL,
	`usage` text NOT NULL,
	`repairs` text NOT NULL,
	`generated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chapter_runs_cache_key_unique` ON `chapter_runs` (`cache_key`);--> statement-breakpoint
CREATE INDEX `chapter_runs_asset_generated_idx` ON `chapter_runs` (`asset_id`,`generated_at`);--> statement-breakpoint
CREATE TABLE `glossaries` (
	`project_id` text PRIMARY KEY NOT NULL,
	`terms` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `transcript_search_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`transcript_id` text NOT NULL,
	`source` text NOT NULL,
	`language` text,
	`segment_index` integer NOT NULL,
	`start_seconds` real NOT NULL,
	`end_seconds` real NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `transcript_search_rows_asset_idx` ON `transcript_search_rows` (`asset_id`);--> statement-breakpoint
CREATE INDEX `transcript_search_rows_project_idx` ON `transcript_search_rows` (`project_id`);--> statement-breakpoint
CREATE TABLE `transcript_translations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`transcript_id` text NOT NULL,
	`language` text NOT NULL,
	`source_language` text,
	`model` text NOT NULL,
	`prompt_version` text NOT NULL,
	`request_id` text NOT NULL,
	`segments` text NOT NULL,
	`usage` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transcript_translations_transcript_language_idx` ON `transcript_translations` (`transcript_id`,`language`);--> statement-breakpoint
CREATE INDEX `transcript_translations_asset_idx` ON `transcript_translations` (`asset_id`);--> statement-breakpoint
ALTER TABLE `transcripts` ADD `word_count` integer;