import { describe, expect, it } from "vitest";
import { bearer, createProjectKey, errorCode } from "../helpers/project-key";
import { api, projectWithVideo } from "./ai-kit";
import { seedSceneRun, seedTranscript } from "./ai-seed";

const anonymous = (path: string, headers: Record<string, string> = {}) =>
  api(path, { headers: { Authorization: "", ...headers } });

async function seeded() {
  const video = await projectWithVideo();
  const transcript = await seedTranscript(video.projectId, video.assetId);
  await seedSceneRun(transcript, { tone: null, criteria: null });
  const base = `/projects/${video.projectId}/videos/${video.assetId}/ai`;
  return { ...video, routes: [`${base}/transcript`, `${base}/transcript?format=srt`, `${base}/scenes`] };
}

describe("AI routes are project-scoped", () => {
  it("answer 401 without or with a wrong credential", async () => {
    const { routes } = await seeded();
    for (const route of routes) {
      const res = await anonymous(route);
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect((await anonymous(route, bearer("emk_not-a-key"))).status).toBe(401);
    }
  });

  it("open to the project's own key, 403 for another project's key", async () => {
    const { projectId, routes } = await seeded();
    const own = await createProjectKey(projectId);
    const foreign = await createProjectKey(`other-${crypto.randomUUID()}`);
    for (const route of routes) {
      expect((await anonymous(route, bearer(own.key))).status).toBe(200);
      const res = await anonymous(route, bearer(foreign.key));
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("FORBIDDEN");
    }
  });

  it("a key cannot read another project's transcript by putting its own project in the path", async () => {
    const victim = await seeded();
    const attacker = await projectWithVideo();
    const key = await createProjectKey(attacker.projectId);
    const res = await anonymous(
      `/projects/${attacker.projectId}/videos/${victim.assetId}/ai/transcript`,
      bearer(key.key),
    );
    expect(res.status).toBe(404);
  });

  it("a stream token does not open the AI routes", async () => {
    const { projectId, routes } = await seeded();
    const minted = await api(`/projects/${projectId}/stream-tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    const { token } = (await minted.json()) as { token: string };
    for (const route of routes) {
      const joiner = route.includes("?") ? "&" : "?";
      expect((await anonymous(`${route}${joiner}access_token=${encodeURIComponent(token)}`)).status).toBe(401);
      expect((await anonymous(route, bearer(token))).status).toBe(401);
    }
  });

  it("rejects a malformed project id with 400 and traversal-shaped asset ids with 404", async () => {
    const { assetId } = await seeded();
    expect((await api(`/projects/-bad/videos/${assetId}/ai/transcript`)).status).toBe(400);
    const { projectId } = await seeded();
    for (const id of ["..%2F..%2Fx", "%2E%2E", "a%00b"]) {
      expect((await api(`/projects/${projectId}/videos/${id}/ai/scenes`)).status).toBe(404);
    }
  });
});
