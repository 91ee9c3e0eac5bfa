import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { bearer, createProjectKey, uniqueProjectId } from "../helpers/project-key";
import { api, seedAsset } from "./export-kit";

const createWith = (key: string, projectId: string, payload: unknown) =>
  api(`/projects/${projectId}/jobs`, {
    method: "POST",
    headers: { ...bearer(key), "Content-Type": "application/json" },
    body: JSON.stringify({ job_type: "export", payload }),
  });

describe("export jobs and routes: security", () => {
  it("a timeline cannot reach another project's videos, music or images, and learns nothing about them", async () => {
    const projectId = uniqueProjectId("exs");
    const otherId = uniqueProjectId("exs-other");
    const key = (await createProjectKey(projectId)).key;
    const own = await seedAsset(projectId, "clip-red.mp4");
    const [video, music, image] = await Promise.all([
      seedAsset(otherId, "clip-green.mp4"),
      seedAsset(otherId, "audio-only.m4a"),
      seedAsset(otherId, "watermark.png"),
    ]);
    const clips = [{ asset_id: own.id, out_point: 1 }];
    const cases: [unknown, string][] = [
      [{ timeline: { clips: [{ asset_id: video!.id }] } }, "payload.timeline.clips.0.asset_id"],
      [
        { timeline: { clips, background_music: { asset_id: music!.id } } },
        "payload.timeline.background_music.asset_id",
      ],
      [
        { timeline: { clips, default_watermark: { asset_id: image!.id } } },
        "payload.timeline.default_watermark.asset_id",
      ],
      [{ asset_id: video!.id, from_scenes: true }, "payload.from_scenes"],
    ];
    for (const [payload, path] of cases) {
      const res = await createWith(key, projectId, payload);
      expect(res.status).toBe(422);
      const body = ErrorEnvelopeSchema.parse(await res.json());
      expect(body.error.details?.map((d) => d.path)).toContain(path);
      expect(JSON.stringify(body)).not.toContain(otherId);
    }
    // Another project's key cannot start an export in this project at all.
    const otherKey = (await createProjectKey(otherId)).key;
    expect((await createWith(otherKey, projectId, { timeline: { clips } })).status).toBe(403);
  });

  it("the export thumbnail route needs credentials of the export's project and a well-formed id", async () => {
    const projectId = uniqueProjectId("exs");
    const otherKey = (await createProjectKey(uniqueProjectId("exs-other"))).key;
    const path = `/projects/${projectId}/exports/${crypto.randomUUID()}/thumbnail`;
    expect((await api(path)).status).toBe(401);
    expect((await api(path, { headers: bearer("emk_not-a-key") })).status).toBe(401);
    expect((await api(path, { headers: bearer(otherKey) })).status).toBe(403);
    expect((await api(`/projects/..%2F..%2Fx/exports/a/thumbnail`, { headers: bearer(otherKey) })).status).toBe(400);
    const own = (await createProjectKey(projectId)).key;
    expect((await api(path, { headers: bearer(own) })).status).toBe(404);
    const traversal = await api(`/projects/${projectId}/exports/..%2F..%2Fetc/thumbnail`, { headers: bearer(own) });
    expect(traversal.status).toBe(404);
  });
});
