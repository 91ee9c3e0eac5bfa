import { env } from "cloudflare:test";
import { afterEach, describe, expect, inject, it } from "vitest";
import { getSettings } from "../../../worker/env";
import { ingestJob } from "../../../worker/jobs/types/ingest";
import { createMediaClient, MediaClient, MediaServiceError, urlTransport } from "../../../worker/media/media-client";
import { uniqueProjectId } from "../helpers/project-key";
import { INGEST_TIMEOUT_MS, TEST_TIMEOUT_MS, uploadedVideo } from "../ingest/ingest-kit";
import { createIngestJob, scriptIngest, waitForJob } from "../jobs/job-test-kit";
import { chunkedStream, mediaFixture } from "./fixtures";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const settings = () => getSettings(env);

function probeWith(client: MediaClient) {
  const bytes = mediaFixture("video.mp4");
  return client.probe({ name: "video", size: bytes.length, body: chunkedStream(bytes) }, { thumbnail: false }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("the media service secret", { timeout: TEST_TIMEOUT_MS }, () => {
  it("is sent on every call: the configured client's probe gets through", async () => {
    expect(settings().MEDIA_SERVICE_SECRET).toBe(inject("mediaServiceSecret"));
    expect(await probeWith(createMediaClient(env, settings()))).toBeUndefined();
  });

  it("unset, the client refuses before sending anything, naming the setting (not retryable)", async () => {
    const error = await probeWith(createMediaClient(env, { ...settings(), MEDIA_SERVICE_SECRET: undefined }));
    expect(error).toBeInstanceOf(MediaServiceError);
    expect(error).toMatchObject({ code: "MEDIA_NOT_CONFIGURED", retryable: false });
    expect((error as Error).message).toMatch(/^MEDIA_SERVICE_SECRET is not set/);
  });

  it("a wrong secret is refused by the service with 401 (not retryable), and the secret is not in the message", async () => {
    const wrong = "x".repeat(64);
    const error = await probeWith(new MediaClient(urlTransport(inject("mediaServiceUrl"), wrong)));
    expect(error).toMatchObject({ code: "UNAUTHORIZED", status: 401, retryable: false });
    expect((error as Error).message).toContain("MEDIA_SERVICE_SECRET");
    expect((error as Error).message).not.toContain(wrong);
  });

  it("a job run without it fails at once, permanently, with the configuration error", async () => {
    const projectId = uniqueProjectId("no-secret");
    const uploaded = await uploadedVideo(projectId, "video.mp4");
    await waitForJob(projectId, uploaded.ingest_job_id!, (j) => j.status === "completed", INGEST_TIMEOUT_MS);
    restore = scriptIngest((ctx) =>
      ingestJob.run({
        ...ctx,
        services: {
          ...ctx.services,
          media: createMediaClient(env, { ...ctx.services.settings, MEDIA_SERVICE_SECRET: undefined }),
        },
      }),
    );
    const created = await createIngestJob(projectId, uploaded.asset_id, { max_attempts: 3 });
    const failed = await waitForJob(projectId, created.id, (j) => j.status === "failed", INGEST_TIMEOUT_MS);
    expect(failed.attempts).toBe(1);
    expect(failed.error_message).toMatch(/^MEDIA_SERVICE_SECRET is not set/);
  });
});
