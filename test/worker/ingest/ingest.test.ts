import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { StoryboardMapSchema } from "../../../container/src/protocol/probe-contract";
import { createDb } from "../../../worker/db/client";
import { AssetSchema } from "../../../worker/routes/assets/schema";
import { StoryboardSchema } from "../../../worker/routes/videos/storyboard";
import { getProjectAsset } from "../../../worker/storage";
import { uniqueProjectId } from "../helpers/project-key";
import { createIngestJob, waitForJob } from "../jobs/job-test-kit";
import { mediaBytes, upload } from "../storage/helpers";
import {
  ADMIN,
  api,
  getAsset,
  INGEST_TIMEOUT_MS,
  jpegSize,
  TEST_TIMEOUT_MS,
  thumbnailObjects,
  uploadedVideo,
} from "./ingest-kit";

const finished = (projectId: string, jobId: string) =>
  waitForJob(projectId, jobId, (j) => j.status === "completed" || j.status === "failed", INGEST_TIMEOUT_MS);

describe("ingest after upload", { timeout: TEST_TIMEOUT_MS }, () => {
  it("uploads, probes, stores a 640 px poster and a storyboard, and makes the asset ready", async () => {
    const projectId = uniqueProjectId("ingest");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    expect(uploaded.status).toBe("uploaded");
    expect(uploaded.ingest_job_id).toEqual(expect.any(String));
    const row = await getProjectAsset(createDb(env.DB), projectId, uploaded.asset_id);
    expect(row?.ingestJobId).toBe(uploaded.ingest_job_id);

    const job = await finished(projectId, uploaded.ingest_job_id!);
    expect(job.error_message).toBeNull();
    expect(job.status).toBe("completed");
    expect(job.progress).toBe(100);
    expect(job.payload).toEqual({ asset_id: uploaded.asset_id });
    const messages = job.logs.map((line) => line.message);
    expect(messages).toContain("Probing the video and making its thumbnails");
    expect(messages).toContain("Probed video"); // the media service's own log line
    expect(messages).toContain("Asset is ready");

    const asset = await getAsset(projectId, uploaded.asset_id);
    expect(asset).toMatchObject({ status: "ready", error_message: null, ingest_job_id: uploaded.ingest_job_id });
    expect(asset.duration_seconds).toBeCloseTo(3, 0);
    expect(asset.metadata).toMatchObject({
      width: 320,
      height: 240,
      fps: 25,
      rotation: 0,
      video_codec: "h264",
      audio_codec: "aac",
      has_audio: true,
      container: "mp4",
      thumbnail: { width: 640, height: 480 },
      storyboard: { tile_width: 160, columns: 5 },
    });
    expect(asset.metadata?.duration).toBe(asset.duration_seconds);
    expect(asset.metadata?.bitrate).toBeGreaterThan(0);
    expect(job.result).toMatchObject({ asset_id: asset.asset_id, metadata: asset.metadata });

    const thumbnailPath = `/projects/${projectId}/videos/${asset.asset_id}/thumbnail`;
    expect(asset.links.thumbnail).toBe(thumbnailPath);
    const thumbnail = await api(thumbnailPath, { headers: ADMIN });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");
    const jpeg = new Uint8Array(await thumbnail.arrayBuffer());
    expect(Number(thumbnail.headers.get("content-length"))).toBe(jpeg.length);
    expect(jpegSize(jpeg)).toEqual({ width: 640, height: 480 });

    // Poster, sprite and map: tracked, owned by the asset, and really in R2 under thumbnails/.
    const objects = await thumbnailObjects(projectId, asset.asset_id);
    expect(objects.keys).toHaveLength(3);
    expect(objects.r2Keys).toEqual(objects.keys);
    expect(objects.keys.map((key) => key.replace(/^.*-/, "")).sort()).toEqual([
      "poster.jpg",
      "storyboard.jpg",
      "storyboard.json",
    ]);
    const row2 = await getProjectAsset(createDb(env.DB), projectId, asset.asset_id);
    expect(row2?.thumbnailKey).toMatch(new RegExp(`^projects/${projectId}/thumbnails/.+-poster\\.jpg$`));
    const map = StoryboardMapSchema.parse(await (await env.BUCKET.get(row2!.storyboardKey!))!.json());
    expect(map.tiles.length).toBe(
      asset.metadata?.storyboard && (asset.metadata.storyboard as { tile_count: number }).tile_count,
    );

    // The storyboard through the API: the map with the sprite's path, and the sprite itself.
    const storyboardPath = `/projects/${projectId}/videos/${asset.asset_id}/storyboard`;
    expect(asset.links.storyboard).toBe(storyboardPath);
    const storyboardRes = await api(storyboardPath, { headers: ADMIN });
    expect(storyboardRes.status).toBe(200);
    const storyboard = StoryboardSchema.parse(await storyboardRes.json());
    expect(storyboard).toEqual({ ...map, sprite: `${storyboardPath}/sprite` });
    const sprite = await api(storyboard.sprite, { headers: ADMIN });
    expect(sprite.status).toBe(200);
    expect(sprite.headers.get("content-type")).toBe("image/jpeg");
    const spriteSize = jpegSize(new Uint8Array(await sprite.arrayBuffer()));
    expect(spriteSize).toEqual({ width: map.columns * map.tile_width, height: map.rows * map.tile_height });
  });

  it("reports display size and rotation of a rotated phone video", async () => {
    const projectId = uniqueProjectId("ingest");
    const uploaded = await uploadedVideo(projectId, "rotated.mp4");
    expect((await finished(projectId, uploaded.ingest_job_id!)).status).toBe("completed");
    const asset = await getAsset(projectId, uploaded.asset_id);
    expect(asset.metadata).toMatchObject({ width: 180, height: 320, rotation: 90 });
  });

  it("re-ingests on demand: a new job takes over, replaces the thumbnails and leaks nothing", async () => {
    const projectId = uniqueProjectId("ingest");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    await finished(projectId, uploaded.ingest_job_id!);
    const first = await getAsset(projectId, uploaded.asset_id);
    const before = await thumbnailObjects(projectId, uploaded.asset_id);
    expect(first.status).toBe("ready");

    const again = await createIngestJob(projectId, uploaded.asset_id);
    const job = await finished(projectId, again.id);
    expect(job.status).toBe("completed");
    const second = await getAsset(projectId, uploaded.asset_id);
    expect(second).toMatchObject({ status: "ready", ingest_job_id: again.id, metadata: first.metadata });
    const after = await thumbnailObjects(projectId, uploaded.asset_id);
    // New names (per job and attempt), the old ones gone from D1 and R2: three objects, never six.
    expect(after.keys).toHaveLength(3);
    expect(after.r2Keys).toEqual(after.keys);
    expect(after.keys.filter((key) => before.keys.includes(key))).toEqual([]);
    const thumbnail = await api(`/projects/${projectId}/videos/${uploaded.asset_id}/thumbnail`, { headers: ADMIN });
    expect(jpegSize(new Uint8Array(await thumbnail.arrayBuffer())).width).toBe(640);
  });

  it("fails a job for an asset that is not a video without touching it", async () => {
    const projectId = uniqueProjectId("ingest");
    const image = AssetSchema.parse(await (await upload(projectId, "images", mediaBytes("jpeg"), "a.jpg")).json());
    const created = await createIngestJob(projectId, image.asset_id);
    const job = await finished(projectId, created.id);
    expect(job).toMatchObject({
      status: "failed",
      attempts: 1,
      error_message: `Asset ${image.asset_id} is not a video (it is in image); only videos are ingested`,
    });
    const row = await getProjectAsset(createDb(env.DB), projectId, image.asset_id);
    expect(row).toMatchObject({ status: "uploaded", ingestJobId: null, errorMessage: null });
  });
});
