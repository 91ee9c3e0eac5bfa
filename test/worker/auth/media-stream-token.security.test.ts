import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { tokenSigningSecret } from "../../../worker/auth/auth-mode";
import { mintStreamToken } from "../../../worker/auth/stream-token";
import { createDb } from "../../../worker/db/client";
import { assets } from "../../../worker/db/schema/assets";
import { parseSettings } from "../../../worker/env";
import { api, projectWithVideo } from "../ai/ai-kit";
import { bearer, createProjectKey, errorCode } from "../helpers/project-key";

// A <video src> or <img src> cannot send a header: a project's stream token in `?access_token=` opens its
// videos' media reads (content with Range, thumbnail, storyboard and sprite), and nothing else.

/** Exactly these credentials: the kit's `api` adds the admin key unless the header is overridden. */
const anonymous = (path: string, init: RequestInit = {}) =>
  api(path, { ...init, headers: { Authorization: "", ...init.headers } });
const withToken = (path: string, token: string) => `${path}?access_token=${encodeURIComponent(token)}`;

let secret: string;
beforeAll(async () => {
  const value = await tokenSigningSecret(parseSettings(env));
  if (!value) throw new Error("tests run with ADMIN_API_KEY, so a signing secret must exist");
  secret = value;
});

/** A video whose poster and storyboard exist, as ingest leaves them. */
async function videoWithMedia() {
  const video = await projectWithVideo("video.mp4", "media-token");
  const prefix = `${video.key}.derived`;
  const storyboardKey = `${prefix}/storyboard.json`;
  await env.BUCKET.put(`${prefix}/thumbnail.jpg`, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
  await env.BUCKET.put(`${prefix}/storyboard.jpg`, new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
  const map = { sprite: "storyboard.jpg", duration: 2, tile_width: 160, tile_height: 90, columns: 1, rows: 1 };
  await env.BUCKET.put(storyboardKey, JSON.stringify({ ...map, tiles: [{ start: 0, x: 0, y: 0 }] }));
  await createDb(env.DB)
    .update(assets)
    .set({ thumbnailKey: `${prefix}/thumbnail.jpg`, storyboardKey })
    .where(eq(assets.id, video.assetId));
  const base = `/projects/${video.projectId}/videos/${video.assetId}`;
  const media = [`${base}/content`, `${base}/thumbnail`, `${base}/storyboard`, `${base}/storyboard/sprite`];
  return { ...video, base, media };
}

describe("a stream token on a video's media reads", () => {
  it("opens content (with Range and HEAD), thumbnail, storyboard and sprite of its project", async () => {
    const { projectId, base, media } = await videoWithMedia();
    const { token } = await mintStreamToken(secret, projectId, 300);
    for (const path of media) {
      const res = await anonymous(withToken(path, token));
      expect(res.status, path).toBe(200);
      await res.body?.cancel();
    }
    const range = await anonymous(withToken(`${base}/content`, token), { headers: { Range: "bytes=0-99" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("Content-Range")).toMatch(/^bytes 0-99\/\d+$/);
    expect((await range.arrayBuffer()).byteLength).toBe(100);
    const head = await anonymous(withToken(`${base}/content`, token), { method: "HEAD" });
    expect(head.status).toBe(200);
    const storyboard = (await (await anonymous(withToken(`${base}/storyboard`, token))).json()) as { sprite: string };
    expect(storyboard.sprite).toBe(`${base}/storyboard/sprite`);
  });

  it("without a credential, with a wrong key or a malformed token: 401", async () => {
    const { media } = await videoWithMedia();
    for (const path of media) {
      const none = await anonymous(path);
      expect(none.status, path).toBe(401);
      expect(none.headers.get("WWW-Authenticate"), path).toMatch(/^Bearer/);
      expect((await anonymous(path, { headers: bearer("emk_not-a-key") })).status, path).toBe(401);
      expect((await anonymous(withToken(path, "not-a-token"))).status, path).toBe(401);
    }
  });

  it("another project's token or key: 403; its own token on another project's video through its path: 404", async () => {
    const victim = await videoWithMedia();
    const attacker = await projectWithVideo("video.mp4", "media-token");
    const { token } = await mintStreamToken(secret, attacker.projectId, 300);
    const foreignKey = await createProjectKey(attacker.projectId);
    for (const path of victim.media) {
      const res = await anonymous(withToken(path, token));
      expect(res.status, path).toBe(403);
      expect(await errorCode(res)).toBe("FORBIDDEN");
      expect((await anonymous(path, { headers: bearer(foreignKey.key) })).status, path).toBe(403);
      const through = path.replace(`/projects/${victim.projectId}/`, `/projects/${attacker.projectId}/`);
      expect((await anonymous(withToken(through, token))).status, through).toBe(404);
    }
  });

  it("an expired token: 401 with its reason", async () => {
    const { projectId, media } = await videoWithMedia();
    const { token } = await mintStreamToken(secret, projectId, 60, new Date(Date.now() - 61_000));
    for (const path of media) {
      const res = await anonymous(withToken(path, token));
      expect(res.status, path).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: "Stream token expired" } });
    }
  });

  it("opens nothing else of the project: not the video's record, list, captions, writes or keys", async () => {
    const { projectId, base } = await videoWithMedia();
    const { token } = await mintStreamToken(secret, projectId, 300);
    const project = `/projects/${projectId}`;
    const others: [string, string][] = [
      ["GET", base],
      ["GET", `${project}/videos`],
      ["GET", `${base}/ai/transcript`],
      ["GET", `${base}/ai/scenes`],
      ["DELETE", base],
      ["POST", `${project}/jobs`],
      ["POST", `${project}/stream-tokens`],
      ["GET", `${project}/api-keys`],
      ["POST", `${project}/uploads`],
    ];
    for (const [method, path] of others) {
      const joiner = path.includes("?") ? "&" : "?";
      const res = await anonymous(`${path}${joiner}access_token=${encodeURIComponent(token)}`, { method });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    // The video is still there: the refused DELETE did nothing.
    expect((await api(`${base}/content`, { method: "HEAD" })).status).toBe(200);
  });

  it("a stream token sent as the bearer is not a key: 401", async () => {
    const { projectId, media } = await videoWithMedia();
    const { token } = await mintStreamToken(secret, projectId, 300);
    for (const path of media) expect((await anonymous(path, { headers: bearer(token) })).status, path).toBe(401);
  });

  it("the OpenAPI document lists the stream token as an alternative on exactly these reads", async () => {
    const doc = (await (await api("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    const withStreamToken = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.security?.some((requirement) => "streamToken" in requirement))
        .map(([method]) => `${method} ${path}`),
    );
    const video = "/projects/{project_id}/videos/{asset_id}";
    const media = ["content", "thumbnail", "storyboard/sprite"].flatMap((file) =>
      ["get", "head"].map((method) => `${method} ${video}/${file}`),
    );
    media.push(`get ${video}/storyboard`);
    expect(withStreamToken).toEqual(expect.arrayContaining(media));
    // Besides those, only the event streams.
    const rest = withStreamToken.filter((entry) => !media.includes(entry));
    expect(rest.length).toBeGreaterThan(0);
    for (const entry of rest)
      expect(entry, entry).toMatch(/^get \/projects\/\{project_id\}\/(jobs\/\{job_id\}\/)?(events|events\/ws|ws)$/);
  });
});
