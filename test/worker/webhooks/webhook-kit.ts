import { env } from "cloudflare:test";
import { expect, inject, vi } from "vitest";
import type { z } from "zod";
import {
  WebhookDeliveryListSchema,
  type WebhookDeliverySchema,
  WebhookEndpointWithSecretSchema,
} from "../../../worker/routes/webhooks/schema";
import type { ReceivedWebhook, ScriptedAnswer } from "../../webhook-receiver/server";
import { ADMIN, api, postJson } from "../jobs/job-test-kit";

export { ADMIN, api, postJson };

export type Delivery = z.infer<typeof WebhookDeliverySchema>;

const RECEIVER = inject("webhookReceiverUrl");

/** One endpoint of the tests' receiver (test/webhook-receiver), named uniquely so tests never share one. */
export function receiver(name: string = crypto.randomUUID()) {
  const control = `${RECEIVER}/control/${name}`;
  return {
    url: `${RECEIVER}/hooks/${name}`,
    async configure(settings: { secrets?: string[]; script?: ScriptedAnswer[]; failRate?: number }) {
      const res = await fetch(control, { method: "PUT", body: JSON.stringify(settings) });
      expect(res.status).toBe(204);
    },
    async received(): Promise<ReceivedWebhook[]> {
      return (await (await fetch(control)).json()) as ReceivedWebhook[];
    },
    /** Waits until what was received satisfies `check` (an expect-throwing function), and returns it. */
    async until(check: (received: ReceivedWebhook[]) => void, timeout = 15_000): Promise<ReceivedWebhook[]> {
      return vi.waitFor(
        async () => {
          const received = await this.received();
          check(received);
          return received;
        },
        { timeout, interval: 25 },
      );
    },
  };
}
export type Receiver = ReturnType<typeof receiver>;

/** Parsed bodies, in the order the receiver got them. */
export const bodies = (received: ReceivedWebhook[]) =>
  received.map((hook) => JSON.parse(hook.body) as { type: string; timestamp: string; data: Record<string, unknown> });
export const typesOf = (received: ReceivedWebhook[]) => bodies(received).map((body) => body.type);

export async function createWebhook(projectId: string, body: Record<string, unknown>, headers = ADMIN) {
  const res = await postJson(`/projects/${projectId}/webhooks`, body, headers);
  if (res.status !== 201) throw new Error(`create webhook failed: ${res.status} ${await res.text()}`);
  return WebhookEndpointWithSecretSchema.parse(await res.json());
}

/** A receiver endpoint and a webhook pointing at it, the receiver verifying with the webhook's secret. */
export async function webhookWithReceiver(projectId: string, events: string[] = ["*"]) {
  const target = receiver();
  const endpoint = await createWebhook(projectId, { url: target.url, events });
  await target.configure({ secrets: [endpoint.secret] });
  return { receiver: target, endpoint };
}

export async function listDeliveries(projectId: string, webhookId: string, query = "") {
  const res = await api(`/projects/${projectId}/webhooks/${webhookId}/deliveries${query}`, { headers: ADMIN });
  if (res.status !== 200) throw new Error(`deliveries failed: ${res.status} ${await res.text()}`);
  return WebhookDeliveryListSchema.parse(await res.json());
}

/** The project's events object, for runDurableObjectAlarm and runInDurableObject. */
export const projectStub = (projectId: string) => env.PROJECT_EVENTS.get(env.PROJECT_EVENTS.idFromName(projectId));
