import { describe, expect, it } from "vitest";
import { toHex } from "../../../worker/bytes";
import { streamIntoParts } from "../../../worker/uploads/part-stream";
import { RunningSha256 } from "../../../worker/uploads/running-sha256";
import { MiB, mediaBytes, sha256Hex } from "./tus-kit";

/** A byte stream (as workerd gives request bodies) sending `bytes` in `chunk`-byte pieces. */
function byteBody(bytes: Uint8Array, chunk: number, onPull?: () => void) {
  let at = 0;
  return new ReadableStream({
    type: "bytes",
    pull(controller) {
      onPull?.();
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

/** Collects what R2 would store, part by part, whether sent as a buffer or a stream. */
function collectingPlan(partSize: number, expected: number) {
  const stored: Uint8Array[] = [];
  const hash = RunningSha256.start();
  return {
    stored,
    hash,
    plan: {
      partSize,
      tail: new Uint8Array(0),
      room: expected,
      expected,
      hash,
      async uploadPart(data: Uint8Array | ReadableStream<Uint8Array>) {
        const bytes =
          data instanceof Uint8Array ? data.slice() : new Uint8Array(await new Response(data).arrayBuffer());
        stored.push(bytes);
        return { partNumber: stored.length, etag: `e${stored.length}` };
      },
    },
  };
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

describe("request bodies read in large pieces", { timeout: 60_000 }, () => {
  it("a byte stream of 4 KiB chunks is read many chunks at a time, and every byte lands in its part once", async () => {
    const bytes = mediaBytes("mp4", 11 * MiB + 4321, 71);
    const { plan, stored, hash } = collectingPlan(5 * MiB, bytes.length);
    let pulls = 0;
    let reads = 0;
    const result = await streamIntoParts(
      byteBody(bytes, 4096, () => {
        pulls += 1;
      }),
      { ...plan, onRead: () => (reads += 1) },
    );
    expect(result.interruption).toBeUndefined();
    expect(result.received).toBe(bytes.length);
    expect(stored.map((part) => part.length)).toEqual([5 * MiB, 5 * MiB]);
    // Compared by index, not toEqual: a diff of 11 MiB arrays exhausts the test runtime's heap.
    const all = concat([...stored, result.rest]);
    expect(all.length).toBe(bytes.length);
    expect(all.findIndex((byte, i) => byte !== bytes[i])).toBe(-1);
    expect(hash.offset).toBe(bytes.length);
    expect(toHex(hash.digest())).toBe(await sha256Hex(bytes));
    // Each read takes at least 32 KiB, so far fewer reads than the body's chunks.
    expect(reads).toBeLessThanOrEqual(Math.ceil(bytes.length / (32 * 1024)) + 1);
    expect(pulls).toBeGreaterThan(reads);
  });

  it("bodies one after another reuse the isolate's buffers without touching an earlier body's rest or parts", async () => {
    // Each body ends mid-part, so its rest is bytes a reused part buffer would hold; the next bodies overwrite it.
    const bodies = [71, 72, 73].map((seed) => mediaBytes("mp4", 5 * MiB + 1000 + seed, seed));
    const results = [];
    for (const bytes of bodies) {
      const { plan, stored } = collectingPlan(5 * MiB, bytes.length);
      const result = await streamIntoParts(byteBody(bytes, 64 * 1024), plan);
      results.push({ bytes, stored, rest: result.rest });
    }
    for (const { bytes, stored, rest } of results) {
      expect(stored.map((part) => part.length)).toEqual([5 * MiB]);
      const all = concat([...stored, rest]);
      expect(all.length).toBe(bytes.length);
      expect(all.findIndex((byte, i) => byte !== bytes[i])).toBe(-1);
    }
  });
});
