import { describe, expect, it } from "vitest";
import { resolveAuthMode, tokenSigningSecret } from "../../../worker/auth/auth-mode";
import { parseSettings } from "../../../worker/env";
import { mintDirectUploadToken, mintUploadToken } from "../../../worker/uploads/upload-tokens";
import { bearer, createProjectKey, errorCode, uniqueProjectId } from "../helpers/project-key";
import {
  call,
  createUpload,
  directUpload,
  expectHeadStatus,
  expectTusError,
  head,
  idsOf,
  mediaBytes,
  newUpload,
  patch,
  TUS,
} from "./tus-kit";

async function testSecret(): Promise<string> {
  const settings = parseSettings({ DEPLOY_ENV: "test", ADMIN_API_KEY: "test-admin-key" });
  expect(resolveAuthMode(settings).kind).toBe("enforced");
  return (await tokenSigningSecret(settings))!;
}

const withToken = (path: string, token: string) => `https://api.test${path}?token=${encodeURIComponent(token)}`;

describe("tus route security", { timeout: 60_000 }, () => {
  it("every tus verb needs credentials (401); OPTIONS discovery does not", async () => {
    const projectId = uniqueProjectId();
    const location = await newUpload(projectId, { length: 100 });
    await expectTusError(await createUpload(projectId, { length: 100, auth: null }), 401, "UNAUTHORIZED");
    expectHeadStatus(await head(location, null), 401);
    await expectTusError(await patch(location, 0, new Uint8Array(1), { auth: null }), 401, "UNAUTHORIZED");
    await expectTusError(await call(location, { method: "DELETE", headers: TUS }, null), 401, "UNAUTHORIZED");
    expect(await errorCode(await call(`/projects/${projectId}/uploads/direct`, { method: "POST" }, null))).toBe(
      "UNAUTHORIZED",
    );
    expect((await call(`/projects/${projectId}/uploads`, { method: "OPTIONS" }, null)).status).toBe(204);
  });

  it("another project's key gets 403, and an upload id under another project is unknown", async () => {
    const projectA = uniqueProjectId("a");
    const projectB = uniqueProjectId("b");
    const keyB = await createProjectKey(projectB);
    const location = await newUpload(projectA, { length: 100 });
    await expectTusError(await patch(location, 0, new Uint8Array(1), { auth: bearer(keyB.key) }), 403, "FORBIDDEN");
    expectHeadStatus(await head(location, bearer(keyB.key)), 403);
    // Project B's key on its own project, with project A's upload id: a different object, nothing there.
    const { uploadId } = idsOf(location);
    const foreign = `/projects/${projectB}/uploads/${uploadId}`;
    await expectTusError(await call(foreign, {}, bearer(keyB.key)), 404, "NOT_FOUND");
    await expectTusError(await patch(foreign, 0, mediaBytes("mp4", 10), { auth: bearer(keyB.key) }), 404, "NOT_FOUND");
  });

  it("a project key can run a whole upload on its own project", async () => {
    const projectId = uniqueProjectId();
    const key = await createProjectKey(projectId);
    const bytes = mediaBytes("mp4", 500);
    const res = await createUpload(projectId, { length: bytes.length, body: bytes, auth: bearer(key.key) });
    expect(res.status).toBe(201);
    expect(res.headers.get("asset-id")).toBeTruthy();
  });

  it("a direct upload token is scoped to its project", async () => {
    const projectA = uniqueProjectId("a");
    const direct = await directUpload(projectA);
    const token = new URL(direct.upload_url).searchParams.get("token")!;
    const other = await createUpload("other-project", {
      length: 100,
      url: withToken("/projects/other-project/uploads", token),
      auth: null,
    });
    await expectTusError(other, 403, "FORBIDDEN");
  });

  it("a direct token opens nothing else: not an upload, not the project's other routes", async () => {
    const projectId = uniqueProjectId();
    const direct = await directUpload(projectId);
    const token = new URL(direct.upload_url).searchParams.get("token")!;
    const created = await createUpload(projectId, { length: 100, url: direct.upload_url, auth: null });
    const { uploadId } = idsOf(created.headers.get("location")!);
    // Wrong purpose on an upload URL, even its own upload.
    expectHeadStatus(await head(withToken(`/projects/${projectId}/uploads/${uploadId}`, token), null), 401);
    const videos = await call(withToken(`/projects/${projectId}/videos`, token), {}, null);
    expect([videos.status, await errorCode(videos)]).toEqual([401, "UNAUTHORIZED"]);
    const another = await call(withToken(`/projects/${projectId}/uploads/direct`, token), { method: "POST" }, null);
    expect([another.status, await errorCode(another)]).toEqual([401, "UNAUTHORIZED"]);
  });

  it("an upload token is scoped to its one upload and cannot create uploads", async () => {
    const projectId = uniqueProjectId();
    const first = await createUpload(projectId, {
      length: 100,
      url: (await directUpload(projectId)).upload_url,
      auth: null,
    });
    const second = await newUpload(projectId, { length: 100 });
    const token = new URL(first.headers.get("location")!).searchParams.get("token")!;
    const secondPath = new URL(second).pathname;
    await expectTusError(
      await patch(withToken(secondPath, token), 0, new Uint8Array(1), { auth: null }),
      403,
      "FORBIDDEN",
    );
    await expectTusError(
      await createUpload(projectId, {
        length: 100,
        url: withToken(`/projects/${projectId}/uploads`, token),
        auth: null,
      }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("rejects expired, tampered and foreign-secret tokens with 401", async () => {
    const projectId = uniqueProjectId();
    const secret = await testSecret();
    const uploadId = "f".repeat(32);
    const expired = await mintDirectUploadToken(secret, {
      projectId,
      uploadId,
      maxSize: null,
      expiresAt: new Date(Date.now() - 1000),
    });
    const body = await expectTusError(
      await createUpload(projectId, {
        length: 100,
        url: withToken(`/projects/${projectId}/uploads`, expired),
        auth: null,
      }),
      401,
      "UNAUTHORIZED",
    );
    expect(body.error.message).toContain("expired");
    const valid = await mintDirectUploadToken(secret, {
      projectId,
      uploadId,
      maxSize: null,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const [claims, signature] = valid.split(".");
    const tampered = `${claims}x.${signature}`;
    await expectTusError(
      await createUpload(projectId, {
        length: 100,
        url: withToken(`/projects/${projectId}/uploads`, tampered),
        auth: null,
      }),
      401,
      "UNAUTHORIZED",
    );
    const foreign = await mintDirectUploadToken("another-secret-of-at-least-32-characters!", {
      projectId,
      uploadId,
      maxSize: null,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await expectTusError(
      await createUpload(projectId, {
        length: 100,
        url: withToken(`/projects/${projectId}/uploads`, foreign),
        auth: null,
      }),
      401,
      "UNAUTHORIZED",
    );
    const uploadToken = await mintUploadToken(secret, { projectId, uploadId, expiresAt: new Date(Date.now() - 1000) });
    expectHeadStatus(await head(withToken(`/projects/${projectId}/uploads/${uploadId}`, uploadToken), null), 401);
  });

  it("a malformed or traversal project id is refused before anything runs", async () => {
    await expectTusError(
      await createUpload("x", { length: 100, url: "https://api.test/projects/bad$id/uploads" }),
      400,
      "BAD_REQUEST",
    );
    await expectTusError(
      await createUpload("x", { length: 100, url: "https://api.test/projects/a%2Fb/uploads" }),
      400,
      "BAD_REQUEST",
    );
    // `..` is resolved by URL parsing: the request is for /uploads, which does not exist.
    const dotdot = await createUpload("x", { length: 100, url: "https://api.test/projects/%2E%2E/uploads" });
    expect(dotdot.status).toBe(404);
  });

  it("the client's file name never reaches the storage key", async () => {
    const projectId = uniqueProjectId();
    const bytes = mediaBytes("mp4", 300);
    const res = await createUpload(projectId, { length: bytes.length, body: bytes, filename: "../../other/evil.mp4" });
    expect(res.status).toBe(201);
    const { env } = await import("cloudflare:test");
    const listed = await env.BUCKET.list({ prefix: "projects/" });
    const mine = listed.objects.filter((object) => object.key.startsWith(`projects/${projectId}/`));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.key).toMatch(new RegExp(`^projects/${projectId}/uploads/\\d{8}T\\d{6}-[0-9a-f]{16}\\.mp4$`));
    expect(listed.objects.some((object) => object.key.includes("evil"))).toBe(false);
  });
});
