import { afterEach, describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { scriptIngest } from "../jobs/job-test-kit";
import { mediaBytes, upload } from "../storage/helpers";
import { openSse, openWebSocket } from "./stream-kit";
import { ADMIN, api, bodies, webhookWithReceiver } from "./webhook-kit";

let restore: (() => void) | undefined;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  restore?.();
  for (const close of closers.splice(0)) await close();
});

/**
 * A project with a webhook and an SSE and a WebSocket subscriber connected, then an upload, whose ingest job (run
 * by a scripted handler) starts and completes.
 */
async function projectWithActivity() {
  const projectId = uniqueProjectId("stream");
  const { receiver, endpoint } = await webhookWithReceiver(projectId);
  const sse = await openSse(`/projects/${projectId}/events`);
  const ws = await openWebSocket(`/projects/${projectId}/events/ws`);
  closers.push(sse.close, ws.close);
  restore = scriptIngest(async () => ({ done: true }));
  const uploaded = await upload(projectId, "videos", mediaBytes("mp4"), "lesson.mp4");
  expect(uploaded.status).toBe(201);
  const asset = AssetSchema.parse(await uploaded.json());
  const received = await receiver.until((got) => expect(got).toHaveLength(3));
  return { projectId, endpoint, receiver, received, sse, ws, asset };
}

describe("project event stream", () => {
  it("shows SSE and WebSocket subscribers the same events, in the same order, as the webhook receiver", async () => {
    const { received, sse, ws, asset } = await projectWithActivity();
    expect(bodies(received).map((body) => body.type)).toEqual(["upload.completed", "job.started", "job.completed"]);
    expect(received.every((hook) => hook.verified[0])).toBe(true);
    const [uploadEvent, , completed] = bodies(received);
    // The asset as the API returned it when the upload was stored, before its ingest job was attached.
    const { ingest_job_id: _job, updated_at: _at, ...stored } = asset;
    expect(AssetSchema.parse(uploadEvent?.data)).toMatchObject({ ...stored, ingest_job_id: null });
    expect(completed?.data).toMatchObject({
      job_type: "ingest",
      status: "completed",
      payload: { asset_id: asset.asset_id },
    });

    const fromHooks = received.map((hook) => ({ id: hook.id, type: JSON.parse(hook.body).type, body: hook.body }));
    expect(await sse.until(3)).toEqual(fromHooks);
    expect(await ws.until(3)).toEqual(fromHooks);
  });

  it("replays exactly the events after Last-Event-ID (header or query), filtered by ?types=", async () => {
    const { projectId, received, asset } = await projectWithActivity();
    const ids = received.map((hook) => hook.id ?? "");
    const [first, second, third] = ids;

    const resumed = await openSse(`/projects/${projectId}/events`, { ...ADMIN, "Last-Event-ID": first ?? "" });
    closers.push(resumed.close);
    expect((await resumed.until(2)).map((event) => event.id)).toEqual([second, third]);

    const byQuery = await openWebSocket(`/projects/${projectId}/events/ws?last_event_id=${second}`);
    closers.push(byQuery.close);
    expect((await byQuery.until(1)).map((event) => event.id)).toEqual([third]);

    const filtered = await openSse(`/projects/${projectId}/events?last_event_id=${first}&types=job.completed`);
    closers.push(filtered.close);
    expect((await filtered.until(1)).map((event) => event.type)).toEqual(["job.completed"]);

    // The replays stay live: what happens next follows them, once.
    const deleted = await api(`/projects/${projectId}/videos/${asset.asset_id}`, { method: "DELETE", headers: ADMIN });
    expect(deleted.status).toBe(204);
    expect((await resumed.until(3)).map((event) => event.type)).toEqual([
      "job.started",
      "job.completed",
      "asset.deleted",
    ]);
    expect((await byQuery.until(2)).map((event) => event.type)).toEqual(["job.completed", "asset.deleted"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(resumed.events).toHaveLength(3);
    expect(filtered.events).toHaveLength(1);
  });

  it("answers 409 for an event id the log does not hold, and 422 for a malformed one or an unknown type", async () => {
    const projectId = uniqueProjectId("stream");
    const unknown = await api(`/projects/${projectId}/events`, {
      headers: { ...ADMIN, "Last-Event-ID": "msg_000000000000aaaaaaaaaaaaaaaaaaaa" },
    });
    expect(unknown.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await unknown.json()).error.code).toBe("CONFLICT");
    const ws = await api(`/projects/${projectId}/events/ws?last_event_id=msg_000000000000aaaaaaaaaaaaaaaaaaaa`, {
      headers: { ...ADMIN, Upgrade: "websocket" },
    });
    expect(ws.status).toBe(409);
    const malformed = await api(`/projects/${projectId}/events?last_event_id=42`, { headers: ADMIN });
    expect(malformed.status).toBe(422);
    const badType = await api(`/projects/${projectId}/events?types=job.exploded`, { headers: ADMIN });
    expect(badType.status).toBe(422);
    const notUpgrade = await api(`/projects/${projectId}/events/ws`, { headers: ADMIN });
    expect(notUpgrade.status).toBe(400);
  });
});
