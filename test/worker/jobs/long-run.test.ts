import { abortAllDurableObjects, env, runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SchedulerClient } from "../../../worker/jobs/scheduler-client";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { engineLimits } from "../engine-limits";
import {
  ADMIN,
  api,
  createIngestJob,
  postJson,
  projectWithAsset,
  scriptIngest,
  stubFor,
  waitForJob,
} from "./job-test-kit";
import { sseFrames } from "./sse-reader";

// The simulated platform limit per invocation; every attempt below runs several times longer.
const WALL_LIMIT_MS = 1_000;
const TICK_MS = 100;

let restore: (() => void) | undefined;
beforeEach(() => {
  engineLimits.invocationMs = WALL_LIMIT_MS;
  engineLimits.overruns = [];
});
afterEach(() => {
  restore?.();
  engineLimits.invocationMs = null;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("jobs longer than an invocation's wall-time limit", () => {
  it("completes an attempt several times the limit, streaming its progress all along", async () => {
    const { projectId, assetId } = await projectWithAsset("long");
    const ticks = 40; // 4 s of work against a 1 s limit
    restore = scriptIngest(async (ctx) => {
      for (let i = 1; i <= ticks; i++) {
        await sleep(TICK_MS);
        await ctx.progress((i / ticks) * 99);
      }
      return { ticks };
    });
    const created = await createIngestJob(projectId, assetId);
    const res = await api(`/projects/${projectId}/jobs/${created.id}/events`, { headers: ADMIN });
    const seen: Array<{ at: number; job: JobResponse }> = [];
    const stream = sseFrames(res);
    for (let frame = await stream.next(); frame; frame = await stream.next()) {
      if (frame.kind === "event") seen.push({ at: Date.now(), job: JobSchema.parse(JSON.parse(frame.data)) });
    }
    const last = seen.at(-1)?.job;
    expect(last).toMatchObject({ status: "completed", attempts: 1, result: { ticks } });
    const running = seen.filter((s) => s.job.status === "running" && s.job.progress > 0);
    // Progress arrived throughout the attempt, well past the limit, not in one burst at the end.
    expect(running.length).toBeGreaterThan(ticks / 2);
    expect((running.at(-1)?.at ?? 0) - (running[0]?.at ?? 0)).toBeGreaterThan(2 * WALL_LIMIT_MS);
    expect(engineLimits.overruns).toEqual([]);
    expect((await new SchedulerClient(env.JOB_SCHEDULER).snapshot()).holders).not.toContain(created.id);
  }, 30_000);

  it("still cancels an attempt that has run past the limit", async () => {
    const { projectId, assetId } = await projectWithAsset("long");
    let abortedAfterMs: number | null = null;
    restore = scriptIngest(async (ctx) => {
      const began = Date.now();
      while (!ctx.signal.aborted) {
        await sleep(TICK_MS);
        await ctx.progress(Math.min(90, (Date.now() - began) / 100)).catch(() => {});
      }
      abortedAfterMs = Date.now() - began;
      throw ctx.signal.reason;
    });
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "running");
    await sleep(2 * WALL_LIMIT_MS);
    expect((await waitForJob(projectId, created.id, () => true)).status).toBe("running");
    const res = await postJson(`/projects/${projectId}/jobs/${created.id}/cancel`, {});
    expect(res.status).toBe(200);
    const job = await waitForJob(projectId, created.id, (j) => j.status === "cancelled");
    expect(job.attempts).toBe(1);
    await expect.poll(() => abortedAfterMs, { timeout: 5_000 }).toBeGreaterThan(2 * WALL_LIMIT_MS);
    await expect
      .poll(async () => (await new SchedulerClient(env.JOB_SCHEDULER).snapshot()).holders, { timeout: 5_000 })
      .not.toContain(created.id);
    expect(engineLimits.overruns).toEqual([]);
  }, 30_000);

  it("resumes an attempt whose object restarted past the limit, never running two at once", async () => {
    const { projectId, assetId } = await projectWithAsset("long");
    const beats: Array<{ attempt: number; at: number }> = [];
    restore = scriptIngest(async (ctx) => {
      const ticks = ctx.job.attempt === 1 ? 1_000 : 15;
      for (let i = 1; i <= ticks; i++) {
        await sleep(TICK_MS);
        await ctx.progress(Math.min(99, i));
        beats.push({ attempt: ctx.job.attempt, at: Date.now() });
      }
      return { finished_attempt: ctx.job.attempt };
    });
    const created = await createIngestJob(projectId, assetId, { retry_delay_seconds: 60 });
    await waitForJob(projectId, created.id, (j) => j.status === "running" && j.progress >= 15);

    await abortAllDurableObjects();
    const cutAt = Date.now();
    expect(await runDurableObjectAlarm(stubFor(created.id))).toBe(true);
    const job = await waitForJob(projectId, created.id, (j) => j.status === "completed", 20_000);
    expect(job).toMatchObject({ attempts: 2, result: { finished_attempt: 2 } });

    const first = beats.filter((b) => b.attempt === 1);
    const second = beats.filter((b) => b.attempt === 2);
    expect(first.length).toBeGreaterThanOrEqual(15);
    expect(second.length).toBe(15);
    // The first attempt died with its instance: no beat of it after the restart, none overlapping the second.
    expect(Math.max(...first.map((b) => b.at))).toBeLessThanOrEqual(cutAt);
    expect(Math.max(...first.map((b) => b.at))).toBeLessThan(Math.min(...second.map((b) => b.at)));
    expect((await new SchedulerClient(env.JOB_SCHEDULER).snapshot()).holders).not.toContain(created.id);
    expect(engineLimits.overruns).toEqual([]);
  }, 30_000);
});
