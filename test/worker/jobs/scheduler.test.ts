import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { SCHEDULER_NAME, SchedulerClient } from "../../../worker/jobs/scheduler-client";
import { engineLimits } from "../engine-limits";
import { createIngestJob, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  engineLimits.slots = null;
});

const scheduler = () => new SchedulerClient(env.JOB_SCHEDULER);
const schedulerStub = () => env.JOB_SCHEDULER.get(env.JOB_SCHEDULER.idFromName(SCHEDULER_NAME));

/**
 * Scripts ingest jobs to record the order they start in and to hold each until the test lets it go. The handler
 * polls rather than awaiting a promise the test resolves: a job object must not resume on the test's I/O context.
 */
function heldJobs() {
  const order: string[] = [];
  const released = new Set<string>();
  let running = 0;
  let peak = 0;
  restore = scriptIngest(async (ctx) => {
    order.push(ctx.job.id);
    running += 1;
    peak = Math.max(peak, running);
    while (!released.has(ctx.job.id)) await new Promise((resolve) => setTimeout(resolve, 20));
    running -= 1;
    return {};
  });
  return { order, open: (jobId: string) => released.add(jobId), peak: () => peak };
}

describe("job scheduler", () => {
  it("starts a small project's job within one slot while a large project's backlog waits", async () => {
    engineLimits.slots = 1;
    await expect.poll(async () => (await scheduler().snapshot()).running, { timeout: 10_000 }).toBe(0);
    const jobs = heldJobs();
    const large = await projectWithAsset("large");
    const small = await projectWithAsset("small");

    const backlog = [];
    for (let i = 0; i < 6; i++) backlog.push((await createIngestJob(large.projectId, large.assetId)).id);
    await expect.poll(async () => (await scheduler().snapshot()).ready, { timeout: 10_000 }).toBe(5);
    const first = jobs.order[0] as string;
    expect(backlog).toContain(first);

    const mine = (await createIngestJob(small.projectId, small.assetId)).id;
    await expect.poll(async () => (await scheduler().snapshot()).ready, { timeout: 10_000 }).toBe(6);
    expect(jobs.order).toEqual([first]);

    // The running job ends: the next slot is the small project's turn, not the backlog's.
    jobs.open(first);
    await expect.poll(() => jobs.order.length, { timeout: 10_000 }).toBe(2);
    expect(jobs.order[1]).toBe(mine);

    for (let i = 1; i < 7; i++) {
      jobs.open(jobs.order[i] as string);
      if (i < 6) await expect.poll(() => jobs.order.length, { timeout: 10_000 }).toBe(i + 2);
    }
    // The backlog ran in the order it was queued, one at a time.
    expect(jobs.order.filter((id) => id !== mine)).toEqual(backlog);
    expect(jobs.peak()).toBe(1);
    for (const id of [...backlog, mine]) {
      const project = id === mine ? small.projectId : large.projectId;
      await waitForJob(project, id, (j) => j.status === "completed");
    }
    const after = await scheduler().snapshot();
    expect(after).toMatchObject({ limit: 1, running: 0, ready: 0 });
  }, 60_000);

  it("hands each slot to the next job when runs end, and never holds more than the limit", async () => {
    engineLimits.slots = 2;
    await expect.poll(async () => (await scheduler().snapshot()).running, { timeout: 10_000 }).toBe(0);
    const jobs = heldJobs();
    const projects = [await projectWithAsset("a"), await projectWithAsset("b"), await projectWithAsset("c")];
    const created: Array<{ id: string; projectId: string }> = [];
    // Each job reaches the scheduler before the next is created (the queue may batch messages created together).
    const handedOver = async () => {
      const { running, ready } = await scheduler().snapshot();
      return running + ready;
    };
    for (const { projectId, assetId } of projects) {
      for (let i = 0; i < 2; i++) {
        created.push({ id: (await createIngestJob(projectId, assetId)).id, projectId });
        await expect.poll(handedOver, { timeout: 10_000 }).toBe(created.length);
      }
    }
    await expect.poll(async () => (await scheduler().snapshot()).ready, { timeout: 10_000 }).toBe(4);
    expect(jobs.order).toHaveLength(2);
    expect((await scheduler().snapshot()).holders.sort()).toEqual([...jobs.order].sort());

    for (let done = 0; done < created.length; done++) {
      await expect.poll(() => jobs.order.length, { timeout: 10_000 }).toBe(Math.min(created.length, done + 2));
      jobs.open(jobs.order[done] as string);
    }
    for (const { id, projectId } of created) await waitForJob(projectId, id, (j) => j.status === "completed");
    expect(jobs.peak()).toBe(2);
    // The first project took both free slots; then the waiting projects alternated.
    const projectOf = (id: string) => created.find((c) => c.id === id)?.projectId;
    const [a, b, c] = projects.map((p) => p.projectId);
    expect(jobs.order.map(projectOf)).toEqual([a, a, b, c, b, c]);
    await expect.poll(async () => (await scheduler().snapshot()).running, { timeout: 10_000 }).toBe(0);
  }, 60_000);

  it("takes back the slot of a run that died with its object and runs the job again, once", async () => {
    engineLimits.slots = 1;
    await expect.poll(async () => (await scheduler().snapshot()).running, { timeout: 10_000 }).toBe(0);
    const { projectId, assetId } = await projectWithAsset("dead");
    const other = await projectWithAsset("alive");
    const attempts: number[] = [];
    restore = scriptIngest(async (ctx) => {
      attempts.push(ctx.job.attempt);
      // Dies with the instance.
      if (ctx.job.projectId === projectId && ctx.job.attempt === 1) await new Promise(() => {});
      return { attempt: ctx.job.attempt };
    });
    const dying = await createIngestJob(projectId, assetId, { retry_delay_seconds: 60 });
    await waitForJob(projectId, dying.id, (j) => j.status === "running");
    const waiting = await createIngestJob(other.projectId, other.assetId);
    await expect.poll(async () => (await scheduler().snapshot()).ready, { timeout: 10_000 }).toBe(1);

    await abortAllDurableObjects();
    // Nothing renews a slot: it is checked once it is older than SLOT_CHECK_MS, here made so by hand.
    await runInDurableObject(schedulerStub(), (_object, state) => {
      state.storage.sql.exec("UPDATE slots SET checked_at = 0, granted_at = 0");
    });
    expect(await runDurableObjectAlarm(schedulerStub())).toBe(true);
    // The slot went to the job that waited; the dead run's job was queued again behind it and recovered.
    const done = await waitForJob(other.projectId, waiting.id, (j) => j.status === "completed", 20_000);
    expect(done.attempts).toBe(1);
    const recovered = await waitForJob(projectId, dying.id, (j) => j.status === "completed", 20_000);
    expect(recovered).toMatchObject({ attempts: 2, result: { attempt: 2 } });
    expect(recovered.logs.map((l) => l.message)).toContain(
      "Attempt 1 was interrupted (the job's Durable Object restarted mid-run); it will run again",
    );
    expect(attempts.sort()).toEqual([1, 1, 2]);
    expect((await scheduler().snapshot()).running).toBe(0);
  }, 60_000);
});
