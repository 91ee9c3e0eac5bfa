CREATE TABLE `quiz_review_clips` (
	`quiz_id` text NOT NULL,
	`question_id` text NOT NULL,
	`project_id` text NOT NULL,
	`asset_id` text NOT NULL,
	`start` real NOT NULL,
	`end` real NOT NULL,
	`job_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`quiz_id`, `question_id`)
);
--> statement-breakpoint
CREATE INDEX `quiz_review_clips_asset_idx` ON `quiz_review_clips` (`asset_id`);--> statement-breakpoint
CREATE INDEX `quiz_review_clips_project_idx` ON `quiz_review_clips` (`project_id`);