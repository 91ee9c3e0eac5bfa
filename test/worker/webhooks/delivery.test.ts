import { afterEach, describe, expect, it } from "vitest";
import { ingestJob } from "../../../worker/jobs/types/ingest";
import { JobSchema } from "../../../worker/routes/jobs/schema";
import { createIngestJob, getJob, projectWithAsset, scriptIngest, waitForJob } from "../jobs/job-test-kit";
import { scriptJob } from "../scripted-job-types";
import { bodies, typesOf, webhookWithReceiver } from "./webhook-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("webhook delivery", () => {
  it("delivers a job's events signed per Standard Webhooks, verified by a real receiver", async () => {
    const { projectId, assetId } = await projectWithAsset("hooks");
    const { receiver } = await webhookWithReceiver(projectId);
    restore = scriptIngest(async () => ({ done: true }));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");

    const received = await receiver.until((got) => expect(typesOf(got)).toEqual(["job.started", "job.completed"]));
    for (const hook of received) {
      expect(hook.verified).toEqual([true]);
      expect(hook.answered).toBe(200);
      expect(hook.id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(Math.abs(Number(hook.timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(hook.signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
      expect(hook.contentType).toBe("application/json");
      expect(hook.userAgent).toMatch(/^edge-media-webhooks\/\d/);
    }
    expect(new Set(received.map((hook) => hook.id)).size).toBe(2);
    const [started, completed] = bodies(received);
    expect(Object.keys(completed ?? {})).toEqual(["type", "timestamp", "data"]);
    // `data` is the job as the API returns it.
    const job = await getJob(projectId, created.id);
    expect(JobSchema.parse(completed?.data)).toMatchObject({
      id: created.id,
      status: "completed",
      result: { done: true },
      finished_at: job.finished_at,
    });
    expect(JobSchema.parse(started?.data)).toMatchObject({ id: created.id, status: "running", attempts: 1 });
    expect(completed?.timestamp).toBe(job.updated_at);
  });

  it("sends only the event types an endpoint subscribed to", async () => {
    const { projectId, assetId } = await projectWithAsset("hooks");
    const all = await webhookWithReceiver(projectId);
    const failures = await webhookWithReceiver(projectId, ["job.failed"]);
    const completions = await webhookWithReceiver(projectId, ["job.completed", "job.failed"]);
    restore = scriptIngest(async () => ({}));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
    await all.receiver.until((got) => expect(got).toHaveLength(2));
    await completions.receiver.until((got) => expect(typesOf(got)).toEqual(["job.completed"]));
    expect(await failures.receiver.received()).toEqual([]);
  });

  it("delivers a job type's outcome event (a quiz summary as quiz.ready) with the job's own events, verified", async () => {
    const { projectId, assetId } = await projectWithAsset("hooks");
    const { receiver } = await webhookWithReceiver(projectId);
    const quiz = { quiz_id: crypto.randomUUID(), asset_id: assetId, question_count: 8, language: "de" };
    // The quiz job type lives on another branch; a type that announces quiz.ready with its result stands in.
    restore = scriptJob({ ...ingestJob, events: { completed: { type: "quiz.ready" } } }, async () => quiz);
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
    const received = await receiver.until((got) => expect(got).toHaveLength(3));
    expect(received.every((hook) => hook.verified[0] === true)).toBe(true);
    expect(typesOf(received)).toEqual(["job.started", "job.completed", "quiz.ready"]);
    expect(bodies(received)[2]?.data).toEqual(quiz);
    expect(new Set(received.map((hook) => hook.id)).size).toBe(3);
  });
});
