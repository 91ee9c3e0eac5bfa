import { describe, expect, it } from "vitest";
import { StreamTokenSchema } from "../../../worker/routes/stream-tokens/schema";
import { WebhookEndpointListSchema } from "../../../worker/routes/webhooks/schema";
import { bearer, createProjectKey, errorCode, uniqueProjectId } from "../helpers/project-key";
import { openSse, openWebSocket } from "./stream-kit";
import { api, createWebhook, receiver } from "./webhook-kit";

async function streamToken(projectId: string, key: string) {
  const res = await api(`/projects/${projectId}/stream-tokens`, { method: "POST", headers: bearer(key) });
  expect(res.status).toBe(201);
  return encodeURIComponent(StreamTokenSchema.parse(await res.json()).token);
}

/** Every webhook route of one endpoint, as [method, path, JSON body?]. */
function webhookRoutes(projectId: string, webhookId: string): [string, string, unknown?][] {
  const base = `/projects/${projectId}/webhooks`;
  return [
    ["POST", base, { url: "https://hooks.example.com/x", events: ["*"] }],
    ["GET", base],
    ["GET", `${base}/${webhookId}`],
    ["PATCH", `${base}/${webhookId}`, { enabled: false }],
    ["DELETE", `${base}/${webhookId}`],
    ["POST", `${base}/${webhookId}/rotate-secret`],
    ["POST", `${base}/${webhookId}/test`],
    ["GET", `${base}/${webhookId}/deliveries`],
    ["POST", `${base}/${webhookId}/deliveries/dlv_x/retry`],
    ["POST", `${base}/${webhookId}/replay`, { since: "2026-01-01T00:00:00Z" }],
  ];
}

const call = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  api(path, {
    method,
    headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A project with an endpoint, its key, another project's key and a stream token of each. */
async function setting() {
  const projectId = uniqueProjectId("hooksec");
  const other = uniqueProjectId("hooksec");
  const own = (await createProjectKey(projectId)).key;
  const foreign = (await createProjectKey(other)).key;
  const endpoint = await createWebhook(projectId, { url: receiver().url, events: ["*"] }, bearer(own));
  return {
    projectId,
    endpoint,
    own,
    foreign,
    ownToken: await streamToken(projectId, own),
    foreignToken: await streamToken(other, foreign),
  };
}

describe("webhook and project event routes: access control", () => {
  it("refuse every webhook route without a key, with a wrong key, a stream token or another project's key", async () => {
    const { projectId, endpoint, own, foreign, ownToken } = await setting();
    for (const [method, path, body] of webhookRoutes(projectId, endpoint.id)) {
      const label = `${method} ${path}`;
      const none = await call(method, path, body, {});
      expect(none.status, label).toBe(401);
      expect(await errorCode(none), label).toBe("UNAUTHORIZED");
      const wrong = await call(method, path, body, bearer("emk_not-a-real-key"));
      expect(wrong.status, label).toBe(401);
      const token = await call(method, `${path}?access_token=${ownToken}`, body, {});
      expect(token.status, label).toBe(401);
      const other = await call(method, path, body, bearer(foreign));
      expect(other.status, label).toBe(403);
      expect(await errorCode(other), label).toBe("FORBIDDEN");
    }
    // None of that changed anything.
    const got = await api(`/projects/${projectId}/webhooks/${endpoint.id}`, { headers: bearer(own) });
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: endpoint.id, enabled: true });
    const list = await api(`/projects/${projectId}/webhooks`, { headers: bearer(own) });
    expect(WebhookEndpointListSchema.parse(await list.json()).items).toHaveLength(1);
  });

  it("let the project's own key use every webhook route", async () => {
    const { projectId, endpoint, own } = await setting();
    const expected = [201, 200, 200, 200, 204, 200, 200, 200, 404, 409];
    const routes = webhookRoutes(projectId, endpoint.id);
    // Delete last, so the routes after it still find the endpoint.
    const order = [0, 1, 2, 5, 6, 7, 8, 3, 9, 4];
    for (const index of order) {
      const [method, path, body] = routes[index] ?? [];
      const res = await call(method ?? "", path ?? "", body, bearer(own));
      expect(res.status, `${method} ${path}`).toBe(expected[index]);
    }
  });

  it("open the project stream with the project key or its stream token, never another project's", async () => {
    const { projectId, own, foreign, ownToken, foreignToken } = await setting();
    const paths = [`/projects/${projectId}/events`, `/projects/${projectId}/events/ws`];
    for (const path of paths) {
      const init = (headers: Record<string, string>) => ({
        headers: path.endsWith("/ws") ? { ...headers, Upgrade: "websocket" } : headers,
      });
      const none = await api(path, init({}));
      expect(none.status, path).toBe(401);
      expect((await api(path, init(bearer("emk_not-a-real-key")))).status, path).toBe(401);
      expect((await api(`${path}?access_token=not-a-token`, init({}))).status, path).toBe(401);
      const otherKey = await api(path, init(bearer(foreign)));
      expect(otherKey.status, path).toBe(403);
      const otherToken = await api(`${path}?access_token=${foreignToken}`, init({}));
      expect(otherToken.status, path).toBe(403);
      expect(await errorCode(otherToken), path).toBe("FORBIDDEN");
    }
    const sse = await openSse(`/projects/${projectId}/events?access_token=${ownToken}`, {});
    await sse.close();
    const ws = await openWebSocket(`/projects/${projectId}/events/ws?access_token=${ownToken}`, {});
    ws.close();
    const keyed = await openSse(`/projects/${projectId}/events`, bearer(own));
    await keyed.close();
  });
});
