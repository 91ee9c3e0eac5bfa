import { afterEach, describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { StreamTokenSchema } from "../../../worker/routes/stream-tokens/schema";
import { bearer, createProjectKey } from "../helpers/project-key";
import { api, createIngestJob, postJson, projectWithAsset, scriptIngest, waitForJob } from "./job-test-kit";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function streamToken(projectId: string, key: string) {
  const res = await api(`/projects/${projectId}/stream-tokens`, { method: "POST", headers: bearer(key) });
  expect(res.status).toBe(201);
  return StreamTokenSchema.parse(await res.json()).token;
}

const code = async (res: Response) => ErrorEnvelopeSchema.parse(await res.json()).error.code;

describe("job routes: access control", () => {
  it("require credentials on every route", async () => {
    const { projectId, assetId } = await projectWithAsset("sec");
    restore = scriptIngest(async () => ({}));
    const job = await createIngestJob(projectId, assetId);
    const routes: [string, RequestInit][] = [
      [`/projects/${projectId}/jobs`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }],
      [`/projects/${projectId}/jobs`, {}],
      [`/projects/${projectId}/jobs/${job.id}`, {}],
      [`/projects/${projectId}/jobs/${job.id}/cancel`, { method: "POST" }],
      [`/projects/${projectId}/jobs/${job.id}/events`, {}],
      [`/projects/${projectId}/jobs/${job.id}/ws`, { headers: { Upgrade: "websocket" } }],
    ];
    for (const [path, init] of routes) {
      const res = await api(path, init);
      expect(res.status, path).toBe(401);
      expect(await code(res)).toBe("UNAUTHORIZED");
    }
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
  });

  it("let a project key use its own project's jobs only", async () => {
    const { projectId, assetId } = await projectWithAsset("sec");
    const other = await projectWithAsset("sec");
    restore = scriptIngest(async () => ({}));
    const job = await createIngestJob(projectId, assetId);
    const own = (await createProjectKey(projectId)).key;
    const foreign = (await createProjectKey(other.projectId)).key;

    expect((await api(`/projects/${projectId}/jobs/${job.id}`, { headers: bearer(own) })).status).toBe(200);
    const denied = await api(`/projects/${projectId}/jobs/${job.id}`, { headers: bearer(foreign) });
    expect(denied.status).toBe(403);
    expect(await code(denied)).toBe("FORBIDDEN");
    const create = await postJson(
      `/projects/${projectId}/jobs`,
      { job_type: "ingest", payload: { asset_id: assetId } },
      bearer(foreign),
    );
    expect(create.status).toBe(403);
    // The key's own project cannot reach the job through its project either.
    const sideways = await api(`/projects/${other.projectId}/jobs/${job.id}`, { headers: bearer(foreign) });
    expect(sideways.status).toBe(404);
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
  });

  it("accept a stream token on the event routes only, and only for its project", async () => {
    const { projectId, assetId } = await projectWithAsset("sec");
    const other = await projectWithAsset("sec");
    restore = scriptIngest(async () => ({}));
    const job = await createIngestJob(projectId, assetId);
    await waitForJob(projectId, job.id, (j) => j.status === "completed");
    const token = encodeURIComponent(await streamToken(projectId, (await createProjectKey(projectId)).key));

    const events = await api(`/projects/${projectId}/jobs/${job.id}/events?access_token=${token}`);
    expect(events.status).toBe(200);
    expect(await events.text()).toContain(`"id":"${job.id}"`);
    const ws = await api(`/projects/${projectId}/jobs/${job.id}/ws?access_token=${token}`, {
      headers: { Upgrade: "websocket" },
    });
    expect(ws.status).toBe(101);
    ws.webSocket?.accept();
    ws.webSocket?.close(1000);

    expect((await api(`/projects/${projectId}/jobs/${job.id}?access_token=${token}`)).status).toBe(401);
    expect((await api(`/projects/${projectId}/jobs?access_token=${token}`)).status).toBe(401);
    const foreign = await api(`/projects/${other.projectId}/jobs/${job.id}/events?access_token=${token}`);
    expect(foreign.status).toBe(403);
  });

  it("reject malformed project ids with 400", async () => {
    const res = await api("/projects/-bad/jobs", { headers: bearer("test-admin-key") });
    expect(res.status).toBe(400);
  });
});
