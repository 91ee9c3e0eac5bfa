import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { createJob } from "../../../worker/jobs/create-job";
import type { JobMessage } from "../../../worker/jobs/queue-consumer";
import { SchedulerClient } from "../../../worker/jobs/scheduler-client";
import { engineLimits } from "../engine-limits";
import { projectWithAsset, scriptIngest } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  engineLimits.slots = null;
});

const BACKLOG = 500;
// One job's slot: long enough for the consumer to hand a 500-message backlog over in batches, far too short for
// it to hand them over one message per delivery (the order the jobs arrived in would then decide, not the turns).
const SLOT_MS = 2000;

/** Creates jobs as the API does, but holds their queue messages back so the test decides when the queue sees them. */
async function createHeld(projectId: string, assetId: string, count: number): Promise<JobMessage[]> {
  const held: JobMessage[] = [];
  const queue = {
    send: async (message: JobMessage) => {
      held.push(message);
    },
  } as unknown as Queue<JobMessage>;
  const deps = {
    db: createDb(env.DB),
    jobs: env.JOB,
    queue,
    settings: {
      MAX_QUEUE_SIZE: 10_000,
      MAX_TOTAL_QUEUED_JOBS: 10_000,
      JOB_MAX_ATTEMPTS: 1,
      JOB_RETRY_DELAY_SECONDS: 1,
    },
  };
  for (let i = 0; i < count; i += 25) {
    const size = Math.min(25, count - i);
    await Promise.all(
      Array.from({ length: size }, () =>
        createJob(deps, { projectId, jobType: "ingest", payload: { asset_id: assetId } }),
      ),
    );
  }
  return held;
}

describe("fair hand-over through the jobs queue", () => {
  it("grants a small project's job within one slot while another project's 500-job backlog is in the queue", async () => {
    engineLimits.slots = 1;
    const scheduler = new SchedulerClient(env.JOB_SCHEDULER);
    await expect.poll(async () => (await scheduler.snapshot()).running, { timeout: 10_000 }).toBe(0);
    const order: string[] = [];
    let holdMs = SLOT_MS;
    restore = scriptIngest(async (ctx) => {
      order.push(ctx.job.id);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      return {};
    });
    const large = await projectWithAsset("backlog");
    const small = await projectWithAsset("one-job");
    const backlog = (await createHeld(large.projectId, large.assetId, BACKLOG)).map((m) => ({ body: m }));
    const [mine] = await createHeld(small.projectId, small.assetId, 1);
    if (!mine) throw new Error("the small project's job sent no message");

    // The whole backlog enters the real queue first, then the small project's one message, behind all of it.
    for (let i = 0; i < backlog.length; i += 100) await env.JOBS_QUEUE.sendBatch(backlog.slice(i, i + 100));
    await env.JOBS_QUEUE.send(mine);

    // The consumer hands whole batches over without waiting for a slot: the scheduler holds every job within the
    // first job's slot, and the next grant is the small project's turn.
    await expect.poll(() => order.length, { timeout: 3 * SLOT_MS, interval: 50 }).toBe(1);
    await expect.poll(async () => (await scheduler.snapshot()).ready, { timeout: SLOT_MS, interval: 50 }).toBe(BACKLOG);
    await expect.poll(() => order.length, { timeout: 3 * SLOT_MS, interval: 50 }).toBe(2);
    const backlogIds = backlog.map((m) => m.body.job_id);
    expect(order).toEqual([backlogIds[0], mine.job_id]);

    // Then the backlog goes on in the order it was queued, one run at a time.
    holdMs = 0;
    await expect.poll(() => order.length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(6);
    expect(order.slice(2, 6)).toEqual(backlogIds.slice(1, 5));
    expect((await scheduler.snapshot()).peak).toBe(1);

    // The rest run on more slots, so the file ends with every job completed once and nothing in flight.
    engineLimits.slots = 32;
    const completed = () =>
      env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE project_id IN (?, ?) AND status = 'completed'")
        .bind(large.projectId, small.projectId)
        .first<{ n: number }>("n");
    await expect.poll(completed, { timeout: 120_000, interval: 500 }).toBe(BACKLOG + 1);
    expect(new Set(order).size).toBe(BACKLOG + 1);
    expect(order).toHaveLength(BACKLOG + 1);
    await expect.poll(async () => (await scheduler.snapshot()).running, { timeout: 10_000 }).toBe(0);
  }, 240_000);
});
