import { abortAllDurableObjects, env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newEvent } from "../../../worker/events/event-types";
import { ProjectEventsClient } from "../../../worker/events/project-events-client";
import { webhookDeliveryOptions } from "../../../worker/events/webhook-sender";
import { uniqueProjectId } from "../helpers/project-key";
import { ADMIN, api, listDeliveries, projectStub, webhookWithReceiver } from "./webhook-kit";

afterEach(() => {
  webhookDeliveryOptions.timeoutMs = 15_000;
});

const deletions = (projectId: string, count: number) =>
  Array.from({ length: count }, (_, i) => newEvent("asset.deleted", { asset_id: `a${i}`, project_id: projectId }));

/** Waits until every delivery of the endpoint has succeeded, and returns them. */
async function allSucceeded(projectId: string, webhookId: string, count: number) {
  return vi.waitFor(
    async () => {
      const { items } = await listDeliveries(projectId, webhookId, "?limit=100");
      expect(items.filter((delivery) => delivery.status === "succeeded")).toHaveLength(count);
      return items;
    },
    { timeout: 15_000, interval: 50 },
  );
}

/** The ids in the project's log, in its order. */
const loggedIds = (projectId: string) =>
  runInDurableObject(projectStub(projectId), (_object, state) =>
    state.storage.sql
      .exec<{ id: string }>("SELECT id FROM events ORDER BY seq")
      .toArray()
      .map((row) => row.id),
  );

describe("webhook sender objects", () => {
  it("keep each endpoint's order across batches while another endpoint fails half its requests", async () => {
    const projectId = uniqueProjectId("sender");
    const healthy = await webhookWithReceiver(projectId);
    const flaky = await webhookWithReceiver(projectId);
    // Every other request fails, retries included, so each delivery succeeds within its retry schedule. With
    // failures at random (rate 0.5), one of the 60 drew 500s on all 11 attempts in about 3 % of runs.
    await flaky.receiver.configure({
      script: Array.from({ length: 120 }, (_, i) => ({ status: i % 2 === 0 ? 500 : 200 })),
    });
    const log = new ProjectEventsClient(env.PROJECT_EVENTS, projectId);
    // More events than one batch holds, appended by concurrent producers: the log's order is the one to keep.
    const events = deletions(projectId, 60);
    await Promise.all([0, 1, 2, 3].map((part) => log.append(events.slice(part * 15, part * 15 + 15))));
    await allSucceeded(projectId, healthy.endpoint.id, 60);
    const logged = await loggedIds(projectId);
    expect(logged.slice().sort()).toEqual(events.map((event) => event.id).sort());

    const got = await healthy.receiver.until((received) => expect(received).toHaveLength(60));
    expect(got.map((hook) => hook.id)).toEqual(logged);
    // The flaky endpoint's first attempts came in the same order; its failures wait for their retries.
    const firsts = await flaky.receiver.until((received) => expect(new Set(received.map((h) => h.id)).size).toBe(60));
    expect([...new Set(firsts.map((hook) => hook.id))]).toEqual(logged);
    // Retries run alarm by alarm, early (each alarm sends what is due by its own time).
    for (let round = 0; round < 100; round++) {
      if ((await listDeliveries(projectId, flaky.endpoint.id, "?status=pending")).items.length === 0) break;
      await runDurableObjectAlarm(projectStub(projectId));
    }
    const settled = await listDeliveries(projectId, flaky.endpoint.id, "?limit=100");
    expect(settled.items.every((delivery) => delivery.status === "succeeded")).toBe(true);
    expect(settled.items.every((delivery) => delivery.attempts.at(-1)?.status_code === 200)).toBe(true);
    const answered = (await flaky.receiver.received()).filter((hook) => hook.answered === 200);
    expect(answered.map((hook) => hook.id).sort()).toEqual(logged.slice().sort());
  });

  it("stop a batch at a 410: the endpoint is disabled and the rest of the batch is never sent", async () => {
    const projectId = uniqueProjectId("sender");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    await receiver.configure({ script: [{ status: 200 }, { status: 410 }] });
    const events = deletions(projectId, 5);
    await new ProjectEventsClient(env.PROJECT_EVENTS, projectId).append(events);
    await vi.waitFor(async () => {
      const { items } = await listDeliveries(projectId, endpoint.id, "?status=failed");
      expect(items).toHaveLength(4);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await receiver.received()).map((hook) => hook.answered)).toEqual([200, 410]);
    const { items } = await listDeliveries(projectId, endpoint.id, "?limit=100");
    const byEvent = new Map(items.map((delivery) => [delivery.event_id, delivery]));
    expect(events.map((event) => byEvent.get(event.id)?.attempts.map((a) => a.status_code))).toEqual([
      [200],
      [410],
      [],
      [],
      [],
    ]);
    const res = await api(`/projects/${projectId}/webhooks/${endpoint.id}`, { headers: ADMIN });
    expect(await res.json()).toMatchObject({ enabled: false, disabled_reason: "gone" });
  });

  it("lose nothing when every object restarts mid-delivery: the alarm sends the batch again, in order", async () => {
    webhookDeliveryOptions.timeoutMs = 10_000;
    const projectId = uniqueProjectId("sender");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    await receiver.configure({ script: [{ hang: true }] });
    const events = deletions(projectId, 3);
    await new ProjectEventsClient(env.PROJECT_EVENTS, projectId).append(events);
    await receiver.until((received) => expect(received).toHaveLength(1));

    // Both the project's object and the endpoint's sender die while the first request is out.
    await abortAllDurableObjects();
    expect((await listDeliveries(projectId, endpoint.id, "?status=pending")).items).toHaveLength(3);
    // Nothing is sent again before the batch's hold runs out: the alarm is the way back (run early here).
    expect(await receiver.received()).toHaveLength(1);
    expect(await runDurableObjectAlarm(projectStub(projectId))).toBe(true);

    const delivered = await allSucceeded(projectId, endpoint.id, 3);
    expect(delivered.every((delivery) => delivery.attempt_count === 1)).toBe(true);
    const received = await receiver.received();
    // The request that was out when the objects died is the only one sent twice.
    expect(received.map((hook) => [hook.id, hook.answered])).toEqual([
      [events[0]?.id, "hang"],
      [events[0]?.id, 200],
      [events[1]?.id, 200],
      [events[2]?.id, 200],
    ]);
    expect(received.every((hook) => hook.verified[0])).toBe(true);
  });

  it("resend on their own, in order, what a sender that was reset mid-batch had not reported", async () => {
    webhookDeliveryOptions.timeoutMs = 10_000;
    const projectId = uniqueProjectId("sender");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    await receiver.configure({ script: [{ status: 200 }, { hang: true }] });
    const events = deletions(projectId, 4);
    await new ProjectEventsClient(env.PROJECT_EVENTS, projectId).append(events);
    await receiver.until((received) => expect(received).toHaveLength(2));

    const sender = env.WEBHOOK_SENDERS.get(env.WEBHOOK_SENDERS.idFromName(endpoint.id));
    await runInDurableObject(sender, (_object, state) => {
      state.abort("reset in the test");
    }).catch(() => undefined);

    // The project's object saw its call fail and, within seconds, sends again what it had not recorded: the whole
    // batch, since its outcomes were lost with the sender (at least once; receivers deduplicate by webhook-id).
    await allSucceeded(projectId, endpoint.id, 4);
    expect((await receiver.received()).map((hook) => [hook.id, hook.answered])).toEqual([
      [events[0]?.id, 200],
      [events[1]?.id, "hang"],
      [events[0]?.id, 200],
      [events[1]?.id, 200],
      [events[2]?.id, 200],
      [events[3]?.id, 200],
    ]);
  });
});
