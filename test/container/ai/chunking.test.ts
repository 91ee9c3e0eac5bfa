import { describe, expect, it } from "vitest";
import { planChunks, silenceSearchSeconds } from "../../../container/src/ai/chunk-plan";
import { mergeChunkSegments } from "../../../container/src/ai/merge";
import {
  CHUNK_BITRATE_KBPS,
  chunkBytesUpperBound,
  effectiveChunkSeconds,
  maxChunkSecondsFor,
  OPENAI_UPLOAD_LIMIT_BYTES,
} from "../../../container/src/ai/upload-size";

describe("planChunks", () => {
  it("cuts a long recording into windows of at most chunkSeconds that tile it exactly", () => {
    const chunks = planChunks(3600, [], 600);
    expect(chunks).toHaveLength(6);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 600],
      [600, 1200],
      [1200, 1800],
      [1800, 2400],
      [2400, 3000],
      [3000, 3600],
    ]);
  });

  it("moves each cut into the pause nearest the balanced window edge", () => {
    const silences = [
      { start: 100, end: 101 },
      { start: 560, end: 561 },
      { start: 590, end: 592 },
      { start: 1150, end: 1151 },
    ];
    const chunks = planChunks(1500, silences, 600);
    // 1500 s needs 3 windows: ideal edges at 500 then 1030.25; the nearest pauses within 60 s win.
    expect(chunks.map((c) => c.end)).toEqual([560.5, 1150.5, 1500]);
    for (const chunk of chunks) expect(chunk.duration).toBeLessThanOrEqual(600);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
  });

  it("ignores pauses too far from the edge and never lets a pause across the edge push the window past it", () => {
    const far = planChunks(1000, [{ start: 100, end: 102 }], 600);
    expect(far.map((c) => c.end)).toEqual([500, 1000]);
    expect(silenceSearchSeconds(600)).toBe(60);
    const across = planChunks(1000, [{ start: 598, end: 640 }], 600);
    expect(across[0]!.end).toBeLessThanOrEqual(600);
    expect(across[0]!.end).toBeGreaterThanOrEqual(598);
  });

  it("uses only the part of a long pause inside the search range", () => {
    const chunks = planChunks(100, [{ start: 10, end: 48 }], 50);
    expect(chunks[0]!.end).toBeGreaterThanOrEqual(50 - silenceSearchSeconds(50));
    expect(chunks[0]!.end).toBeLessThanOrEqual(48);
  });

  it("balances windows instead of leaving a tiny tail, and handles short and empty audio", () => {
    expect(planChunks(42.5, [], 600)).toEqual([{ index: 0, start: 0, end: 42.5, duration: 42.5 }]);
    expect(planChunks(0, [], 600)).toEqual([]);
    // Below Whisper's 0.1 s minimum there is nothing to send.
    expect(planChunks(0.05, [], 600)).toEqual([]);
    expect(planChunks(600.05, [], 600).map((c) => c.duration)).toEqual([300.025, 300.025]);
    expect(planChunks(1250, [], 600).map((c) => Math.round(c.duration))).toEqual([417, 417, 417]);
    expect(() => planChunks(10, [], 0)).toThrow(RangeError);
  });
});

describe("the 25 MB rule", () => {
  it("keeps the default window well under the limit and shows why raw PCM would not fit", () => {
    expect(chunkBytesUpperBound(600)).toBeLessThan(OPENAI_UPLOAD_LIMIT_BYTES / 4);
    expect(900 * 16_000 * 2).toBeGreaterThan(25 * 1000 * 1000);
    expect(effectiveChunkSeconds(600)).toBe(600);
    expect(effectiveChunkSeconds(900)).toBe(900);
  });

  it("shortens windows whose chunks could exceed the limit", () => {
    const max = maxChunkSecondsFor(CHUNK_BITRATE_KBPS);
    expect(chunkBytesUpperBound(max)).toBeLessThanOrEqual(OPENAI_UPLOAD_LIMIT_BYTES);
    expect(chunkBytesUpperBound(max * 1.06)).toBeGreaterThan(OPENAI_UPLOAD_LIMIT_BYTES);
    expect(effectiveChunkSeconds(7200)).toBe(max);
    expect(effectiveChunkSeconds(7200, 128)).toBe(maxChunkSecondsFor(128));
    expect(maxChunkSecondsFor(128)).toBeLessThan(max);
  });
});

describe("mergeChunkSegments", () => {
  const chunk = (index: number, start: number, end: number) => ({ index, start, end, duration: end - start });

  it("shifts each chunk by its offset, orders chunks, and numbers segments from 0", () => {
    const merged = mergeChunkSegments([
      {
        chunk: chunk(1, 600, 1200),
        language: "english",
        text: "",
        segments: [{ start: 1, end: 4, text: " Second chunk." }],
      },
      {
        chunk: chunk(0, 0, 600),
        language: "english",
        text: "",
        segments: [
          { start: 0.5, end: 3, text: " Hello.", avg_logprob: -0.1 },
          { start: 3, end: 7.25, text: "World." },
        ],
      },
    ]);
    expect(merged).toEqual([
      { index: 0, start: 0.5, end: 3, duration: 2.5, text: "Hello.", confidence: 0.905, language: "english" },
      { index: 1, start: 3, end: 7.25, duration: 4.25, text: "World.", language: "english" },
      { index: 2, start: 601, end: 604, duration: 3, text: "Second chunk.", language: "english" },
    ]);
  });

  it("clamps segments to their chunk and removes overlaps without losing words", () => {
    const merged = mergeChunkSegments([
      { chunk: chunk(0, 0, 10), text: "", segments: [{ start: 8, end: 10.6, text: "runs over the cut" }] },
      {
        chunk: chunk(1, 10, 20),
        text: "",
        segments: [
          { start: -0.3, end: 0, text: "echo" },
          { start: 0, end: 3, text: "next" },
          { start: 2, end: 5, text: "overlapping" },
          { start: 5, end: 6, text: "   " },
        ],
      },
    ]);
    expect(merged.map((s) => [s.start, s.end, s.text])).toEqual([
      [8, 10, "runs over the cut echo"],
      [10, 13, "next"],
      [13, 15, "overlapping"],
    ]);
    for (let i = 1; i < merged.length; i++) expect(merged[i]!.start).toBeGreaterThanOrEqual(merged[i - 1]!.end);
    for (const s of merged) expect(s.duration).toBeCloseTo(s.end - s.start, 6);
  });
});
