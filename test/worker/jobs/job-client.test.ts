import { env } from "cloudflare:test";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import type { Job, RunOutcome } from "../../../worker/jobs/job";
import { JobClient } from "../../../worker/jobs/job-client";
import { createIngestJob, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

/** Compiles only when `value` may be stored as T. */
const storeAs = <T>(value: T) => value;

describe("JobClient", () => {
  it("types every Durable Object RPC result for real: assigning one to a wrong type does not compile", async () => {
    const { projectId, assetId } = await projectWithAsset("client");
    restore = scriptIngest(async () => ({ frames: 3 }));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
    const client = new JobClient(env.JOB, created.id);

    const job = await client.get();
    if (!job) throw new Error("the job is gone");
    // Were the RPC result `never` (as with `unknown` fields in Job), `job` would be never here, the next line
    // would compile, and this directive would fail the typecheck.
    // @ts-expect-error: a job is not a number.
    storeAs<number>(job);
    expectTypeOf(job).not.toBeNever();
    expectTypeOf(job).toExtend<Job>();
    expect(job).toMatchObject({ id: created.id, status: "completed", result: { frames: 3 } });

    const cancel = await client.cancel();
    if (cancel.outcome !== "finished") throw new Error(`unexpected ${cancel.outcome}`);
    // @ts-expect-error: likewise for the job inside a union of outcomes.
    storeAs<string>(cancel.job);
    expectTypeOf(cancel.job).toExtend<Job>();
    expect(cancel.job).toMatchObject({ id: created.id, status: "completed" });

    const start = await client.start(0);
    if (start.started) throw new Error("a finished job has no attempt to start");
    expectTypeOf(start.outcome).toEqualTypeOf<RunOutcome>();
    expect(start).toEqual({ started: false, outcome: "already_finished" });
    expect(await client.isRunning()).toBe(false);
  });

  it("creates idempotently, dead-letters a queued job and discards everything", async () => {
    const { projectId, assetId } = await projectWithAsset("client");
    const id = crypto.randomUUID();
    const client = new JobClient(env.JOB, id);
    const input = {
      id,
      projectId,
      jobType: "ingest",
      payload: { asset_id: assetId },
      maxAttempts: 2,
      retryDelaySeconds: 0,
      assetId,
      createdAt: new Date().toISOString(),
    };
    const job = await client.init(input);
    expect(job).toMatchObject({ id, status: "queued", payload: { asset_id: assetId } });
    expect(await client.init({ ...input, maxAttempts: 9 })).toEqual(job);

    const failed = await client.deadLetter("message m1 exhausted its delivery attempts");
    expect(failed).toMatchObject({
      status: "failed",
      error_message: "Job could not be delivered: message m1 exhausted its delivery attempts",
    });
    const events = await client.events({ upgrade: false });
    expect(events.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    await events.body?.cancel();

    await client.discard();
    expect(await client.get()).toBeNull();
    expect(await client.cancel()).toEqual({ outcome: "not_found" });
  });
});
