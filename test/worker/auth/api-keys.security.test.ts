import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { bearer, createProjectKey, errorCode, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));
const listKeys = (projectId: string, headers: Record<string, string> = {}) =>
  api(`/projects/${projectId}/api-keys`, { headers });

async function expectUnauthorized(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer\b/);
  expect(await errorCode(res)).toBe("UNAUTHORIZED");
}

describe("api-keys security", () => {
  it("no key: 401 with a Bearer challenge", async () => {
    await expectUnauthorized(await listKeys(uniqueProjectId()));
  });

  it("browsers can read the challenge header on a cross-origin 401", async () => {
    const res = await listKeys(uniqueProjectId(), { Origin: "https://app.example.com" });
    expect(res.status).toBe(401);
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("WWW-Authenticate");
  });

  it("wrong key: 401 for unknown well-formed keys, garbage and the wrong scheme", async () => {
    const projectId = uniqueProjectId();
    await createProjectKey(projectId);
    const forged = `emk_${"A".repeat(43)}`;
    for (const authorization of [
      `Bearer ${forged}`,
      "Bearer not-a-key",
      "Bearer",
      "Basic dGVzdDp0ZXN0",
      `${TEST_ADMIN_KEY}`,
    ]) {
      await expectUnauthorized(await listKeys(projectId, { Authorization: authorization }));
    }
  });

  it("a near miss of the admin key is rejected", async () => {
    await expectUnauthorized(await listKeys(uniqueProjectId(), bearer(`${TEST_ADMIN_KEY}x`)));
    await expectUnauthorized(await listKeys(uniqueProjectId(), bearer(TEST_ADMIN_KEY.slice(0, -1))));
  });

  it("revoked key: 401 on the very next request", async () => {
    const projectId = uniqueProjectId();
    const { id, key } = await createProjectKey(projectId);
    expect((await listKeys(projectId, bearer(key))).status).toBe(200);
    const revoke = await api(`/projects/${projectId}/api-keys/${id}`, { method: "DELETE", headers: bearer(key) });
    expect(revoke.status).toBe(204);
    await expectUnauthorized(await listKeys(projectId, bearer(key)));
  });

  it("another project's key: 403, and the answer is the same whether that project has keys or not", async () => {
    const mine = await createProjectKey(uniqueProjectId());
    const populated = uniqueProjectId();
    await createProjectKey(populated);
    const responses = [
      await listKeys(populated, bearer(mine.key)),
      await listKeys(uniqueProjectId(), bearer(mine.key)),
    ];
    const bodies = [];
    for (const res of responses) {
      expect(res.status).toBe(403);
      const { error } = ErrorEnvelopeSchema.parse(await res.json());
      bodies.push({ code: error.code, message: error.message });
    }
    expect(bodies[0]).toEqual({ code: "FORBIDDEN", message: expect.any(String) });
    expect(bodies[1]).toEqual(bodies[0]);
  });

  it("a project key cannot revoke another project's key", async () => {
    const projectA = uniqueProjectId();
    const projectB = uniqueProjectId();
    const keyA = await createProjectKey(projectA);
    const keyB = await createProjectKey(projectB);
    const crossPath = await api(`/projects/${projectB}/api-keys/${keyB.id}`, {
      method: "DELETE",
      headers: bearer(keyA.key),
    });
    expect(crossPath.status).toBe(403);
    // Through its own project's path, the other project's key id simply does not exist.
    const ownPath = await api(`/projects/${projectA}/api-keys/${keyB.id}`, {
      method: "DELETE",
      headers: bearer(keyA.key),
    });
    expect(ownPath.status).toBe(404);
    expect((await listKeys(projectB, bearer(keyB.key))).status).toBe(200);
  });

  it("admin: allowed on every project", async () => {
    const projectId = uniqueProjectId();
    const { id } = await createProjectKey(projectId);
    expect((await listKeys(projectId, bearer(TEST_ADMIN_KEY))).status).toBe(200);
    const revoke = await api(`/projects/${projectId}/api-keys/${id}`, {
      method: "DELETE",
      headers: bearer(TEST_ADMIN_KEY),
    });
    expect(revoke.status).toBe(204);
  });

  it("project key on the admin-only create route: 403, even for its own project", async () => {
    const projectId = uniqueProjectId();
    const { key } = await createProjectKey(projectId);
    for (const target of [projectId, uniqueProjectId()]) {
      const res = await api(`/projects/${target}/api-keys`, { method: "POST", headers: bearer(key) });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("FORBIDDEN");
    }
    const anonymous = await api(`/projects/${projectId}/api-keys`, { method: "POST" });
    await expectUnauthorized(anonymous);
  });

  it("invalid project ids: 400 before any credential is checked", async () => {
    for (const projectId of ["-leading-dash", "a.b", "x".repeat(65), "..%2Fetc", "a%2Fb", "%00x", "caf%C3%A9"]) {
      for (const init of [{}, { headers: bearer(TEST_ADMIN_KEY) }]) {
        const res = await api(`/projects/${projectId}/api-keys`, init);
        expect(res.status, projectId).toBe(400);
        expect(await errorCode(res)).toBe("BAD_REQUEST");
      }
    }
    const create = await api(`/projects/a.b/api-keys`, { method: "POST", headers: bearer(TEST_ADMIN_KEY) });
    expect(create.status).toBe(400);
  });

  it("D1 holds only a SHA-256 hash of each key, never the plaintext", async () => {
    const projectId = uniqueProjectId();
    const created = await createProjectKey(projectId);
    const { results } = await env.DB.prepare("SELECT * FROM api_keys WHERE project_id = ?").bind(projectId).all();
    expect(results).toHaveLength(1);
    const row = results[0] as Record<string, unknown>;
    for (const value of Object.values(row)) expect(String(value)).not.toContain(created.key);
    expect(JSON.stringify(row)).not.toContain(created.key.slice(created.prefix.length));
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(created.key));
    const expected = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    expect(row.key_hash).toBe(expected);
    expect(row.prefix).toBe(created.prefix);
  });
});
