// Spelled out rather than picked from Settings: env.ts imports this module to check the settings it parses.
interface ConcurrencySettings {
  JOB_CONCURRENCY: number;
  MEDIA_CONTAINER_INSTANCES: number;
  /** Local media service processes, one per instance (or one for all). */
  MEDIA_SERVICE_URL?: string[];
}

/**
 * Media ops one container instance runs at once (the media service's MEDIA_MAX_CONCURRENCY): enough that the
 * instances together take one op of every job that can run, which is how a job uses the service.
 */
export function mediaOpsPerInstance(settings: ConcurrencySettings): number {
  return Math.ceil(settings.JOB_CONCURRENCY / settings.MEDIA_CONTAINER_INSTANCES);
}

/** What wrangler.toml declares beside the settings (read by the deploy and dev start-up checks). */
export interface DeployLimits {
  /** The jobs queue consumer's max_concurrency (undefined: the platform scales it). */
  queueMaxConcurrency: number | undefined;
  /** The MediaContainer's [[containers]] max_instances. */
  containerMaxInstances: number | undefined;
}

/**
 * What disagrees with JOB_CONCURRENCY, the one concurrency setting; empty when all follows from it. Settings alone
 * (no `deploy`) are checked when the Worker parses them; the wrangler.toml values before dev and deploy start.
 */
export function capacityIssues(settings: ConcurrencySettings, deploy?: DeployLimits): string[] {
  const jobs = settings.JOB_CONCURRENCY;
  const instances = settings.MEDIA_CONTAINER_INSTANCES;
  const issues: string[] = [];
  if (instances > jobs) {
    issues.push(`MEDIA_CONTAINER_INSTANCES: ${instances} instances for JOB_CONCURRENCY ${jobs} jobs; some would idle`);
  }
  const urls = settings.MEDIA_SERVICE_URL?.length ?? 0;
  // One URL is every instance's (the local default); a list names each instance's own process, so a retry that
  // avoids a dead instance reaches another process, as it would reach another container.
  if (urls > 1 && urls !== instances) {
    issues.push(
      `MEDIA_SERVICE_URL: ${urls} URLs for MEDIA_CONTAINER_INSTANCES ${instances} instances; give one URL per instance (or one for all)`,
    );
  }
  if (!deploy) return issues;
  const { queueMaxConcurrency, containerMaxInstances } = deploy;
  if (queueMaxConcurrency === undefined || queueMaxConcurrency > jobs) {
    issues.push(
      `queues.consumers max_concurrency: ${queueMaxConcurrency ?? "unset"}; set it to at most JOB_CONCURRENCY (${jobs}): hand-overs beyond the run slots only wait for the scheduler`,
    );
  }
  if (containerMaxInstances === undefined || containerMaxInstances < instances) {
    issues.push(
      `containers max_instances: ${containerMaxInstances ?? "unset"}, below MEDIA_CONTAINER_INSTANCES (${instances}); media calls to the missing instances would fail`,
    );
  }
  return issues;
}
