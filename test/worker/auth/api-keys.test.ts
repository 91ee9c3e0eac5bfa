import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ApiKeyListSchema, CreatedApiKeySchema } from "../../../worker/routes/api-keys/schema";
import { bearer, createProjectKey, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));
const json = (body: unknown, key = TEST_ADMIN_KEY): RequestInit => ({
  method: "POST",
  headers: { ...bearer(key), "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe("project API keys", () => {
  it("admin creates a key; the plaintext appears once and the list shows only its prefix", async () => {
    const projectId = uniqueProjectId();
    const res = await api(`/projects/${projectId}/api-keys`, json({ name: "flutter-app" }));
    expect(res.status).toBe(201);
    const created = CreatedApiKeySchema.parse(await res.json());
    expect(created.key).toMatch(/^emk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.name).toBe("flutter-app");

    const list = await api(`/projects/${projectId}/api-keys`, { headers: bearer(TEST_ADMIN_KEY) });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(created.key);
    const body = ApiKeyListSchema.parse(JSON.parse(text));
    expect(body.api_keys.map((key) => key.id)).toEqual([created.id]);
    expect(body.api_keys[0]).toMatchObject({ name: "flutter-app", prefix: created.prefix, project_id: projectId });
  });

  it("defaults the name when the body is omitted", async () => {
    const res = await api(`/projects/${uniqueProjectId()}/api-keys`, {
      method: "POST",
      headers: bearer(TEST_ADMIN_KEY),
    });
    expect(res.status).toBe(201);
    expect(CreatedApiKeySchema.parse(await res.json()).name).toBe("default");
  });

  it("a project key opens its own project's routes and records last use", async () => {
    const projectId = uniqueProjectId();
    const { key, id } = await createProjectKey(projectId);
    const list = await api(`/projects/${projectId}/api-keys`, { headers: bearer(key) });
    expect(list.status).toBe(200);
    const [listed] = ApiKeyListSchema.parse(await list.json()).api_keys;
    expect(listed?.id).toBe(id);
    expect(listed?.last_used_at).not.toBeNull();
  });

  it("revocation removes the key from the list and lists only the project's keys", async () => {
    const projectId = uniqueProjectId();
    const first = await createProjectKey(projectId, "first");
    const second = await createProjectKey(projectId, "second");
    await createProjectKey(uniqueProjectId(), "elsewhere");

    const del = await api(`/projects/${projectId}/api-keys/${first.id}`, {
      method: "DELETE",
      headers: bearer(second.key),
    });
    expect(del.status).toBe(204);
    const list = ApiKeyListSchema.parse(
      await (await api(`/projects/${projectId}/api-keys`, { headers: bearer(TEST_ADMIN_KEY) })).json(),
    );
    expect(list.api_keys.map((key) => key.name)).toEqual(["second"]);
  });

  it("rejects invalid names with field details", async () => {
    const res = await api(`/projects/${uniqueProjectId()}/api-keys`, json({ name: 42 }));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(body.error.details[0]?.path).toBe("name");
  });

  it("answers 400 to malformed JSON", async () => {
    const res = await api(`/projects/${uniqueProjectId()}/api-keys`, {
      method: "POST",
      headers: { ...bearer(TEST_ADMIN_KEY), "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("MALFORMED_JSON");
  });

  it("revoking an unknown or already revoked key is 404", async () => {
    const projectId = uniqueProjectId();
    const { id } = await createProjectKey(projectId);
    const path = `/projects/${projectId}/api-keys/${id}`;
    expect((await api(path, { method: "DELETE", headers: bearer(TEST_ADMIN_KEY) })).status).toBe(204);
    const again = await api(path, { method: "DELETE", headers: bearer(TEST_ADMIN_KEY) });
    expect(again.status).toBe(404);
    const unknown = await api(`/projects/${projectId}/api-keys/key_nope`, {
      method: "DELETE",
      headers: bearer(TEST_ADMIN_KEY),
    });
    expect(unknown.status).toBe(404);
  });
});
