import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { getSettings } from "../../../worker/env";
import {
  createMediaClient,
  MediaClient,
  MediaServiceError,
  r2Input,
  urlTransport,
} from "../../../worker/media/media-client";
import type { MediaFixtureName } from "../media-fixtures";
import { chunkedStream, mediaFixture } from "./fixtures";

const client = () => createMediaClient(env, getSettings(env));

async function probeFailure(fixture: MediaFixtureName): Promise<MediaServiceError> {
  const bytes = mediaFixture(fixture);
  const key = `media-client-errors/${crypto.randomUUID()}`;
  await env.BUCKET.put(key, bytes);
  const error = await client()
    .probe(await r2Input("video", env.BUCKET, (await env.BUCKET.head(key))!), {})
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(MediaServiceError);
  return error as MediaServiceError;
}

describe("bad media becomes a non-retryable error in plain words", () => {
  it.each([
    [
      "truncated.mp4",
      "TRUNCATED_MEDIA",
      /^The file is truncated: its MP4 structure needs \d+ bytes but the file has only \d+\.$/,
    ],
    ["lying-header.mp4", "INVALID_MEDIA", /^The file is damaged: its header says MP4\/MOV but/],
    ["not-media.mp4", "INVALID_MEDIA", /^The file is not a recognised video format/],
    ["audio-only.m4a", "NO_VIDEO_STREAM", /^The file has no video stream: it is an audio-only file/],
    ["zero-duration.mp4", "ZERO_DURATION", /^The video has zero duration/],
  ] as const)("%s -> %s", async (fixture, code, message) => {
    const error = await probeFailure(fixture);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(message);
  });
});

describe("service and transport failures", () => {
  it("a request the service refuses (missing input) is non-retryable with the service's code", async () => {
    const error = await client()
      .call("probe", { inputs: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaServiceError);
    expect(error).toMatchObject({ code: "MISSING_INPUT", retryable: false, status: 400 });
  });

  it("an op the service does not have is non-retryable", async () => {
    const error = await client()
      // @ts-expect-error: the client only names ops with a contract; this one reaches the service anyway
      .call("no-such-op", { inputs: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NOT_FOUND", retryable: false, status: 404 });
  });

  it("an input whose body is shorter than its declared size fails as MEDIA_INPUT_SIZE_MISMATCH", async () => {
    const bytes = mediaFixture("video.mp4");
    const error = await client()
      .probe({ name: "video", size: bytes.length + 10, body: chunkedStream(bytes) }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaServiceError);
    expect(error).toMatchObject({ code: "MEDIA_INPUT_SIZE_MISMATCH", retryable: false });
    expect((error as Error).message).toMatch(/fewer bytes than its declared/);
  });

  it("an unreachable service is retryable (MEDIA_INSTANCE_LOST), and the client remembers its instance was lost", async () => {
    const unreachable = new MediaClient(urlTransport("http://127.0.0.1:9", inject("mediaServiceSecret")));
    const error = await unreachable.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MEDIA_INSTANCE_LOST", retryable: true });
    expect((error as Error).message).toMatch(/^The media service could not be reached: /);
    expect(unreachable.instanceLost).toBe(true);
    const fresh = new MediaClient(urlTransport("http://127.0.0.1:9", inject("mediaServiceSecret")));
    const call = await fresh.call("probe", { inputs: [] }).catch((e: unknown) => e);
    expect(call).toMatchObject({ code: "MEDIA_INSTANCE_LOST", retryable: true });
    expect(fresh.instanceLost).toBe(true);
    // A failure of the op itself says nothing about the instance.
    const refused = client();
    await refused.call("probe", { inputs: [] }).catch((e: unknown) => e);
    expect(refused.instanceLost).toBe(false);
  });

  it("a busy service (503) is retryable and carries Retry-After", async () => {
    const busy = new MediaClient(urlTransport(inject("busyMediaServiceUrl"), inject("mediaServiceSecret")));
    // Hold the only slot with an upload that has not finished.
    const bytes = mediaFixture("video.mp4");
    const holder = new AbortController();
    let feed!: ReadableStreamDefaultController<Uint8Array>;
    const held = busy
      .probe(
        {
          name: "video",
          size: bytes.length,
          body: new ReadableStream({
            start(controller) {
              feed = controller;
              controller.enqueue(bytes.slice(0, 1000));
            },
          }),
        },
        { signal: holder.signal },
      )
      .catch((e: unknown) => e);
    await expect.poll(async () => (await busy.health()).active, { timeout: 10_000 }).toBe(1);

    const error = await busy
      .probe({ name: "video", size: bytes.length, body: chunkedStream(bytes) }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaServiceError);
    expect(error).toMatchObject({ code: "BUSY", retryable: true, status: 503, retryAfterSeconds: 1 });

    feed.enqueue(bytes.slice(1000));
    feed.close();
    const first = await held;
    expect(first).toMatchObject({ probe: { width: 320 } });
  });

  it("aborting a call rejects with the abort reason and the service frees its slot", async () => {
    const media = client();
    const bytes = mediaFixture("video.mp4");
    const controller = new AbortController();
    const reason = new Error("job cancelled");
    const error = await media
      .probe(
        { name: "video", size: bytes.length, body: chunkedStream(bytes) },
        {
          signal: controller.signal,
          onProgress: () => controller.abort(reason),
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
    await expect.poll(async () => (await media.health()).active, { timeout: 10_000 }).toBe(0);
  });

  it("aborting while an R2 input is still streaming to the service rejects with the reason", async () => {
    const media = client();
    // Big enough that the native pipe is still sending when the abort comes.
    const bytes = new Uint8Array(48 * 1024 * 1024);
    bytes.set(mediaFixture("video.mp4").subarray(0, 64));
    const key = `media-client-errors/${crypto.randomUUID()}`;
    await env.BUCKET.put(key, bytes);
    const controller = new AbortController();
    const reason = new Error("job cancelled mid-upload");
    const call = media.probe(await r2Input("video", env.BUCKET, (await env.BUCKET.head(key))!), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 20);
    expect(await call.catch((e: unknown) => e)).toBe(reason);
    await expect.poll(async () => (await media.health()).active, { timeout: 10_000 }).toBe(0);
    // Writing 48 MiB to local R2 alone can take seconds on a loaded 2-core machine, and the poll may take 10.
  }, 30_000);

  it("a failing onFile handler (e.g. R2 down) is retryable and names the file", async () => {
    const bytes = mediaFixture("video.mp4");
    const error = await client()
      .probe(
        { name: "video", size: bytes.length, body: chunkedStream(bytes) },
        {
          onFile: async (file) => {
            await file.body.cancel();
            throw new Error("bucket unavailable");
          },
        },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "MEDIA_FILE_HANDLER_FAILED", retryable: true });
    expect((error as Error).message).toBe("Storing thumbnail.jpg failed: bucket unavailable");
  });
});
