import { env, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import {
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from "../../../worker/routes/webhooks/schema";
import { uniqueProjectId } from "../helpers/project-key";
import { appWith } from "../storage/helpers";
import { ADMIN, api, createWebhook, postJson, projectStub, receiver } from "./webhook-kit";

const patch = (path: string, body: unknown) =>
  api(path, { method: "PATCH", headers: { ...ADMIN, "Content-Type": "application/json" }, body: JSON.stringify(body) });

async function expectInvalid(res: Response, path: string) {
  expect(res.status).toBe(422);
  const { error } = ErrorEnvelopeSchema.parse(await res.json());
  expect(error.code).toBe("VALIDATION_ERROR");
  expect(error.details?.map((detail) => detail.path)).toContain(path);
}

/** Every value of every table of the project object's SQLite, as one string. */
function objectStorageDump(projectId: string) {
  return runInDurableObject(projectStub(projectId), (_object, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .toArray()
      .map((row) => row.name);
    return JSON.stringify(tables.map((table) => state.storage.sql.exec(`SELECT * FROM "${table}"`).toArray()));
  });
}

async function d1Dump() {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
  ).all<{ name: string }>();
  const rows = await Promise.all(
    tables.results.map(async ({ name }) => (await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results),
  );
  return JSON.stringify(rows);
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

afterEach(() => vi.restoreAllMocks());

describe("webhook endpoints", () => {
  it("creates, lists, reads, changes and deletes an endpoint", async () => {
    const projectId = uniqueProjectId("hooks");
    const target = receiver();
    const res = await postJson(`/projects/${projectId}/webhooks`, {
      url: target.url,
      events: ["asset.ready", "job.failed", "asset.ready"],
      description: "backend",
    });
    expect(res.status).toBe(201);
    const created = WebhookEndpointWithSecretSchema.parse(await res.json());
    expect(res.headers.get("Location")).toBe(`/projects/${projectId}/webhooks/${created.id}`);
    expect(created).toMatchObject({
      project_id: projectId,
      url: target.url,
      events: ["asset.ready", "job.failed"],
      description: "backend",
      enabled: true,
      disabled_reason: null,
      secret_rotation_ends_at: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob(created.secret.slice(6))).toHaveLength(32);

    const list = WebhookEndpointListSchema.parse(
      await (await api(`/projects/${projectId}/webhooks`, { headers: ADMIN })).json(),
    );
    expect(list.items.map((item) => item.id)).toEqual([created.id]);
    const got = await api(`/projects/${projectId}/webhooks/${created.id}`, { headers: ADMIN });
    expect(got.status).toBe(200);
    const { secret: _secret, ...endpoint } = created;
    expect(WebhookEndpointSchema.parse(await got.json())).toEqual(endpoint);

    const changed = await patch(`/projects/${projectId}/webhooks/${created.id}`, { events: ["*"], description: null });
    expect(changed.status).toBe(200);
    expect(WebhookEndpointSchema.parse(await changed.json())).toMatchObject({ events: ["*"], description: null });
    const disabled = await patch(`/projects/${projectId}/webhooks/${created.id}`, { enabled: false });
    expect(WebhookEndpointSchema.parse(await disabled.json())).toMatchObject({
      enabled: false,
      disabled_reason: "manual",
    });
    const enabled = await patch(`/projects/${projectId}/webhooks/${created.id}`, { enabled: true });
    expect(WebhookEndpointSchema.parse(await enabled.json())).toMatchObject({ enabled: true, disabled_reason: null });

    const deleted = await api(`/projects/${projectId}/webhooks/${created.id}`, { method: "DELETE", headers: ADMIN });
    expect(deleted.status).toBe(204);
    expect((await api(`/projects/${projectId}/webhooks/${created.id}`, { headers: ADMIN })).status).toBe(404);
    expect(
      (await api(`/projects/${projectId}/webhooks/${created.id}`, { method: "DELETE", headers: ADMIN })).status,
    ).toBe(404);
  });

  it("shows the secret only on creation and rotation: never in list or get answers, nor in plaintext in storage", async () => {
    const projectId = uniqueProjectId("hooks");
    const created = await createWebhook(projectId, { url: receiver().url, events: ["*"] });
    const rotated = await api(`/projects/${projectId}/webhooks/${created.id}/rotate-secret`, {
      method: "POST",
      headers: ADMIN,
    });
    expect(rotated.status).toBe(200);
    const { secret: newSecret } = WebhookEndpointWithSecretSchema.parse(await rotated.json());
    expect(newSecret).not.toBe(created.secret);

    const answers = [
      await (await api(`/projects/${projectId}/webhooks`, { headers: ADMIN })).text(),
      await (await api(`/projects/${projectId}/webhooks/${created.id}`, { headers: ADMIN })).text(),
    ];
    const stored = [await objectStorageDump(projectId), await d1Dump()];
    for (const secret of [created.secret, newSecret]) {
      const key = secret.slice("whsec_".length);
      for (const text of [...answers, ...stored]) {
        expect(text).not.toContain(key);
        expect(text).not.toContain("whsec_");
      }
    }
    // What is stored is sealed (AES-GCM, v1.<iv>.<ciphertext>).
    expect(stored[0]).toMatch(/"secret":"v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+"/);
  });

  it("refuses bad URLs, unknown events and unknown fields with 422", async () => {
    const projectId = uniqueProjectId("hooks");
    const url = receiver().url;
    const create = (body: Record<string, unknown>) => postJson(`/projects/${projectId}/webhooks`, body);
    await expectInvalid(await create({ url: "ftp://hooks.example.com/x", events: ["*"] }), "url");
    await expectInvalid(await create({ url: "not a url", events: ["*"] }), "url");
    await expectInvalid(await create({ url: "https://user:pw@hooks.example.com/x", events: ["*"] }), "url");
    await expectInvalid(await create({ url: `https://hooks.example.com/${"a".repeat(2048)}`, events: ["*"] }), "url");
    await expectInvalid(await create({ url, events: ["asset.exploded"] }), "events.0");
    await expectInvalid(await create({ url, events: ["*", "asset.ready"] }), "events");
    await expectInvalid(await create({ url, events: [] }), "events");
    await expectInvalid(await create({ url }), "events");
    await expectInvalid(await create({ url, events: ["*"], secret: "mine" }), "secret");
    const created = await createWebhook(projectId, { url, events: ["*"] });
    await expectInvalid(await patch(`/projects/${projectId}/webhooks/${created.id}`, { url: "gopher://x" }), "url");
    await expectInvalid(
      await patch(`/projects/${projectId}/webhooks/${created.id}`, { events: ["job.exploded"] }),
      "events.0",
    );
    // The test environment (DEPLOY_ENV=test) accepts http and loopback: the receiver itself is one.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it("allows at most 20 endpoints per project (409 beyond)", async () => {
    const projectId = uniqueProjectId("hooks");
    for (let i = 0; i < 20; i++)
      await createWebhook(projectId, { url: `https://hooks.example.com/${i}`, events: ["*"] });
    const res = await postJson(`/projects/${projectId}/webhooks`, {
      url: "https://hooks.example.com/21",
      events: ["*"],
    });
    expect(res.status).toBe(409);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("CONFLICT");
    const list = WebhookEndpointListSchema.parse(
      await (await api(`/projects/${projectId}/webhooks`, { headers: ADMIN })).json(),
    );
    expect(list.items).toHaveLength(20);
  });

  it("never finds another project's endpoint", async () => {
    const projectId = uniqueProjectId("hooks");
    const other = uniqueProjectId("hooks");
    const created = await createWebhook(projectId, { url: receiver().url, events: ["*"] });
    for (const [method, suffix] of [
      ["GET", ""],
      ["DELETE", ""],
      ["POST", "/rotate-secret"],
      ["POST", "/test"],
      ["GET", "/deliveries"],
    ] as const) {
      const res = await api(`/projects/${other}/webhooks/${created.id}${suffix}`, { method, headers: ADMIN });
      expect(res.status, `${method} ${suffix}`).toBe(404);
    }
    expect((await patch(`/projects/${other}/webhooks/${created.id}`, { enabled: false })).status).toBe(404);
    expect((await api(`/projects/${projectId}/webhooks/${created.id}`, { headers: ADMIN })).status).toBe(200);
  });

  it("refuses http, localhost and private, loopback or link-local IP hosts in production", async () => {
    const production = appWith({ DEPLOY_ENV: "production" });
    const projectId = uniqueProjectId("hooks");
    for (const url of [
      "http://hooks.example.com/x",
      "https://localhost/x",
      "https://127.0.0.1/x",
      "https://10.1.2.3/x",
      "https://192.168.0.10/x",
      "https://169.254.169.254/x",
      "https://[::1]/x",
      "https://[fe80::1]/x",
    ]) {
      await expectInvalid(
        await production(`/projects/${projectId}/webhooks`, json("POST", { url, events: ["*"] })),
        "url",
      );
    }
    const created = await production(
      `/projects/${projectId}/webhooks`,
      json("POST", { url: "https://hooks.example.com/x", events: ["*"] }),
    );
    expect(created.status).toBe(201);
    const { id } = WebhookEndpointWithSecretSchema.parse(await created.json());
    await expectInvalid(
      await production(`/projects/${projectId}/webhooks/${id}`, json("PATCH", { url: "https://10.0.0.1/x" })),
      "url",
    );
    const moved = await production(
      `/projects/${projectId}/webhooks/${id}`,
      json("PATCH", { url: "https://other.example.com/y" }),
    );
    expect(WebhookEndpointSchema.parse(await moved.json()).url).toBe("https://other.example.com/y");
  });

  it("never writes a signing secret to the logs", async () => {
    const lines: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(" "));
      });
    }
    const verbose = appWith({ LOG_LEVEL: "DEBUG" });
    const projectId = uniqueProjectId("hooks");
    const target = receiver();
    const created = await verbose(`/projects/${projectId}/webhooks`, json("POST", { url: target.url, events: ["*"] }));
    const { id, secret } = WebhookEndpointWithSecretSchema.parse(await created.json());
    const rotated = await verbose(`/projects/${projectId}/webhooks/${id}/rotate-secret`, { method: "POST" });
    const { secret: next } = WebhookEndpointWithSecretSchema.parse(await rotated.json());
    await verbose(`/projects/${projectId}/webhooks/${id}/test`, { method: "POST" });
    await verbose(`/projects/${projectId}/webhooks/${id}`);
    expect(lines.some((line) => line.includes('"message":"webhook_created"'))).toBe(true);
    for (const line of lines) {
      for (const value of [secret, next]) expect(line).not.toContain(value.slice("whsec_".length));
      expect(line).not.toContain("whsec_");
    }
  });
});
