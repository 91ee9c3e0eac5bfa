import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { partSizeFor, UnknownLengthObjectWriter, UPLOAD_PART_SIZE } from "../../../worker/storage/object-writer";
import { mediaBytes, sha256Hex } from "./helpers";

async function writeInChunks(writer: UnknownLengthObjectWriter, bytes: Uint8Array, chunk: number) {
  for (let at = 0; at < bytes.length; at += chunk) await writer.write(bytes.subarray(at, at + chunk));
}

describe("UnknownLengthObjectWriter", () => {
  it("stores a body smaller than a part with one put, honouring a too-small size hint", async () => {
    const key = `writer/${crypto.randomUUID()}`;
    const bytes = mediaBytes("mp4", 300_000);
    const writer = new UnknownLengthObjectWriter(env.BUCKET, key, { httpMetadata: { contentType: "video/mp4" } }, 1000);
    await writeInChunks(writer, bytes, 65_536);
    expect(await writer.finish()).toBe(bytes.length);
    const stored = await env.BUCKET.get(key);
    expect(stored?.httpMetadata?.contentType).toBe("video/mp4");
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
  });

  it("stores a larger body as equal parts plus a shorter last one, byte for byte", async () => {
    const key = `writer/${crypto.randomUUID()}`;
    const bytes = mediaBytes("mp4", UPLOAD_PART_SIZE * 2 + 777, 4);
    const writer = new UnknownLengthObjectWriter(env.BUCKET, key);
    await writeInChunks(writer, bytes, 262_144 + 3);
    expect(await writer.finish()).toBe(bytes.length);
    const stored = await env.BUCKET.get(key);
    expect(await sha256Hex(new Uint8Array(await stored!.arrayBuffer()))).toBe(await sha256Hex(bytes));
  });

  it("a body of exactly one part is a plain put", async () => {
    const key = `writer/${crypto.randomUUID()}`;
    const bytes = mediaBytes("mp4", UPLOAD_PART_SIZE, 6);
    const writer = new UnknownLengthObjectWriter(env.BUCKET, key);
    await writeInChunks(writer, bytes, 1 << 20);
    await writer.finish();
    expect((await env.BUCKET.head(key))?.size).toBe(UPLOAD_PART_SIZE);
  });

  it("abort after parts were uploaded leaves no object", async () => {
    const key = `writer/${crypto.randomUUID()}`;
    const writer = new UnknownLengthObjectWriter(env.BUCKET, key);
    await writeInChunks(writer, mediaBytes("mp4", UPLOAD_PART_SIZE * 2 + 1), 1 << 20);
    await writer.abort();
    expect(await env.BUCKET.head(key)).toBeNull();
  });

  it("grows the part size only when 10,000 minimum parts could not hold the limit", () => {
    expect(partSizeFor(500 * 1024 * 1024)).toBe(UPLOAD_PART_SIZE);
    // 100 GiB / 10,000 is 10.24 MiB: rounded up to whole MiB (see partSizeFor), still within 10,000 parts.
    expect(partSizeFor(100 * 1024 ** 3)).toBe(11 * 1024 * 1024);
    expect(Math.ceil((100 * 1024 ** 3) / partSizeFor(100 * 1024 ** 3))).toBeLessThanOrEqual(10_000);
  });
});
