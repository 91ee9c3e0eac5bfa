import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseSettings } from "../../worker/env";
import { mediaOpsPerInstance } from "../../worker/jobs/capacity";
import { wranglerCapacityIssues } from "../stack/capacity-check";

const ROOT = path.resolve(import.meta.dirname, "../..");
const source = readFileSync(path.join(ROOT, "wrangler.toml"), "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "capacity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** wrangler.toml with some lines replaced, written beside a copy so relative paths still resolve. */
function variant(name: string, replace: Array<[RegExp, string]>): string {
  let text = source.replaceAll('main = "worker/index.ts"', `main = "${path.join(ROOT, "worker/index.ts")}"`);
  for (const [pattern, value] of replace) {
    expect(text).toMatch(pattern);
    text = text.replace(pattern, value);
  }
  const file = path.join(dir, `${name}.toml`);
  writeFileSync(file, text);
  return file;
}

const configIssues = (raw: Record<string, string>) => {
  try {
    parseSettings(raw);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
};

describe("one concurrency setting", () => {
  it("the repository's wrangler.toml is consistent with JOB_CONCURRENCY", () => {
    expect(wranglerCapacityIssues()).toEqual([]);
  });

  it("fails loudly when the queue consumer's max_concurrency exceeds JOB_CONCURRENCY", () => {
    const file = variant("queue", [[/max_concurrency = \d+/, "max_concurrency = 8"]]);
    const issues = wranglerCapacityIssues(file);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^queues\.consumers max_concurrency: 8; set it to at most JOB_CONCURRENCY \(2\)/);
  });

  it("fails loudly when the container may not start as many instances as media calls are spread over", () => {
    const file = variant("containers", [
      [/JOB_CONCURRENCY = "\d+"/, 'JOB_CONCURRENCY = "16"'],
      [/MEDIA_CONTAINER_INSTANCES = "\d+"/, 'MEDIA_CONTAINER_INSTANCES = "4"'],
    ]);
    expect(wranglerCapacityIssues(file)).toEqual([
      "containers max_instances: 3, below MEDIA_CONTAINER_INSTANCES (4); media calls to the missing instances would fail",
    ]);
  });

  it("the Worker refuses settings with more instances than jobs, or a WORKER_CONCURRENCY that says otherwise", () => {
    expect(configIssues({ JOB_CONCURRENCY: "2", MEDIA_CONTAINER_INSTANCES: "3" })).toEqual([
      "MEDIA_CONTAINER_INSTANCES: 3 instances for JOB_CONCURRENCY 2 jobs; some would idle",
    ]);
    expect(configIssues({ JOB_CONCURRENCY: "4", MEDIA_CONTAINER_INSTANCES: "2", WORKER_CONCURRENCY: "2" })).toEqual([
      "WORKER_CONCURRENCY: 2 differs from JOB_CONCURRENCY (4), the one concurrency setting; remove it",
    ]);
    expect(configIssues({ JOB_CONCURRENCY: "4", MEDIA_CONTAINER_INSTANCES: "2", WORKER_CONCURRENCY: "4" })).toEqual([]);
    expect(wranglerCapacityIssues(undefined, { MEDIA_CONTAINER_INSTANCES: "5" })).toEqual([
      "MEDIA_CONTAINER_INSTANCES: 5 instances for JOB_CONCURRENCY 2 jobs; some would idle",
    ]);
  });

  it("takes MEDIA_SERVICE_URL as one URL for all instances or one per instance, and refuses any other count", () => {
    const base = { JOB_CONCURRENCY: "4", MEDIA_CONTAINER_INSTANCES: "2" };
    expect(parseSettings({ ...base, MEDIA_SERVICE_URL: "http://127.0.0.1:8790" }).MEDIA_SERVICE_URL).toEqual([
      "http://127.0.0.1:8790",
    ]);
    expect(
      parseSettings({ ...base, MEDIA_SERVICE_URL: " http://127.0.0.1:8790 , http://127.0.0.1:8791" }).MEDIA_SERVICE_URL,
    ).toEqual(["http://127.0.0.1:8790", "http://127.0.0.1:8791"]);
    expect(parseSettings(base).MEDIA_SERVICE_URL).toBeUndefined();
    expect(configIssues({ ...base, MEDIA_SERVICE_URL: "http://a:1,http://b:2,http://c:3" })).toEqual([
      "MEDIA_SERVICE_URL: 3 URLs for MEDIA_CONTAINER_INSTANCES 2 instances; give one URL per instance (or one for all)",
    ]);
    expect(configIssues({ ...base, MEDIA_SERVICE_URL: "http://a:1,not a url" })).toEqual([
      "MEDIA_SERVICE_URL.1: Invalid URL",
    ]);
    expect(configIssues({ ...base, MEDIA_SERVICE_URL: " , " })).toEqual([
      "MEDIA_SERVICE_URL: must list at least one URL",
    ]);
    // The start-up check of `npm run dev` and the e2e stacks says the same.
    expect(wranglerCapacityIssues(undefined, { MEDIA_SERVICE_URL: "http://a:1,http://b:2,http://c:3" })).toEqual([
      "MEDIA_SERVICE_URL: 3 URLs for MEDIA_CONTAINER_INSTANCES 2 instances; give one URL per instance (or one for all)",
    ]);
  });

  it("derives the media service's limit: the instances together take one op of every running job", () => {
    expect(mediaOpsPerInstance({ JOB_CONCURRENCY: 16, MEDIA_CONTAINER_INSTANCES: 6 })).toBe(3);
    expect(mediaOpsPerInstance({ JOB_CONCURRENCY: 2, MEDIA_CONTAINER_INSTANCES: 2 })).toBe(1);
    expect(mediaOpsPerInstance({ JOB_CONCURRENCY: 250, MEDIA_CONTAINER_INSTANCES: 250 })).toBe(1);
  });
});
