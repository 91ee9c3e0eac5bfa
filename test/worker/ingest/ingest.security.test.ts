import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bearer, createProjectKey, errorCode, uniqueProjectId } from "../helpers/project-key";
import { postJson, waitForJob } from "../jobs/job-test-kit";
import { ADMIN, api, INGEST_TIMEOUT_MS, TEST_TIMEOUT_MS, uploadedVideo, uploadFixture } from "./ingest-kit";

const jobCount = async (projectId: string) =>
  env.DB.prepare("SELECT COUNT(*) AS n FROM jobs WHERE project_id = ?").bind(projectId).first<number>("n");

describe("ingest security", { timeout: TEST_TIMEOUT_MS }, () => {
  it("an upload without valid credentials stores nothing and starts no job", async () => {
    const projectId = uniqueProjectId("ingest-sec");
    for (const headers of [{}, bearer("emk_not-a-real-key"), bearer(`${"x".repeat(40)}`)]) {
      const res = await uploadFixture(projectId, "video.mp4", "lesson.mp4", headers);
      expect(res.status).toBe(401);
    }
    const other = await createProjectKey(uniqueProjectId("ingest-sec"));
    const foreign = await uploadFixture(projectId, "video.mp4", "lesson.mp4", bearer(other.key));
    expect(foreign.status).toBe(403);
    expect(await errorCode(foreign)).toBe("FORBIDDEN");
    expect(await jobCount(projectId)).toBe(0);
    expect((await env.BUCKET.list({ prefix: `projects/${projectId}/` })).objects).toHaveLength(0);
  });

  it("a project key's upload starts an ingest job only that project can see", async () => {
    const [projectId, otherId] = [uniqueProjectId("ingest-sec"), uniqueProjectId("ingest-sec")];
    const [key, otherKey] = await Promise.all([createProjectKey(projectId), createProjectKey(otherId)]);
    const res = await uploadFixture(projectId, "video.mp4", "lesson.mp4", bearer(key.key));
    expect(res.status).toBe(201);
    const { ingest_job_id: jobId } = (await res.json()) as { ingest_job_id: string };
    expect((await api(`/projects/${projectId}/jobs/${jobId}`, { headers: bearer(key.key) })).status).toBe(200);
    expect((await api(`/projects/${projectId}/jobs/${jobId}`, { headers: bearer(otherKey.key) })).status).toBe(403);
    // Through its own project path the other key finds nothing either.
    expect((await api(`/projects/${otherId}/jobs/${jobId}`, { headers: bearer(otherKey.key) })).status).toBe(404);
  });

  it("on-demand ingest of another project's asset is 404 and creates no job", async () => {
    const [projectId, victimId] = [uniqueProjectId("ingest-sec"), uniqueProjectId("ingest-sec")];
    const victim = await uploadedVideo(victimId, "video.mp4");
    const key = await createProjectKey(projectId);
    const res = await postJson(
      `/projects/${projectId}/jobs`,
      { job_type: "ingest", payload: { asset_id: victim.asset_id } },
      bearer(key.key),
    );
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("NOT_FOUND");
    expect(await jobCount(projectId)).toBe(0);
    // And another project's key cannot reach the victim's project at all.
    const direct = await postJson(
      `/projects/${victimId}/jobs`,
      { job_type: "ingest", payload: { asset_id: victim.asset_id } },
      bearer(key.key),
    );
    expect(direct.status).toBe(403);
    expect(await jobCount(victimId)).toBe(1);
  });

  it.each([
    [{ asset_id: "../../uploads/x" }],
    [{ asset_id: "a/b" }],
    [{ asset_id: "" }],
    [{ asset_id: 42 }],
    [{ asset_id: "x".repeat(129) }],
    [{ asset_id: "ok", extra: true }],
    [{}],
  ])("rejects the ingest payload %j with 422 before touching storage", async (payload) => {
    const projectId = uniqueProjectId("ingest-sec");
    const res = await postJson(`/projects/${projectId}/jobs`, { job_type: "ingest", payload });
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe("VALIDATION_ERROR");
    expect(await jobCount(projectId)).toBe(0);
  });

  it.each([
    "thumbnail",
    "storyboard",
    "storyboard/sprite",
  ])("%s: another project's video is 404 through one's own project, 403 through its own; 401 without a key", async (route) => {
    const [projectId, victimId] = [uniqueProjectId("ingest-sec"), uniqueProjectId("ingest-sec")];
    const victim = await uploadedVideo(victimId, "video.mp4");
    await waitForJob(victimId, victim.ingest_job_id!, (j) => j.status === "completed", INGEST_TIMEOUT_MS);
    const path = `/projects/${victimId}/videos/${victim.asset_id}/${route}`;
    expect((await api(path, { headers: ADMIN })).status).toBe(200);

    const key = await createProjectKey(projectId);
    const own = await api(`/projects/${projectId}/videos/${victim.asset_id}/${route}`, { headers: bearer(key.key) });
    expect(own.status).toBe(404);
    expect((await api(path, { headers: bearer(key.key) })).status).toBe(403);
    expect((await api(path)).status).toBe(401);
    const malformed = await api(`/projects/-${victimId}/videos/${victim.asset_id}/${route}`, { headers: ADMIN });
    expect(malformed.status).toBe(400);
  });
});
