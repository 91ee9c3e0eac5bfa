CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_project_idx` ON `api_keys` (`project_id`);--> statement-breakpoint
CREATE TABLE `assets` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`category` text NOT NULL,
	`status` text NOT NULL,
	`r2_key` text NOT NULL,
	`filename` text NOT NULL,
	`original_filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`checksum` text NOT NULL,
	`metadata` text,
	`duration_seconds` real,
	`thumbnail_key` text,
	`storyboard_key` text,
	`source_asset_ids` text,
	`ingest_job_id` text,
	`error_message` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assets_r2_key_unique` ON `assets` (`r2_key`);--> statement-breakpoint
CREATE INDEX `assets_project_category_created_idx` ON `assets` (`project_id`,`category`,`created_at`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`job_type` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`retry_delay_seconds` integer NOT NULL,
	`asset_id` text,
	`payload` text NOT NULL,
	`result` text,
	`error_message` text,
	`started_at` text,
	`finished_at` text,
	`next_attempt_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `jobs_project_created_idx` ON `jobs` (`project_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`);--> statement-breakpoint
CREATE INDEX `jobs_asset_idx` ON `jobs` (`asset_id`);--> statement-breakpoint
CREATE TABLE `scene_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`transcript_id` text NOT NULL,
	`cache_key` text NOT NULL,
	`tone` text,
	`criteria` text,
	`max_scenes` integer NOT NULL,
	`model` text NOT NULL,
	`prompt_version` text NOT NULL,
	`request_id` text NOT NULL,
	`scenes` text NOT NULL,
	`usage` text NOT NULL,
	`generated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scene_runs_cache_key_unique` ON `scene_runs` (`cache_key`);--> statement-breakpoint
CREATE INDEX `scene_runs_asset_generated_idx` ON `scene_runs` (`asset_id`,`generated_at`);--> statement-breakpoint
CREATE TABLE `storage_objects` (
	`key` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`category` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`asset_id` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `storage_objects_project_category_idx` ON `storage_objects` (`project_id`,`category`);--> statement-breakpoint
CREATE INDEX `storage_objects_asset_idx` ON `storage_objects` (`asset_id`);--> statement-breakpoint
CREATE TABLE `transcripts` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`request_id` text NOT NULL,
	`model` text NOT NULL,
	`language` text,
	`text` text NOT NULL,
	`duration_seconds` real NOT NULL,
	`segments` text NOT NULL,
	`usage` text NOT NULL,
	`metadata` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `transcripts_asset_created_idx` ON `transcripts` (`asset_id`,`created_at`);