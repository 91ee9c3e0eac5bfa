import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ProbeResultDataSchema } from "../../../container/src/protocol/probe-contract";
import { getSettings } from "../../../worker/env";
import { createMediaClient, type MediaFile, r2Input } from "../../../worker/media/media-client";
import { chunkedStream, mediaFixture } from "./fixtures";

const client = () => createMediaClient(env, getSettings(env));

async function putFixture(name: Parameters<typeof mediaFixture>[0]) {
  const key = `media-client-test/${crypto.randomUUID()}/${name}`;
  await env.BUCKET.put(key, mediaFixture(name));
  const object = await env.BUCKET.head(key);
  if (!object) throw new Error("fixture upload failed");
  return object;
}

/** Stores each produced file in R2 under `prefix`, straight from the event stream. */
function storeFiles(prefix: string, stored: MediaFile[] = []) {
  return {
    stored,
    onFile: async (file: MediaFile) => {
      await env.BUCKET.put(`${prefix}/${file.name}`, file.body, { httpMetadata: { contentType: file.contentType } });
      stored.push(file);
    },
  };
}

describe("media client over MEDIA_SERVICE_URL (the real service process)", () => {
  it("uses the URL transport when MEDIA_SERVICE_URL is set, and the service is healthy", async () => {
    const media = client();
    expect(media.transport.kind).toBe("url");
    const health = await media.health();
    expect(health).toMatchObject({ status: "ok", max_concurrency: 4 });
    expect(health.ffmpeg.version).toEqual(expect.any(String));
  });

  it("probes an R2 object and pipes the poster into R2 with its exact size", async () => {
    const object = await putFixture("video.mp4");
    const prefix = `media-client-test/${crypto.randomUUID()}`;
    const progress: number[] = [];
    const { stored, onFile } = storeFiles(prefix);
    const result = await client().probe(await r2Input("video", env.BUCKET, object), {
      onFile,
      onProgress: (percent) => {
        progress.push(percent);
      },
    });

    expect(ProbeResultDataSchema.parse(result)).toEqual(result);
    expect(result.probe).toEqual({
      duration: expect.closeTo(3, 1),
      width: 320,
      height: 240,
      fps: 25,
      rotation: 0,
      video_codec: "h264",
      audio_codec: "aac",
      has_audio: true,
      bitrate: expect.any(Number),
      container: "mp4",
      size: object.size,
    });
    expect(stored.map((file) => [file.name, file.contentType])).toEqual([["thumbnail.jpg", "image/jpeg"]]);
    const poster = await env.BUCKET.get(`${prefix}/thumbnail.jpg`);
    expect(poster?.size).toBe(stored[0]!.size);
    expect(poster?.httpMetadata?.contentType).toBe("image/jpeg");
    const bytes = new Uint8Array(await poster!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(result.thumbnail).toMatchObject({ width: 640, height: 480 });
    expect(progress.at(-1)).toBe(100);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("streams any ReadableStream input and delivers several files in order (storyboard)", async () => {
    const bytes = mediaFixture("rotated.mp4");
    const prefix = `media-client-test/${crypto.randomUUID()}`;
    const { stored, onFile } = storeFiles(prefix);
    const result = await client().probe(
      { name: "video", size: bytes.length, body: chunkedStream(bytes, 7_000) },
      { onFile, storyboard: { tiles: 4, columns: 2, tile_width: 64 } },
    );
    expect(result.probe).toMatchObject({ width: 180, height: 320, rotation: 90 });
    expect(stored.map((file) => file.name)).toEqual(["thumbnail.jpg", "storyboard.jpg", "storyboard.json"]);
    const map = await (await env.BUCKET.get(`${prefix}/storyboard.json`))!.json<{
      tiles: unknown[];
      columns: number;
    }>();
    expect(map.tiles).toHaveLength(4);
    expect(result.storyboard).toMatchObject({ tile_count: 4, columns: 2, rows: 2, tile_width: 64 });
  });

  it("skips produced files when no onFile handler is given, keeping the stream aligned", async () => {
    const object = await putFixture("video.mp4");
    const result = await client().probe(await r2Input("video", env.BUCKET, object), { storyboard: { tiles: 2 } });
    expect(result.thumbnail?.name).toBe("thumbnail.jpg");
    expect(result.storyboard?.tile_count).toBe(2);
  });

  it("passes log events to onLog", async () => {
    const object = await putFixture("video.mp4");
    const logs: string[] = [];
    await client().probe(await r2Input("video", env.BUCKET, object), {
      thumbnail: false,
      onLog: (event) => void logs.push(event.message),
    });
    expect(logs).toContain("Probed video");
  });
});
