import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_ENDPOINTS } from "../../../worker/events/endpoint-store";
import { newEvent } from "../../../worker/events/event-types";
import { ProjectEventsClient } from "../../../worker/events/project-events-client";
import { uniqueProjectId } from "../helpers/project-key";
import { listDeliveries, projectStub, webhookWithReceiver } from "./webhook-kit";

// Deliveries are created for every endpoint in one statement and attempts recorded a batch at a time; a Durable
// Object statement binds at most 100 parameters, so the largest project and the largest batch are what can break.
describe("bulk delivery recording", () => {
  it("an event reaches all 20 endpoints of a full project, each delivery logged once", async () => {
    const projectId = uniqueProjectId("bulk");
    const hooks = [];
    for (let i = 0; i < MAX_ENDPOINTS; i++) hooks.push(await webhookWithReceiver(projectId));
    const event = newEvent("asset.ready", { project_id: projectId, asset_id: "a1" });
    await new ProjectEventsClient(env.PROJECT_EVENTS, projectId).append([event]);
    for (const { receiver, endpoint } of hooks) {
      const [hook] = await receiver.until((got) => expect(got).toHaveLength(1));
      expect(hook).toMatchObject({ id: event.id, answered: 200 });
      expect(hook?.verified[0]).toBe(true);
      await expect
        .poll(async () => (await listDeliveries(projectId, endpoint.id)).items.map((d) => [d.status, d.attempt_count]))
        .toEqual([["succeeded", 1]]);
    }
  });

  it("records 60 events in full batches, two failing, with each attempt and state as sent", async () => {
    const projectId = uniqueProjectId("bulk");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    // Full batches of 25 first; then two failures, which cut their batches short.
    await receiver.configure({
      script: Array.from({ length: 60 }, (_, i) => (i === 40 || i === 52 ? { status: 500 } : { status: 200 })),
    });
    const events = Array.from({ length: 60 }, (_, i) =>
      newEvent("asset.ready", { project_id: projectId, asset_id: `a${i}` }),
    );
    await new ProjectEventsClient(env.PROJECT_EVENTS, projectId).append(events);
    const received = await receiver.until((got) => expect(got.length).toBeGreaterThanOrEqual(60));
    const answers = new Map(received.slice(0, 60).map((hook) => [hook.id, hook.answered]));

    const stored = await runInDurableObject(projectStub(projectId), (_object, state) => ({
      deliveries: state.storage.sql
        .exec<{ event_id: string; status: string; attempt_count: number; next_attempt_at: number | null }>(
          "SELECT event_id, status, attempt_count, next_attempt_at FROM deliveries WHERE endpoint_id = ?",
          endpoint.id,
        )
        .toArray(),
      attempts: state.storage.sql
        .exec<{ event_id: string; number: number; status_code: number | null }>(
          `SELECT d.event_id, a.number, a.status_code FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
           WHERE d.endpoint_id = ? AND a.number = 1`,
          endpoint.id,
        )
        .toArray(),
    }));
    expect(stored.deliveries).toHaveLength(60);
    expect(stored.attempts).toHaveLength(60);
    for (const attempt of stored.attempts) expect(attempt.status_code).toBe(answers.get(attempt.event_id));
    for (const delivery of stored.deliveries) {
      if (answers.get(delivery.event_id) === 200) {
        expect(delivery).toMatchObject({ status: "succeeded", attempt_count: 1, next_attempt_at: null });
      } else {
        // A retry is pending (unless it already went and was recorded).
        expect(delivery.attempt_count).toBeGreaterThanOrEqual(1);
        if (delivery.attempt_count === 1) {
          expect(delivery).toMatchObject({ status: "pending", next_attempt_at: expect.any(Number) });
        }
      }
    }
    expect([...answers.values()].filter((status) => status !== 200).length).toBeGreaterThan(0);
  });
});
