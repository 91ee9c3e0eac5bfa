import {
  abortAllDurableObjects,
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../../worker/db/client";
import { newEvent } from "../../../worker/events/event-types";
import { EventOutbox } from "../../../worker/events/outbox";
import { ProjectEventsClient } from "../../../worker/events/project-events-client";
import worker from "../../../worker/index";
import type { JobMessage } from "../../../worker/jobs/queue-consumer";
import { Logger } from "../../../worker/logger";
import { deleteAssetWithDerived } from "../../../worker/storage/assets";
import { projectsFailingForwards } from "../held-event-forwards";
import { createIngestJob, projectWithAsset, scriptIngest, stubFor, waitForJob } from "../jobs/job-test-kit";
import { listDeliveries, typesOf, webhookWithReceiver } from "./webhook-kit";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  projectsFailingForwards.clear();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function deliverTwice(message: JobMessage) {
  const batch = createMessageBatch<JobMessage>("edge-media-jobs", [
    { id: "dup-1", timestamp: new Date(), attempts: 1, body: message },
    { id: "dup-2", timestamp: new Date(), attempts: 2, body: message },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

const outboxRows = (jobId: string) =>
  runInDurableObject(
    stubFor(jobId),
    (_object, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM job_outbox").one().n,
  );

describe("event outbox", () => {
  it("a job whose object crashes right after its state change still produces exactly one event of each", async () => {
    const { projectId, assetId } = await projectWithAsset("outbox");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    restore = scriptIngest(async () => ({ ok: true }));
    // Every forward fails, as if the object died between committing the change and sending its events.
    projectsFailingForwards.add(projectId);
    const job = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
    await settle();
    expect(await receiver.received()).toEqual([]);
    expect(await outboxRows(job.id)).toBe(2);

    await abortAllDurableObjects();
    projectsFailingForwards.delete(projectId);
    // The alarm set together with the change wakes the object, which forwards what it recorded.
    expect(await runDurableObjectAlarm(stubFor(job.id))).toBe(true);
    const received = await receiver.until((got) => expect(got).toHaveLength(2));
    expect(typesOf(received)).toEqual(["job.started", "job.completed"]);
    expect(received.every((hook) => hook.verified[0])).toBe(true);
    expect(await outboxRows(job.id)).toBe(0);

    // Nothing that happens afterwards repeats them.
    await deliverTwice({ job_id: job.id, project_id: projectId });
    await runDurableObjectAlarm(stubFor(job.id));
    await settle();
    expect(await receiver.received()).toHaveLength(2);
    expect((await listDeliveries(projectId, endpoint.id)).items).toHaveLength(2);
  });

  it("a duplicated queue message produces no second event", async () => {
    const { projectId, assetId } = await projectWithAsset("outbox");
    const { receiver } = await webhookWithReceiver(projectId);
    restore = scriptIngest(async () => ({}));
    const job = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
    await receiver.until((got) => expect(got).toHaveLength(2));
    const result = await deliverTwice({ job_id: job.id, project_id: projectId });
    expect(result.explicitAcks.sort()).toEqual(["dup-1", "dup-2"]);
    await settle();
    expect(typesOf(await receiver.received())).toEqual(["job.started", "job.completed"]);
  });

  it("the project's log keeps an event forwarded twice once", async () => {
    const projectId = (await projectWithAsset("outbox")).projectId;
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    const log = new ProjectEventsClient(env.PROJECT_EVENTS, projectId);
    const event = newEvent("asset.deleted", { asset_id: "a1", project_id: projectId });
    await log.append([event]);
    await log.append([event, event]);
    await receiver.until((got) => expect(got).toHaveLength(1));
    await settle();
    expect((await receiver.received()).map((hook) => hook.id)).toEqual([event.id]);
    expect((await listDeliveries(projectId, endpoint.id)).items).toHaveLength(1);
  });

  it("a D1 change whose forward failed is delivered by the scheduled sweep, once", async () => {
    const { projectId, assetId } = await projectWithAsset("outbox");
    const { receiver } = await webhookWithReceiver(projectId);
    const db = createDb(env.DB);
    // A log that cannot be reached right after the change (the Worker died, or the object failed).
    const unreachable = {
      idFromName: () => env.PROJECT_EVENTS.idFromName(projectId),
      get: () => ({ append: () => Promise.reject(new Error("the project's log is unreachable")) }),
    };
    const outbox = new EventOutbox(db, unreachable as unknown as typeof env.PROJECT_EVENTS, new Logger("CRITICAL"));
    expect(await deleteAssetWithDerived({ db, bucket: env.BUCKET, outbox }, projectId, assetId)).not.toBeNull();
    const pending = await env.DB.prepare("SELECT id, type FROM event_outbox WHERE project_id = ?")
      .bind(projectId)
      .all();
    expect(pending.results).toEqual([{ id: expect.stringMatching(/^msg_/), type: "asset.deleted" }]);

    // Young rows are left to the request that wrote them; a minute later the sweep takes them.
    const sweep = async () => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    };
    await sweep();
    await settle();
    expect(await receiver.received()).toEqual([]);
    await env.DB.prepare("UPDATE event_outbox SET occurred_at = ? WHERE project_id = ?")
      .bind(new Date(Date.now() - 60_000).toISOString(), projectId)
      .run();
    await sweep();
    const [hook] = await receiver.until((got) => expect(got).toHaveLength(1));
    expect(hook?.id).toBe((pending.results[0] as { id: string }).id);
    expect(JSON.parse(hook?.body ?? "{}")).toMatchObject({
      type: "asset.deleted",
      data: { asset_id: assetId, project_id: projectId, category: "video" },
    });
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM event_outbox WHERE project_id = ?")
      .bind(projectId)
      .first();
    expect(left).toEqual({ n: 0 });
    await sweep();
    await settle();
    expect(await receiver.received()).toHaveLength(1);
  });

  it("concurrent changes forward only their own rows: each event reaches the project's log once", async () => {
    const projectId = (await projectWithAsset("outbox")).projectId;
    const { receiver } = await webhookWithReceiver(projectId);
    const db = createDb(env.DB);
    const real = env.PROJECT_EVENTS.get(env.PROJECT_EVENTS.idFromName(projectId));
    const appended: string[] = [];
    const counting = {
      idFromName: (name: string) => env.PROJECT_EVENTS.idFromName(name),
      get: () => ({
        append: (events: { id: string }[]) => {
          appended.push(...events.map((event) => event.id));
          return real.append(events as Parameters<typeof real.append>[0]);
        },
      }),
    } as unknown as typeof env.PROJECT_EVENTS;
    // Ten changes as ten requests make them: each its own outbox, all committed before any publishes.
    const outboxes = Array.from({ length: 10 }, () => new EventOutbox(db, counting, new Logger("CRITICAL")));
    await Promise.all(
      outboxes.map((outbox, i) =>
        db.batch([outbox.record(projectId, "asset.ready", { project_id: projectId, asset_id: `a${i}` })]),
      ),
    );
    await Promise.all(outboxes.map((outbox) => outbox.publish(projectId)));

    expect(appended).toHaveLength(10);
    expect(new Set(appended).size).toBe(10);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM event_outbox WHERE project_id = ?")
      .bind(projectId)
      .first();
    expect(left).toEqual({ n: 0 });
    await receiver.until((got) => expect(got).toHaveLength(10));
  });
});
