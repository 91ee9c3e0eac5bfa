import { describe, expect, it } from "vitest";
import { ErrorEnvelopeSchema } from "../../../worker/errors";
import { uniqueProjectId } from "../helpers/project-key";
import { ADMIN, api, createExportJob, seedAsset, seedSceneRun, waitForFinish } from "./export-kit";

/** Creates the job and expects a 422 naming `path` (with `code`, when given); nothing is queued. */
async function expectRejected(projectId: string, payload: unknown, path: string, code?: string) {
  const res = await createExportJob(projectId, payload);
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(res.status, JSON.stringify(body)).toBe(422);
  expect(body.error.code).toBe("VALIDATION_ERROR");
  const detail = body.error.details?.find((d) => d.path === path);
  expect(detail, JSON.stringify(body.error.details)).toBeDefined();
  if (code) expect(detail?.code).toBe(code);
  const jobs = (await (await api(`/projects/${projectId}/jobs`, { headers: ADMIN })).json()) as { items: unknown[] };
  expect(jobs.items).toEqual([]);
}

const clip = (asset_id: string, extra: Record<string, unknown> = {}) => ({
  asset_id,
  in_point: 0,
  out_point: 1,
  ...extra,
});

describe("export job creation: validation", () => {
  it("rejects out_point <= in_point", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    await expectRejected(
      projectId,
      { timeline: { clips: [clip(video.id, { in_point: 1, out_point: 1 })] } },
      "payload.timeline.clips.0.out_point",
    );
  });

  it("rejects points beyond the asset's duration", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    const path = "payload.timeline.clips.1";
    const twoClips = (second: Record<string, unknown>) => ({
      timeline: { clips: [clip(video.id), clip(video.id, second)] },
    });
    await expectRejected(projectId, twoClips({ out_point: 2.5 }), `${path}.out_point`, "beyond_duration");
    await expectRejected(
      projectId,
      twoClips({ in_point: 2, out_point: undefined }),
      `${path}.in_point`,
      "beyond_duration",
    );
  });

  it("rejects unknown, foreign and non-ready assets", async () => {
    const projectId = uniqueProjectId("exv");
    const other = await seedAsset(uniqueProjectId("exv-other"), "clip-red.mp4");
    const pending = await seedAsset(projectId, "clip-green.mp4", { status: "processing", duration: null });
    const failed = await seedAsset(projectId, "clip-blue.mp4", { status: "failed" });
    const path = "payload.timeline.clips.0.asset_id";
    await expectRejected(projectId, { timeline: { clips: [clip(crypto.randomUUID())] } }, path, "not_found");
    await expectRejected(projectId, { timeline: { clips: [clip(other.id)] } }, path, "not_found");
    await expectRejected(projectId, { timeline: { clips: [clip(pending.id)] } }, path, "not_ready");
    await expectRejected(projectId, { timeline: { clips: [clip(failed.id)] } }, path, "not_ready");
    const image = await seedAsset(projectId, "watermark.png");
    await expectRejected(projectId, { timeline: { clips: [clip(image.id)] } }, path, "not_found");
  });

  it("rejects music that is not audio and a watermark that is not an image", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    const image = await seedAsset(projectId, "watermark.png");
    const music = await seedAsset(projectId, "audio-only.m4a");
    const clips = [clip(video.id)];
    await expectRejected(
      projectId,
      { timeline: { clips, background_music: { asset_id: image.id } } },
      "payload.timeline.background_music.asset_id",
      "not_audio",
    );
    await expectRejected(
      projectId,
      { timeline: { clips, default_watermark: { asset_id: music.id } } },
      "payload.timeline.default_watermark.asset_id",
      "not_image",
    );
  });

  it("rejects templates that do not match the aspect ratio", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    await expectRejected(
      projectId,
      {
        timeline: {
          clips: [clip(video.id)],
          aspect_ratio: "9:16",
          export_templates: [
            { name: "shorts", width: 1080, height: 1920 },
            { name: "wrong", width: 1280, height: 720 },
          ],
        },
      },
      "payload.timeline.export_templates.1.width",
    );
  });

  it("rejects transitions longer than their clips and odd payloads", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    const crossfade = { transition: { type: "crossfade", duration: 1.5 } };
    await expectRejected(
      projectId,
      { timeline: { clips: [clip(video.id, crossfade), clip(video.id)] } },
      "payload.timeline.clips.0.transition",
      "too_long",
    );
    await expectRejected(
      projectId,
      { timeline: { clips: [clip(video.id, { transition: { type: "crossfade" } })] } },
      "payload.timeline.clips.0.transition.duration",
    );
    await expectRejected(projectId, { timeline: { clips: [] } }, "payload.timeline.clips");
    await expectRejected(
      projectId,
      { timeline: { clips: [clip(video.id, { speed: 2 })] } },
      "payload.timeline.clips.0.speed",
      "unrecognized_keys",
    );
  });

  it("rejects from_scenes without a scene run, and global subtitles without a transcript", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    await expectRejected(projectId, { asset_id: video.id, from_scenes: true }, "payload.from_scenes", "no_scene_run");
    await seedSceneRun(projectId, video.id, [{ start: 0, end: 1 }], { tone: "calm" });
    await expectRejected(
      projectId,
      { asset_id: video.id, from_scenes: true, tone: "energetic" },
      "payload.from_scenes",
      "no_scene_run",
    );
    // The scene run above came with a transcript of `video`; this one has none.
    const untranscribed = await seedAsset(projectId, "clip-green.mp4");
    await expectRejected(
      projectId,
      { timeline: { clips: [clip(untranscribed.id)], global_subtitles: true } },
      "payload.timeline.global_subtitles",
      "no_transcript",
    );
  });

  it("accepts a valid timeline with 202", async () => {
    const projectId = uniqueProjectId("exv");
    const video = await seedAsset(projectId, "clip-red.mp4");
    const res = await createExportJob(projectId, { timeline: { clips: [clip(video.id)] } }, { max_attempts: 1 });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; job_type: string; payload: { timeline: { resolution: string } } };
    expect(job.job_type).toBe("export");
    expect(job.payload.timeline.resolution).toBe("720p");
    expect((await waitForFinish(projectId, job.id)).status).toBe("completed");
  });
});
