import { runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jobEventStreamOptions } from "../../../worker/jobs/job-event-hub";
import { type JobResponse, JobSchema } from "../../../worker/routes/jobs/schema";
import { NO_WEBSOCKET_COMPRESSION } from "../../../worker/routes/jobs/ws";
import {
  ADMIN,
  aborted,
  api,
  createIngestJob,
  gate,
  postJson,
  projectWithAsset,
  scriptIngest,
  stubFor,
  waitForJob,
} from "./job-test-kit";
import { sseFrames } from "./sse-reader";

/** The job object's event hub, private in the class; read here to see subscribers come and go. */
interface HubOwner {
  hub: { sse: Set<unknown> };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  jobEventStreamOptions.heartbeatMs = 15_000;
});

const openEvents = (projectId: string, jobId: string, headers: Record<string, string> = {}) =>
  api(`/projects/${projectId}/jobs/${jobId}/events`, { headers: { ...ADMIN, ...headers } });

/** A job whose handler waits for `start`, then reports 20, 40, 60, 80 and completes. */
async function steppedJob() {
  const { projectId, assetId } = await projectWithAsset("events");
  const start = gate();
  restore = scriptIngest(async (ctx) => {
    await start.promise;
    for (const percent of [20, 40, 60, 80]) await ctx.progress(percent);
    return { steps: 4 };
  });
  const created = await createIngestJob(projectId, assetId);
  await waitForJob(projectId, created.id, (j) => j.status === "running");
  return { projectId, jobId: created.id, start };
}

describe("GET /projects/{project_id}/jobs/{job_id}/events (SSE)", () => {
  it("sends the full job first, then one event per change in order, and ends after the terminal state", async () => {
    const { projectId, jobId, start } = await steppedJob();
    const res = await openEvents(projectId, jobId);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    const stream = sseFrames(res);
    expect(await stream.next()).toEqual({ kind: "retry", ms: 2000 });
    const first = await stream.next();
    if (first?.kind !== "event") throw new Error("expected an event first");
    const firstJob = JobSchema.parse(JSON.parse(first.data));
    expect(firstJob).toMatchObject({ id: jobId, status: "running", attempts: 1, progress: 0 });
    expect(first.event).toBe("job");

    start.open();
    const events = await stream.rest();
    const jobs = events.map((e) => JobSchema.parse(JSON.parse(e.data)));
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => first.id + 1 + i));
    expect(jobs.map((j) => [j.status, j.progress])).toEqual([
      ["running", 20],
      ["running", 40],
      ["running", 60],
      ["running", 80],
      ["completed", 100],
    ]);
    expect(jobs.at(-1)?.result).toEqual({ steps: 4 });
  });

  it("replays what a client missed after Last-Event-ID, and only that", async () => {
    const { projectId, jobId, start } = await steppedJob();
    const live = sseFrames(await openEvents(projectId, jobId));
    start.open();
    const all = await live.rest();
    expect(all.length).toBe(6); // current + 4 progress + completed

    const resumeAfter = all[2]?.id as number;
    const replay = await sseFrames(await openEvents(projectId, jobId, { "Last-Event-ID": String(resumeAfter) })).rest();
    expect(replay.map((e) => [e.id, e.data])).toEqual(all.slice(3).map((e) => [e.id, e.data]));

    const upToDate = await sseFrames(
      await openEvents(projectId, jobId, { "Last-Event-ID": String(all.at(-1)?.id) }),
    ).rest();
    expect(upToDate).toEqual([]);

    const fresh = await sseFrames(await openEvents(projectId, jobId)).rest();
    expect(fresh.map((e) => e.id)).toEqual([all.at(-1)?.id]);
    expect((JSON.parse(fresh[0]?.data ?? "{}") as JobResponse).status).toBe("completed");

    const garbage = await sseFrames(await openEvents(projectId, jobId, { "Last-Event-ID": "abc" })).rest();
    expect(garbage.map((e) => e.id)).toEqual([all.at(-1)?.id]);
    // An id newer than any event (another job's, or a stale client's) gets the current job too.
    const ahead = await sseFrames(await openEvents(projectId, jobId, { "Last-Event-ID": "999999" })).rest();
    expect(ahead.map((e) => e.id)).toEqual([all.at(-1)?.id]);
  });

  it("drops an SSE subscriber that disconnected instead of writing to it until the job ends", async () => {
    const { projectId, assetId } = await projectWithAsset("events");
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "running");
    jobEventStreamOptions.heartbeatMs = 20;
    const subscribers = () =>
      runInDurableObject(stubFor(created.id), (object) => (object as unknown as HubOwner).hub.sse.size);
    try {
      const res = await openEvents(projectId, created.id);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      expect(await subscribers()).toBe(1);
      await reader.cancel();
      // The next heartbeat write fails once the cancellation has reached the object through the route.
      for (let i = 0; i < 100 && (await subscribers()) > 0; i++) await scheduler.wait(20);
      expect(await subscribers()).toBe(0);
    } finally {
      // A hanging job would hold a consumer slot the later tests need.
      await postJson(`/projects/${projectId}/jobs/${created.id}/cancel`, {});
    }
  });

  it("sends heartbeat comments while nothing changes", async () => {
    const { projectId, assetId } = await projectWithAsset("events");
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "running");
    jobEventStreamOptions.heartbeatMs = 50;
    const stream = sseFrames(await openEvents(projectId, created.id));
    const frames = [await stream.next(), await stream.next(), await stream.next(), await stream.next()];
    expect(frames.map((f) => f?.kind)).toEqual(["retry", "event", "comment", "comment"]);
    expect(frames[2]).toEqual({ kind: "comment", text: "heartbeat" });

    await postJson(`/projects/${projectId}/jobs/${created.id}/cancel`, {});
    const rest = await stream.rest();
    expect(rest.map((e) => (JSON.parse(e.data) as JobResponse).status)).toEqual(["cancelled"]);
  });
});

describe("GET /projects/{project_id}/jobs/{job_id}/ws (WebSocket)", () => {
  async function subscribe(projectId: string, jobId: string, query = "") {
    const res = await api(`/projects/${projectId}/jobs/${jobId}/ws${query}`, {
      headers: { ...ADMIN, Upgrade: "websocket" },
    });
    expect(res.status).toBe(101);
    const socket = res.webSocket as WebSocket;
    socket.accept();
    const messages: { id: number; job: JobResponse }[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      socket.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason }));
    });
    socket.addEventListener("message", (event) => {
      const parsed = JSON.parse(event.data as string) as { id: number; job: unknown };
      messages.push({ id: parsed.id, job: JobSchema.parse(parsed.job) });
    });
    return { socket, messages, closed };
  }

  it("delivers the same ordered events to several subscribers and closes them with 1000 after completion", async () => {
    const { projectId, jobId, start } = await steppedJob();
    const subscribers = await Promise.all([1, 2, 3].map(() => subscribe(projectId, jobId)));
    await waitForJob(projectId, jobId, () => subscribers.every((s) => s.messages.length === 1));
    start.open();
    const closes = await Promise.all(subscribers.map((s) => s.closed));
    expect(closes).toEqual(closes.map(() => ({ code: 1000, reason: "job finished" })));

    const [reference, ...others] = subscribers.map((s) => s.messages);
    expect(reference?.map((m) => [m.job.status, m.job.progress])).toEqual([
      ["running", 0],
      ["running", 20],
      ["running", 40],
      ["running", 60],
      ["running", 80],
      ["completed", 100],
    ]);
    const ids = reference?.map((m) => m.id) ?? [];
    expect(ids).toEqual(ids.map((_, i) => (ids[0] as number) + i));
    for (const messages of others) expect(messages).toEqual(reference);
  });

  it("replays what a reconnecting subscriber missed after ?last_event_id=, live and after the end", async () => {
    const { projectId, jobId, start } = await steppedJob();
    const first = await subscribe(projectId, jobId);
    await waitForJob(projectId, jobId, () => first.messages.length === 1);
    // Reconnecting with the id already seen: nothing is repeated, and the live events follow.
    const caughtUp = await subscribe(projectId, jobId, `?last_event_id=${first.messages[0]?.id}`);
    start.open();
    await Promise.all([first.closed, caughtUp.closed]);
    const all = first.messages;
    expect(all.length).toBe(6); // current + 4 progress + completed
    expect(caughtUp.messages).toEqual(all.slice(1));

    const resumed = await subscribe(projectId, jobId, `?last_event_id=${all[2]?.id}`);
    expect(await resumed.closed).toEqual({ code: 1000, reason: "job finished" });
    expect(resumed.messages).toEqual(all.slice(3));

    const upToDate = await subscribe(projectId, jobId, `?last_event_id=${all.at(-1)?.id}`);
    expect(await upToDate.closed).toEqual({ code: 1000, reason: "job finished" });
    expect(upToDate.messages).toEqual([]);

    const ahead = await subscribe(projectId, jobId, "?last_event_id=999999");
    await ahead.closed;
    expect(ahead.messages).toEqual(all.slice(-1));

    for (const bad of ["abc", "-1", "1.5", ""]) {
      const res = await api(`/projects/${projectId}/jobs/${jobId}/ws?last_event_id=${bad}`, {
        headers: { ...ADMIN, Upgrade: "websocket" },
      });
      expect(res.status, bad).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_ERROR");
    }
  });

  it("declines the permessage-deflate browsers offer: every event would be deflated once per subscriber", async () => {
    const { projectId, assetId } = await projectWithAsset("events");
    restore = scriptIngest(async () => ({}));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
    const res = await api(`/projects/${projectId}/jobs/${created.id}/ws`, {
      headers: {
        ...ADMIN,
        Upgrade: "websocket",
        "Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits",
      },
    });
    expect(res.status).toBe(101);
    // workerd would negotiate the offered extension itself if the response named none.
    expect(res.headers.get("Sec-WebSocket-Extensions")).toBe(NO_WEBSOCKET_COMPRESSION);
    const socket = res.webSocket as WebSocket;
    const closed = new Promise<number>((resolve) => socket.addEventListener("close", (event) => resolve(event.code)));
    socket.accept();
    expect(await closed).toBe(1000);
  });

  it("answers ping with pong, through the runtime's auto-response, while the job runs", async () => {
    const { projectId, assetId } = await projectWithAsset("events");
    restore = scriptIngest(async (ctx) => aborted(ctx.signal));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "running");
    const res = await api(`/projects/${projectId}/jobs/${created.id}/ws`, {
      headers: { ...ADMIN, Upgrade: "websocket" },
    });
    expect(res.status).toBe(101);
    const socket = res.webSocket as WebSocket;
    const texts: string[] = [];
    const pongs = () => texts.filter((text) => text === "pong").length;
    socket.addEventListener("message", (event) => void texts.push(event.data as string));
    socket.accept();
    socket.send("ping");
    await vi.waitFor(() => expect(pongs()).toBe(1));
    socket.send("ping");
    await vi.waitFor(() => expect(pongs()).toBe(2));
    // Only the current job and the two pongs: a ping is no job event.
    expect(texts).toHaveLength(3);
    expect(JobSchema.parse((JSON.parse(texts[0] as string) as { job: unknown }).job).status).toBe("running");
    await postJson(`/projects/${projectId}/jobs/${created.id}/cancel`, {});
    socket.close(1000, "done");
  });

  it("sends a finished job once and closes with 1000", async () => {
    const { projectId, assetId } = await projectWithAsset("events");
    restore = scriptIngest(async () => ({}));
    const created = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
    const late = await subscribe(projectId, created.id);
    expect(await late.closed).toEqual({ code: 1000, reason: "job finished" });
    expect(late.messages.map((m) => m.job.status)).toEqual(["completed"]);
  });

  it("rejects a request that is not a WebSocket upgrade with 400 and unknown jobs with 404", async () => {
    const { projectId, assetId } = await projectWithAsset("events");
    restore = scriptIngest(async () => ({}));
    const created = await createIngestJob(projectId, assetId);
    expect((await api(`/projects/${projectId}/jobs/${created.id}/ws`, { headers: ADMIN })).status).toBe(400);
    const unknown = await api(`/projects/${projectId}/jobs/${crypto.randomUUID()}/ws`, {
      headers: { ...ADMIN, Upgrade: "websocket" },
    });
    expect(unknown.status).toBe(404);
    expect((await openEvents(projectId, crypto.randomUUID())).status).toBe(404);
    await waitForJob(projectId, created.id, (j) => j.status === "completed");
  });
});
