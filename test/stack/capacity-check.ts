import path from "node:path";
import { unstable_readConfig } from "wrangler";
import { ConfigError, parseSettings } from "../../worker/env";
import { capacityIssues } from "../../worker/jobs/capacity";

const ROOT = path.resolve(import.meta.dirname, "../..");
const JOBS_QUEUE = "edge-media-jobs";

/**
 * Checks a wrangler config's concurrency values against JOB_CONCURRENCY (worker/jobs/capacity.ts): the queue
 * consumer's max_concurrency, the media container's max_instances and the settings themselves. `overrides` are
 * settings on top of its [vars] (.dev.vars, the shell). Run before `npm run dev` and `npm run deploy` start.
 */
export function wranglerCapacityIssues(
  configPath = path.join(ROOT, "wrangler.toml"),
  overrides: Record<string, string> = {},
): string[] {
  const config = unstable_readConfig({ config: configPath });
  let settings: ReturnType<typeof parseSettings>;
  try {
    settings = parseSettings({ ...config.vars, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  const consumers: Array<{ queue: string; max_concurrency?: number | null }> = config.queues.consumers ?? [];
  const containers: Array<{ class_name: string; max_instances?: number }> = config.containers ?? [];
  return capacityIssues(settings, {
    queueMaxConcurrency: consumers.find((c) => c.queue === JOBS_QUEUE)?.max_concurrency ?? undefined,
    containerMaxInstances: containers.find((c) => c.class_name === "MediaContainer")?.max_instances,
  });
}

if (process.argv[1] === import.meta.filename) {
  const issues = wranglerCapacityIssues(process.argv[2]);
  if (issues.length > 0) {
    console.error(`Inconsistent concurrency settings:\n- ${issues.join("\n- ")}`);
    process.exit(1);
  }
  console.log("Concurrency settings are consistent with JOB_CONCURRENCY.");
}
