import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FAILING_DISABLE_MS, RETRY_DELAYS_MS } from "../../../worker/events/delivery-policy";
import { webhookDeliveryOptions } from "../../../worker/events/webhook-sender";
import { WebhookDeliverySchema, WebhookEndpointSchema } from "../../../worker/routes/webhooks/schema";
import { createIngestJob, projectWithAsset, scriptIngest, waitForJob } from "../jobs/job-test-kit";
import {
  ADMIN,
  api,
  type Delivery,
  listDeliveries,
  postJson,
  projectStub,
  typesOf,
  webhookWithReceiver,
} from "./webhook-kit";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  webhookDeliveryOptions.timeoutMs = 15_000;
});

/** A project whose jobs complete at once, with an endpoint for job.completed only (one delivery per job). */
async function completingProject() {
  const { projectId, assetId } = await projectWithAsset("retries");
  const hook = await webhookWithReceiver(projectId, ["job.completed"]);
  restore = scriptIngest(async () => ({}));
  const completeJob = async () => {
    const job = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
    return job;
  };
  return { projectId, ...hook, completeJob };
}

/** Waits until the endpoint's newest delivery satisfies `check`. */
async function latestDelivery(projectId: string, webhookId: string, check: (delivery: Delivery) => void) {
  return vi.waitFor(
    async () => {
      const [delivery] = (await listDeliveries(projectId, webhookId)).items;
      if (!delivery) throw new Error("no delivery yet");
      check(delivery);
      return delivery;
    },
    { timeout: 15_000, interval: 25 },
  );
}

const scheduledGap = (attempt: Delivery["attempts"][number]) =>
  Date.parse(attempt.next_attempt_at ?? "") - Date.parse(attempt.attempted_at);

const getEndpoint = async (projectId: string, id: string) =>
  WebhookEndpointSchema.parse(await (await api(`/projects/${projectId}/webhooks/${id}`, { headers: ADMIN })).json());

describe("webhook retries", () => {
  it("retries a 500 and a timeout with growing delays from alarms, then succeeds", async () => {
    webhookDeliveryOptions.timeoutMs = 300;
    const { projectId, receiver, endpoint, completeJob } = await completingProject();
    await receiver.configure({ script: [{ status: 500, body: "x".repeat(3000) }, { hang: true }, { status: 200 }] });
    await completeJob();

    const first = await latestDelivery(projectId, endpoint.id, (d) => expect(d.attempt_count).toBe(1));
    expect(first.status).toBe("pending");
    // Scheduled, not waited for: the test runs the alarm instead.
    expect(await runDurableObjectAlarm(projectStub(projectId))).toBe(true);
    await latestDelivery(projectId, endpoint.id, (d) => expect(d.attempt_count).toBe(2));
    expect(await runDurableObjectAlarm(projectStub(projectId))).toBe(true);
    const done = await latestDelivery(projectId, endpoint.id, (d) => expect(d.status).toBe("succeeded"));

    expect(done.attempts.map((a) => a.status_code)).toEqual([500, null, 200]);
    expect(done.attempts[0]?.response_body).toBe("x".repeat(1024));
    expect(done.attempts[1]?.error).toBe("No response within 0.3 s");
    expect(done.attempts[1]?.latency_ms).toBeGreaterThanOrEqual(250);
    const [afterFirst, afterSecond] = done.attempts.map(scheduledGap);
    const [five, fiveMinutes] = RETRY_DELAYS_MS;
    expect(afterFirst).toBeGreaterThanOrEqual(five * 0.9 - 1);
    expect(afterFirst).toBeLessThanOrEqual(five * 1.1 + 1);
    expect(afterSecond).toBeGreaterThanOrEqual(fiveMinutes * 0.9 - 1);
    expect(afterSecond).toBeLessThanOrEqual(fiveMinutes * 1.1 + 1);
    expect(done.attempts[2]?.next_attempt_at).toBeNull();
    expect(done.next_attempt_at).toBeNull();

    // The receiver saw the same webhook three times, each verified, with one webhook-id.
    const received = await receiver.received();
    expect(received.map((hook) => hook.answered)).toEqual([500, "hang", 200]);
    expect(received.every((hook) => hook.verified[0])).toBe(true);
    expect(new Set(received.map((hook) => hook.id))).toEqual(new Set([done.event_id]));
  });

  it("disables the endpoint at once on 410 Gone and sends it nothing more", async () => {
    const { projectId, receiver, endpoint, completeJob } = await completingProject();
    await receiver.configure({ script: [{ status: 410 }] });
    await completeJob();
    const gone = await latestDelivery(projectId, endpoint.id, (d) => expect(d.status).toBe("failed"));
    expect(gone.attempts.map((a) => a.status_code)).toEqual([410]);
    expect(gone.attempts[0]?.next_attempt_at).toBeNull();
    expect(await getEndpoint(projectId, endpoint.id)).toMatchObject({ enabled: false, disabled_reason: "gone" });

    await completeJob();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await receiver.received()).toHaveLength(1);
    expect((await listDeliveries(projectId, endpoint.id)).items).toHaveLength(1);
  });

  it("disables an endpoint whose attempts all failed for three days, failing what was pending", async () => {
    const { projectId, receiver, endpoint, completeJob } = await completingProject();
    await receiver.configure({ failRate: 1 });
    await completeJob();
    await latestDelivery(projectId, endpoint.id, (d) => expect(d.attempt_count).toBe(1));
    expect((await getEndpoint(projectId, endpoint.id)).enabled).toBe(true);
    // Three days pass (the failure clock is moved back rather than waited for).
    await runInDurableObject(projectStub(projectId), (_object, state) => {
      state.storage.sql.exec("UPDATE endpoints SET failing_since = ?", Date.now() - FAILING_DISABLE_MS);
    });
    expect(await runDurableObjectAlarm(projectStub(projectId))).toBe(true);
    const last = await latestDelivery(projectId, endpoint.id, (d) => expect(d.status).toBe("failed"));
    expect(last.attempts.map((a) => a.status_code)).toEqual([500, 500]);
    expect(await getEndpoint(projectId, endpoint.id)).toMatchObject({ enabled: false, disabled_reason: "failing" });
  });

  it("re-sends one delivery on request, keeping its webhook-id", async () => {
    const { projectId, receiver, endpoint, completeJob } = await completingProject();
    await receiver.configure({ script: [{ status: 503 }] });
    await completeJob();
    const pending = await latestDelivery(projectId, endpoint.id, (d) => expect(d.attempt_count).toBe(1));
    const res = await api(`/projects/${projectId}/webhooks/${endpoint.id}/deliveries/${pending.id}/retry`, {
      method: "POST",
      headers: ADMIN,
    });
    expect(res.status).toBe(202);
    expect(WebhookDeliverySchema.parse(await res.json())).toMatchObject({ id: pending.id, status: "pending" });
    const done = await latestDelivery(projectId, endpoint.id, (d) => expect(d.status).toBe("succeeded"));
    expect(done.attempts.map((a) => a.status_code)).toEqual([503, 200]);
    const received = await receiver.received();
    expect(received.map((hook) => hook.id)).toEqual([pending.event_id, pending.event_id]);

    const unknown = await api(`/projects/${projectId}/webhooks/${endpoint.id}/deliveries/dlv_nope/retry`, {
      method: "POST",
      headers: ADMIN,
    });
    expect(unknown.status).toBe(404);
  });

  it("replays every failed delivery since a time, after the receiver's outage", async () => {
    const { projectId, receiver, endpoint, completeJob } = await completingProject();
    const before = new Date(Date.now() - 1000).toISOString();
    await receiver.configure({ failRate: 1 });
    await completeJob();
    await completeJob();
    await vi.waitFor(async () => {
      const { items } = await listDeliveries(projectId, endpoint.id);
      expect(items.map((d) => d.attempt_count)).toEqual([1, 1]);
    });
    // Turned off during the outage: what was pending fails, and a disabled endpoint cannot be replayed.
    const off = await api(`/projects/${projectId}/webhooks/${endpoint.id}`, {
      method: "PATCH",
      headers: { ...ADMIN, "Content-Type": "application/json" },
      body: JSON.stringify({ enabled: false }),
    });
    expect(off.status).toBe(200);
    const failed = await listDeliveries(projectId, endpoint.id, "?status=failed");
    expect(failed.items).toHaveLength(2);
    expect((await postJson(`/projects/${projectId}/webhooks/${endpoint.id}/replay`, { since: before })).status).toBe(
      409,
    );

    await receiver.configure({ failRate: 0 });
    await api(`/projects/${projectId}/webhooks/${endpoint.id}`, {
      method: "PATCH",
      headers: { ...ADMIN, "Content-Type": "application/json" },
      body: JSON.stringify({ enabled: true }),
    });
    const later = await postJson(`/projects/${projectId}/webhooks/${endpoint.id}/replay`, {
      since: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(await later.json()).toEqual({ replayed: 0 });
    const res = await postJson(`/projects/${projectId}/webhooks/${endpoint.id}/replay`, { since: before });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ replayed: 2 });
    await vi.waitFor(async () => {
      const { items } = await listDeliveries(projectId, endpoint.id, "?status=succeeded");
      expect(items).toHaveLength(2);
    });
    const received = await receiver.received();
    expect(typesOf(received.filter((hook) => hook.answered === 200))).toEqual(["job.completed", "job.completed"]);
    expect(
      (await postJson(`/projects/${projectId}/webhooks/${endpoint.id}/replay`, { since: "yesterday" })).status,
    ).toBe(422);
  });
});
