import { describe, expect, it } from "vitest";
import { errorCode, uniqueProjectId } from "../helpers/project-key";
import { waitForJob } from "../jobs/job-test-kit";
import type { MediaFixtureName } from "../media-fixtures";
import {
  ADMIN,
  api,
  getAsset,
  INGEST_TIMEOUT_MS,
  TEST_TIMEOUT_MS,
  thumbnailObjects,
  uploadedVideo,
} from "./ingest-kit";

// Each passes the upload's content check (an ISO-BMFF ftyp box), so only ingest can tell it is bad.
const CASES: [MediaFixtureName, RegExp][] = [
  ["truncated.mp4", /^The file is truncated: its MP4 structure needs \d+ bytes but the file has only \d+\.$/],
  ["lying-header.mp4", /^The file is damaged: its header says MP4\/MOV but it has .+\.$/],
  ["audio-only.m4a", /^The file has no video stream: it is .+\.$/],
  ["zero-duration.mp4", /^The video has zero duration: .+\.$/],
];

describe("ingest of bad media", { timeout: TEST_TIMEOUT_MS }, () => {
  it.each(
    CASES,
  )("%s: the job fails at once with the service's words, the asset is failed, nothing is stored", async (fixture, message) => {
    const projectId = uniqueProjectId("bad-media");
    const uploaded = await uploadedVideo(projectId, fixture);
    const job = await waitForJob(
      projectId,
      uploaded.ingest_job_id!,
      (j) => j.status === "failed" || j.status === "completed",
      INGEST_TIMEOUT_MS,
    );
    expect(job.status).toBe("failed");
    expect(job.error_message).toMatch(message);
    expect(job.logs.at(-1)?.message).toBe(`Attempt ${job.attempts} failed (not retryable): ${job.error_message}`);
    expect(job.next_attempt_at).toBeNull();

    const asset = await getAsset(projectId, uploaded.asset_id);
    expect(asset).toMatchObject({
      status: "failed",
      error_message: job.error_message,
      metadata: null,
      duration_seconds: null,
      links: { thumbnail: null },
    });
    expect(await thumbnailObjects(projectId, uploaded.asset_id)).toEqual({ keys: [], r2Keys: [] });
    for (const route of ["thumbnail", "storyboard", "storyboard/sprite"]) {
      const res = await api(`/projects/${projectId}/videos/${uploaded.asset_id}/${route}`, { headers: ADMIN });
      expect(res.status).toBe(404);
      expect(await errorCode(res)).toBe("NOT_FOUND");
    }
    // The upload itself is kept: the client can download what it sent and see why it failed.
    expect((await api(`/projects/${projectId}/videos/${uploaded.asset_id}/content`, { headers: ADMIN })).status).toBe(
      200,
    );
  });
});
