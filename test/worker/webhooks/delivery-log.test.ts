import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { RETENTION_MS } from "../../../worker/events/delivery-policy";
import { newEvent } from "../../../worker/events/event-types";
import { ProjectEventsClient } from "../../../worker/events/project-events-client";
import { webhookDeliveryOptions } from "../../../worker/events/webhook-sender";
import { uniqueProjectId } from "../helpers/project-key";
import { ADMIN, api, listDeliveries, projectStub, typesOf, webhookWithReceiver } from "./webhook-kit";

afterEach(() => {
  webhookDeliveryOptions.timeoutMs = 15_000;
});

const sendTest = (projectId: string, webhookId: string) =>
  api(`/projects/${projectId}/webhooks/${webhookId}/test`, { method: "POST", headers: ADMIN });

describe("delivery log", () => {
  it("lists deliveries newest first in pages, filtered by status", async () => {
    const projectId = uniqueProjectId("dlog");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    await receiver.configure({ script: [{ status: 200 }, { status: 500, body: "no" }, { status: 200 }] });
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await sendTest(projectId, endpoint.id);
      sent.push(((await res.json()) as { id: string }).id);
    }
    const pages: string[][] = [];
    let query = "?limit=2";
    for (;;) {
      const page = await listDeliveries(projectId, endpoint.id, query);
      pages.push(page.items.map((delivery) => delivery.id));
      if (!page.next_cursor) break;
      query = `?limit=2&cursor=${encodeURIComponent(page.next_cursor)}`;
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(sent.slice().reverse());

    const pending = await listDeliveries(projectId, endpoint.id, "?status=pending");
    expect(pending.items.map((delivery) => delivery.id)).toEqual([sent[1]]);
    expect(pending.items[0]?.attempts[0]).toMatchObject({ status_code: 500, response_body: "no" });
    expect(pending.items[0]?.attempts[0]?.latency_ms).toBeGreaterThanOrEqual(0);
    const succeeded = await listDeliveries(projectId, endpoint.id, "?status=succeeded");
    expect(succeeded.items).toHaveLength(4);
    expect((await listDeliveries(projectId, endpoint.id, "?status=failed")).items).toEqual([]);

    for (const bad of ["?status=lost", "?limit=0", "?limit=101"]) {
      const res = await api(`/projects/${projectId}/webhooks/${endpoint.id}/deliveries${bad}`, { headers: ADMIN });
      expect(res.status, bad).toBe(422);
    }
    const garbled = await api(`/projects/${projectId}/webhooks/${endpoint.id}/deliveries?cursor=%%%`, {
      headers: ADMIN,
    });
    expect(garbled.status).toBeGreaterThanOrEqual(400);
    expect(garbled.status).toBeLessThan(500);
    expect(ErrorEnvelopeSchema.safeParse(await garbled.json()).success).toBe(true);
  });

  it("forgets deliveries and events after 30 days, in the daily sweep", async () => {
    const projectId = uniqueProjectId("dlog");
    const { receiver, endpoint } = await webhookWithReceiver(projectId);
    const log = new ProjectEventsClient(env.PROJECT_EVENTS, projectId);
    const old = newEvent("asset.deleted", { asset_id: "a1", project_id: projectId });
    await log.append([old]);
    await receiver.until((got) => expect(got).toHaveLength(1));
    await vi.waitFor(async () =>
      expect((await listDeliveries(projectId, endpoint.id, "?status=succeeded")).items).toHaveLength(1),
    );
    const recent = newEvent("asset.deleted", { asset_id: "a2", project_id: projectId });
    await log.append([recent]);
    await receiver.until((got) => expect(got).toHaveLength(2));

    // The first event and its delivery are 31 days old, and the daily sweep is due (moved, not waited for).
    const aged = Date.now() - RETENTION_MS - 24 * 3_600_000;
    await runInDurableObject(projectStub(projectId), (_object, state) => {
      state.storage.sql.exec("UPDATE events SET recorded_at = ? WHERE id = ?", aged, old.id);
      state.storage.sql.exec(
        "UPDATE deliveries SET created_at = ? WHERE event_id = ?",
        new Date(aged).toISOString(),
        old.id,
      );
      state.storage.sql.exec("UPDATE schedule SET at = ? WHERE key = 'prune'", Date.now() - 1);
      // An alarm set in the past would fire on its own; this one runs when the test says so.
      return state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(projectStub(projectId))).toBe(true);
    const { items } = await listDeliveries(projectId, endpoint.id);
    expect(items.map((delivery) => delivery.event_id)).toEqual([recent.id]);
    const gone = await api(`/projects/${projectId}/events`, { headers: { ...ADMIN, "Last-Event-ID": old.id } });
    expect(gone.status).toBe(409);
    expect(typesOf(await receiver.received())).toEqual(["asset.deleted", "asset.deleted"]);
  });

  it("keeps each endpoint's events in order, and a hanging endpoint holds back no other", async () => {
    // Long enough for the healthy endpoint to get everything while the hanging one still waits, even under load.
    webhookDeliveryOptions.timeoutMs = 4_000;
    const projectId = uniqueProjectId("dlog");
    const slow = await webhookWithReceiver(projectId);
    const healthy = await webhookWithReceiver(projectId);
    await slow.receiver.configure({ script: [{ hang: true }] });
    const log = new ProjectEventsClient(env.PROJECT_EVENTS, projectId);
    const events = Array.from({ length: 5 }, (_, i) =>
      newEvent("asset.deleted", { asset_id: `a${i}`, project_id: projectId }),
    );
    for (const event of events) await log.append([event]);

    const got = await healthy.receiver.until((received) => expect(received).toHaveLength(5), 3_500);
    expect(got.map((hook) => hook.id)).toEqual(events.map((event) => event.id));
    // The hanging endpoint got the first event only, and waits for its answer (or timeout) before the next.
    expect((await slow.receiver.received()).map((hook) => hook.id)).toEqual([events[0]?.id]);
    // After the timeout the first waits for its retry; the others follow in order.
    const after = await slow.receiver.until((received) => expect(received).toHaveLength(5), 15_000);
    expect(after.map((hook) => hook.id)).toEqual(events.map((event) => event.id));
  });
});
