import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { bearer, createProjectKey, uniqueProjectId } from "../helpers/project-key";
import { fileForm, mediaBytes, r2Objects, upload } from "./helpers";

const send = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`https://api.test${path}`, init));

let projectId: string;
let otherProjectId: string;
let ownKey: string;
let otherKey: string;
let videoId: string;

beforeAll(async () => {
  projectId = uniqueProjectId("sec");
  otherProjectId = uniqueProjectId("sec-other");
  ownKey = (await createProjectKey(projectId)).key;
  otherKey = (await createProjectKey(otherProjectId)).key;
  videoId = AssetSchema.parse(await (await upload(projectId, "videos", mediaBytes("mp4"), "a.mp4")).json()).asset_id;
});

/** Every project-scoped storage route, with a request that succeeds for an authorised caller. */
const projectRoutes = (): { name: string; method: string; path: string; body?: () => BodyInit; ok: number }[] => [
  {
    name: "upload video",
    method: "POST",
    path: `/projects/${projectId}/videos`,
    body: () => fileForm(mediaBytes("mp4"), "b.mp4"),
    ok: 201,
  },
  {
    name: "upload music",
    method: "POST",
    path: `/projects/${projectId}/music`,
    body: () => fileForm(mediaBytes("mp3"), "b.mp3"),
    ok: 201,
  },
  {
    name: "upload image",
    method: "POST",
    path: `/projects/${projectId}/images`,
    body: () => fileForm(mediaBytes("png"), "b.png"),
    ok: 201,
  },
  { name: "list videos", method: "GET", path: `/projects/${projectId}/videos`, ok: 200 },
  { name: "get video", method: "GET", path: `/projects/${projectId}/videos/${videoId}`, ok: 200 },
  { name: "video content", method: "GET", path: `/projects/${projectId}/videos/${videoId}/content`, ok: 200 },
  { name: "video thumbnail", method: "GET", path: `/projects/${projectId}/videos/${videoId}/thumbnail`, ok: 404 },
  { name: "list exports", method: "GET", path: `/projects/${projectId}/exports`, ok: 200 },
  {
    name: "export content",
    method: "GET",
    path: `/projects/${projectId}/exports/${crypto.randomUUID()}/content`,
    ok: 404,
  },
  { name: "delete export", method: "DELETE", path: `/projects/${projectId}/exports/${crypto.randomUUID()}`, ok: 404 },
  { name: "project stats", method: "GET", path: `/projects/${projectId}/storage/stats`, ok: 200 },
];

async function expectCode(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe(code);
}

describe("storage routes: authentication and tenant isolation", () => {
  it("401 without credentials or with an unknown key, on every route", async () => {
    for (const route of projectRoutes()) {
      await expectCode(await send(route.path, { method: route.method, body: route.body?.() }), 401, "UNAUTHORIZED");
      const wrong = { method: route.method, body: route.body?.(), headers: bearer("emk_not-a-real-key") };
      await expectCode(await send(route.path, wrong), 401, "UNAUTHORIZED");
    }
    await expectCode(await send(`/projects/${projectId}/storage`, { method: "DELETE" }), 401, "UNAUTHORIZED");
    await expectCode(await send(`/projects/${projectId}/videos/${videoId}`, { method: "DELETE" }), 401, "UNAUTHORIZED");
  });

  it("403 with another project's key, and nothing is read, written or deleted", async () => {
    for (const route of projectRoutes()) {
      const res = await send(route.path, { method: route.method, body: route.body?.(), headers: bearer(otherKey) });
      await expectCode(res, 403, "FORBIDDEN");
    }
    await expectCode(
      await send(`/projects/${projectId}/videos/${videoId}`, { method: "DELETE", headers: bearer(otherKey) }),
      403,
      "FORBIDDEN",
    );
    await expectCode(
      await send(`/projects/${projectId}/storage`, { method: "DELETE", headers: bearer(otherKey) }),
      403,
      "FORBIDDEN",
    );
    expect((await r2Objects(`projects/${projectId}/uploads/`)).length).toBeGreaterThanOrEqual(1);
    expect(await r2Objects(`projects/${otherProjectId}/`)).toEqual([]);
  });

  it("the project's own key works on every route", async () => {
    for (const route of projectRoutes()) {
      const res = await send(route.path, { method: route.method, body: route.body?.(), headers: bearer(ownKey) });
      expect(res.status, route.name).toBe(route.ok);
    }
  });

  it("a project key cannot reach its own asset ids through another project's path", async () => {
    const res = await send(`/projects/${otherProjectId}/videos/${videoId}/content`, { headers: bearer(otherKey) });
    await expectCode(res, 404, "NOT_FOUND");
  });

  it("400 for a malformed project id on every route, before auth or storage", async () => {
    for (const route of projectRoutes()) {
      const path = route.path.replace(projectId, "bad.id");
      await expectCode(
        await send(path, { method: route.method, body: route.body?.(), headers: bearer(ownKey) }),
        400,
        "BAD_REQUEST",
      );
    }
  });

  it("GET /storage/stats is admin-only", async () => {
    await expectCode(await send("/storage/stats"), 401, "UNAUTHORIZED");
    await expectCode(await send("/storage/stats", { headers: bearer(ownKey) }), 403, "FORBIDDEN");
    expect((await send("/storage/stats", { headers: bearer("test-admin-key") })).status).toBe(200);
  });

  it("the own key can delete its video and wipe its project", async () => {
    const res = await send(`/projects/${projectId}/videos/${videoId}`, { method: "DELETE", headers: bearer(ownKey) });
    expect(res.status).toBe(204);
    const wipe = await send(`/projects/${projectId}/storage`, { method: "DELETE", headers: bearer(ownKey) });
    expect(wipe.status).toBe(200);
    expect(await r2Objects(`projects/${projectId}/`)).toEqual([]);
  });
});
