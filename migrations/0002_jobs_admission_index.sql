DROP INDEX `jobs_status_idx`;--> statement-breakpoint
CREATE INDEX `jobs_status_project_idx` ON `jobs` (`status`,`project_id`);