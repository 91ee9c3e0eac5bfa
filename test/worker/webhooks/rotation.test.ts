import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ROTATION_OVERLAP_MS } from "../../../worker/events/webhook-endpoints";
import { WebhookDeliverySchema, WebhookEndpointWithSecretSchema } from "../../../worker/routes/webhooks/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { ADMIN, api, createWebhook, projectStub, receiver } from "./webhook-kit";

const sendTest = async (projectId: string, webhookId: string) => {
  const res = await api(`/projects/${projectId}/webhooks/${webhookId}/test`, { method: "POST", headers: ADMIN });
  expect(res.status).toBe(200);
  return WebhookDeliverySchema.parse(await res.json());
};

describe("secret rotation", () => {
  it("signs with both secrets for 24 hours, then with the new one only", async () => {
    const projectId = uniqueProjectId("rotation");
    const target = receiver();
    const created = await createWebhook(projectId, { url: target.url, events: ["*"] });
    const rotated = await api(`/projects/${projectId}/webhooks/${created.id}/rotate-secret`, {
      method: "POST",
      headers: ADMIN,
    });
    expect(rotated.status).toBe(200);
    const after = WebhookEndpointWithSecretSchema.parse(await rotated.json());
    const overlapEnd = Date.parse(after.secret_rotation_ends_at ?? "");
    expect(Math.abs(overlapEnd - (Date.now() + ROTATION_OVERLAP_MS))).toBeLessThan(60_000);
    await target.configure({ secrets: [created.secret, after.secret] });

    const during = await sendTest(projectId, created.id);
    expect(during).toMatchObject({ status: "succeeded", event_type: "webhook.test", attempt_count: 1 });
    // The overlap ends (moved back rather than waited for).
    await runInDurableObject(projectStub(projectId), (_object, state) => {
      state.storage.sql.exec("UPDATE endpoints SET previous_secret_until = ?", Date.now() - 1);
    });
    await sendTest(projectId, created.id);
    const [first, second] = await target.received();
    expect(first?.signature?.split(" ")).toHaveLength(2);
    expect(first?.verified).toEqual([true, true]);
    expect(second?.signature?.split(" ")).toHaveLength(1);
    expect(second?.verified).toEqual([false, true]);
    const endpoint = await (await api(`/projects/${projectId}/webhooks/${created.id}`, { headers: ADMIN })).json();
    expect(endpoint).toMatchObject({ secret_rotation_ends_at: null });
  });

  it("sends a test event to one endpoint only, outside the project's log", async () => {
    const projectId = uniqueProjectId("rotation");
    const target = receiver();
    const bystander = receiver();
    const created = await createWebhook(projectId, { url: target.url, events: ["*"] });
    await createWebhook(projectId, { url: bystander.url, events: ["*"] });
    await target.configure({ secrets: [created.secret], script: [{ status: 500, body: "down" }] });
    const delivery = await sendTest(projectId, created.id);
    expect(delivery).toMatchObject({ status: "pending", attempt_count: 1, event_type: "webhook.test" });
    expect(delivery.attempts[0]).toMatchObject({ status_code: 500, response_body: "down" });
    const [hook] = await target.received();
    expect(hook?.verified).toEqual([true]);
    expect(JSON.parse(hook?.body ?? "{}")).toMatchObject({
      type: "webhook.test",
      data: { webhook_id: created.id, project_id: projectId },
    });
    expect(await bystander.received()).toEqual([]);
    expect(
      (await api(`/projects/${projectId}/webhooks/wh_unknown/test`, { method: "POST", headers: ADMIN })).status,
    ).toBe(404);
  });
});
