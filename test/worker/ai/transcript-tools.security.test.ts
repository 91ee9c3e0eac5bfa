import { describe, expect, it } from "vitest";
import { bearer, createProjectKey, errorCode } from "../helpers/project-key";
import { api, projectWithVideo } from "./ai-kit";
import { seedLesson } from "./lesson-seed";

const anonymous = (path: string, init: RequestInit = {}) =>
  api(path, { ...init, headers: { Authorization: "", ...init.headers } });

/** Every route of transcripts' tools, as [method, path, body]. */
async function seeded() {
  const video = await projectWithVideo();
  await seedLesson(video.projectId, video.assetId, ["Chlorophyll absorbs light."]);
  const project = `/projects/${video.projectId}`;
  const base = `${project}/videos/${video.assetId}/ai`;
  const routes: [string, string, string?][] = [
    ["GET", `${base}/transcript?granularity=word`],
    ["GET", `${base}/transcript?language=de&format=vtt`],
    ["GET", `${base}/transcript/languages`],
    ["GET", `${base}/chapters`],
    ["GET", `${base}/chapters?format=vtt`],
    ["GET", `${project}/glossary`],
    ["PUT", `${project}/glossary`, JSON.stringify({ terms: ["chlorophyll"] })],
    ["GET", `${project}/search?q=chlorophyll`],
  ];
  return { ...video, routes };
}

const call = ([method, path, body]: [string, string, string?], headers: Record<string, string>) =>
  anonymous(path, { method, body, headers: { ...headers, ...(body ? { "Content-Type": "application/json" } : {}) } });

describe("transcript tools are project-scoped", () => {
  it("answer 401 without or with a wrong credential", async () => {
    const { routes } = await seeded();
    for (const route of routes) {
      const res = await call(route, {});
      expect(res.status, route[1]).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect((await call(route, bearer("emk_not-a-key"))).status).toBe(401);
    }
  });

  it("open to the project's own key, 403 for another project's key", async () => {
    const { projectId, routes } = await seeded();
    const own = await createProjectKey(projectId);
    const foreign = await createProjectKey(`other-${crypto.randomUUID()}`);
    for (const route of routes) {
      // A route that finds nothing yet (no chapters, no translation) is still open: 404, not 401 or 403.
      expect([200, 404], route[1]).toContain((await call(route, bearer(own.key))).status);
      const res = await call(route, bearer(foreign.key));
      expect(res.status, route[1]).toBe(403);
      expect(await errorCode(res)).toBe("FORBIDDEN");
    }
  });

  it("a key cannot reach another project's transcript, glossary or search hits through its own project", async () => {
    const victim = await seeded();
    const attacker = await projectWithVideo();
    const key = bearer((await createProjectKey(attacker.projectId)).key);
    const base = `/projects/${attacker.projectId}/videos/${victim.assetId}/ai`;
    expect((await call(["GET", `${base}/transcript/languages`], key)).status).toBe(404);
    expect((await call(["GET", `${base}/chapters`], key)).status).toBe(404);
    const search = await call(["GET", `/projects/${attacker.projectId}/search?q=chlorophyll`], key);
    expect(search.status).toBe(200);
    expect(((await search.json()) as { hits: unknown[] }).hits).toEqual([]);
    await call(["PUT", `/projects/${attacker.projectId}/glossary`, JSON.stringify({ terms: ["attack"] })], key);
    const glossary = await api(`/projects/${victim.projectId}/glossary`);
    expect(((await glossary.json()) as { terms: string[] }).terms).toEqual([]);
  });

  it("a stream token does not open them", async () => {
    const { projectId, routes } = await seeded();
    const minted = await api(`/projects/${projectId}/stream-tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const { token } = (await minted.json()) as { token: string };
    for (const route of routes) {
      const joiner = route[1].includes("?") ? "&" : "?";
      const withQuery: [string, string, string?] = [
        route[0],
        `${route[1]}${joiner}access_token=${encodeURIComponent(token)}`,
        route[2],
      ];
      expect((await call(withQuery, {})).status, route[1]).toBe(401);
      expect((await call(route, bearer(token))).status, route[1]).toBe(401);
    }
  });
});
