import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app";
import { tokenSigningSecret } from "../../../worker/auth/auth-mode";
import { signToken } from "../../../worker/auth/signed-token";
import { mintStreamToken } from "../../../worker/auth/stream-token";
import { parseSettings } from "../../../worker/env";
import { requireProjectStreamAccess } from "../../../worker/middleware/auth";
import { StreamTokenSchema } from "../../../worker/routes/stream-tokens/schema";
import { bearer, createProjectKey, errorCode, TEST_ADMIN_KEY, uniqueProjectId } from "../helpers/project-key";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://api.test${path}`, init));

// The job event routes arrive with the jobs feature; this probe route uses the same middleware they declare.
const app = createApp();
app.get("/projects/:project_id/stream-probe", requireProjectStreamAccess, (c) => c.json(c.get("principal")));
const probe = (projectId: string, query = "", headers: Record<string, string> = {}) =>
  app.request(`https://api.test/projects/${projectId}/stream-probe${query}`, { headers }, env);

async function mint(projectId: string, key: string, body?: unknown) {
  const res = await api(`/projects/${projectId}/stream-tokens`, {
    method: "POST",
    headers: { ...bearer(key), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res;
}

let secret: string;
beforeAll(async () => {
  const value = await tokenSigningSecret(parseSettings(env));
  if (!value) throw new Error("tests run with ADMIN_API_KEY, so a signing secret must exist");
  secret = value;
});

describe("stream tokens", () => {
  it("a project key mints a token (15 minutes by default) that opens that project's streams", async () => {
    const projectId = uniqueProjectId();
    const { key } = await createProjectKey(projectId);
    const res = await mint(projectId, key);
    expect(res.status).toBe(201);
    const body = StreamTokenSchema.parse(await res.json());
    expect(body.project_id).toBe(projectId);
    expect(body.expires_in).toBe(900);
    const lifetime = Date.parse(body.expires_at) - Date.now();
    expect(lifetime).toBeGreaterThan(890_000);
    expect(lifetime).toBeLessThanOrEqual(900_000);

    const opened = await probe(projectId, `?access_token=${encodeURIComponent(body.token)}`);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ kind: "stream_token", projectId });
  });

  it("honours a shorter ttl and rejects one above 900 s or of the wrong type", async () => {
    const projectId = uniqueProjectId();
    const short = StreamTokenSchema.parse(await (await mint(projectId, TEST_ADMIN_KEY, { ttl_seconds: 60 })).json());
    expect(short.expires_in).toBe(60);
    for (const ttl of [901, 0, "60", 1.5]) {
      const res = await mint(projectId, TEST_ADMIN_KEY, { ttl_seconds: ttl });
      expect(res.status, String(ttl)).toBe(422);
      expect(await errorCode(res)).toBe("VALIDATION_ERROR");
    }
  });

  it("minting needs a key of the project: none 401, another project's 403", async () => {
    const projectId = uniqueProjectId();
    const other = await createProjectKey(uniqueProjectId());
    const anonymous = await api(`/projects/${projectId}/stream-tokens`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    expect((await mint(projectId, other.key)).status).toBe(403);
  });

  it("a stream token cannot mint another token or open non-stream routes", async () => {
    const projectId = uniqueProjectId();
    const { token } = await mintStreamToken(secret, projectId, 300);
    const query = `?access_token=${encodeURIComponent(token)}`;
    expect((await api(`/projects/${projectId}/stream-tokens${query}`, { method: "POST" })).status).toBe(401);
    expect((await api(`/projects/${projectId}/api-keys${query}`)).status).toBe(401);
    expect((await api(`/projects/${projectId}/api-keys`, { headers: bearer(token) })).status).toBe(401);
  });

  it("expired token: 401", async () => {
    const projectId = uniqueProjectId();
    const { token } = await mintStreamToken(secret, projectId, 60, new Date(Date.now() - 61_000));
    const res = await probe(projectId, `?access_token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer\b/);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: "Stream token expired" } });
  });

  it("tampered token: 401, whether the claims or the signature were changed", async () => {
    const projectId = uniqueProjectId();
    const { token } = await mintStreamToken(secret, projectId, 300);
    const [body, signature] = token.split(".") as [string, string];
    const claims = JSON.parse(atob(body.replaceAll("-", "+").replaceAll("_", "/")));
    const forgedBody = btoa(JSON.stringify({ ...claims, project_id: "victim" })).replace(/=+$/, "");
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    const forgeries = [
      `${forgedBody}.${signature}`,
      `${flip(body, 3)}.${signature}`,
      `${body}.${flip(signature, 5)}`,
      `${body}.`,
      body,
      "",
      "a.b.c",
    ];
    for (const forged of forgeries) {
      const res = await probe(projectId, `?access_token=${encodeURIComponent(forged)}`);
      expect(res.status, forged).toBe(401);
    }
    expect((await probe("victim", `?access_token=${encodeURIComponent(`${forgedBody}.${signature}`)}`)).status).toBe(
      401,
    );
  });

  it("a token signed with another secret or for another purpose is refused", async () => {
    const projectId = uniqueProjectId();
    const exp = Math.floor(Date.now() / 1000) + 300;
    const foreign = await signToken("x".repeat(40), { purpose: "stream", exp, project_id: projectId });
    const upload = await signToken(secret, { purpose: "upload", exp, project_id: projectId });
    for (const token of [foreign, upload]) {
      expect((await probe(projectId, `?access_token=${encodeURIComponent(token)}`)).status).toBe(401);
    }
  });

  it("a correctly signed token claiming more than 15 minutes is refused", async () => {
    const projectId = uniqueProjectId();
    const exp = Math.floor(Date.now() / 1000) + 24 * 3600;
    const longLived = await signToken(secret, { purpose: "stream", exp, project_id: projectId });
    expect((await probe(projectId, `?access_token=${encodeURIComponent(longLived)}`)).status).toBe(401);
  });

  it("a token is scoped to one project: 403 elsewhere", async () => {
    const { token } = await mintStreamToken(secret, uniqueProjectId(), 300);
    const res = await probe(uniqueProjectId(), `?access_token=${encodeURIComponent(token)}`);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("FORBIDDEN");
  });

  it("stream routes still take bearer keys, and a bad header is not rescued by a valid token", async () => {
    const projectId = uniqueProjectId();
    const { key, id } = await createProjectKey(projectId);
    const res = await probe(projectId, "", bearer(key));
    expect(await res.json()).toEqual({ kind: "project", projectId, keyId: id });
    const { token } = await mintStreamToken(secret, projectId, 300);
    const mixed = await probe(projectId, `?access_token=${encodeURIComponent(token)}`, bearer("wrong"));
    expect(mixed.status).toBe(401);
    expect((await probe(projectId)).status).toBe(401);
  });
});
