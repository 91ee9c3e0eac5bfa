import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { MediaInput } from "../../../worker/media/framed-request";
import { MediaServiceError, r2Input } from "../../../worker/media/media-client";

/** Every byte of the input, in the order the framed request sends it: `body`, then each part of `rest`. */
async function readAll(input: MediaInput): Promise<Uint8Array> {
  const parts: ArrayBuffer[] = [];
  for (let part: ReadableStream | undefined = input.body; part; part = await input.rest?.()) {
    parts.push(await new Response(part).arrayBuffer());
  }
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

async function putBytes(length: number, seed = 1) {
  const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 255);
  const key = `r2-input/${crypto.randomUUID()}`;
  await env.BUCKET.put(key, bytes);
  return { key, bytes, object: (await env.BUCKET.head(key))! };
}

/** The bucket, recording the range of every read. */
function recordingBucket(ranges: unknown[]): R2Bucket {
  return {
    get: (key: string, options?: R2GetOptions) => {
      ranges.push(options?.range);
      return env.BUCKET.get(key, options);
    },
  } as unknown as R2Bucket;
}

describe("R2 objects as media inputs", () => {
  it("are read as ranged slices, byte for byte, the last one short", async () => {
    const { bytes, object } = await putBytes(2500);
    const ranges: unknown[] = [];
    const input = await r2Input("video", recordingBucket(ranges), object, 1000);
    expect(input).toMatchObject({ name: "video", size: 2500, sizeFromStorage: true });
    expect(await readAll(input)).toEqual(bytes);
    expect(ranges).toEqual([
      { offset: 0, length: 1000 },
      { offset: 1000, length: 1000 },
      { offset: 2000, length: 500 },
    ]);
  });

  it("read in one slice when the object is smaller than a slice, and an empty object as no bytes", async () => {
    const small = await putBytes(300);
    const ranges: unknown[] = [];
    expect(await readAll(await r2Input("video", recordingBucket(ranges), small.object))).toEqual(small.bytes);
    expect(ranges).toEqual([{ offset: 0, length: 300 }]);
    const empty = await putBytes(0);
    const input = await r2Input("video", env.BUCKET, empty.object);
    expect(input.size).toBe(0);
    expect(await readAll(input)).toEqual(new Uint8Array(0));
  });

  for (const [change, apply] of [
    ["replaced", (key: string) => env.BUCKET.put(key, new Uint8Array(2500))],
    ["deleted", (key: string) => env.BUCKET.delete(key)],
  ] as const) {
    it(`fail retryably, never mixing versions, when the object is ${change} between slices`, async () => {
      const { key, object } = await putBytes(2500);
      const input = await r2Input("video", env.BUCKET, object, 1000);
      await new Response(input.body).arrayBuffer();
      await apply(key);
      const error = await input.rest!().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaServiceError);
      expect(error).toMatchObject({
        code: "MEDIA_STREAM_INTERRUPTED",
        retryable: true,
        message: "Input video was replaced or deleted in storage while it was being read",
      });
    });
  }
});
