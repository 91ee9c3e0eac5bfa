import path from "node:path";
import { type Unstable_DevWorker, unstable_dev } from "wrangler";
import { writeLocalWranglerConfig } from "../stack/dev-config";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The real Worker bundle under wrangler's local runtime, for checks that need Node-only libraries. */
export async function startWorker(vars: Record<string, string> = {}): Promise<Unstable_DevWorker> {
  return unstable_dev(path.join(ROOT, "worker/index.ts"), {
    config: writeLocalWranglerConfig(),
    ip: "127.0.0.1",
    vars: { DEPLOY_ENV: "test", LOG_LEVEL: "ERROR", ...vars },
    persistTo: path.join(ROOT, ".tmp/node-tests-state"),
    logLevel: "none",
    experimental: { disableExperimentalWarning: true },
  });
}
