import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { encodeChunk } from "../../../container/src/ai/audio";
import { ChunkPlanner, planChunks, silenceSearchSeconds } from "../../../container/src/ai/chunk-plan";
import { mergeChunkSegments } from "../../../container/src/ai/merge";
import {
  chooseChunkEncoding,
  chunkBytesUpperBound,
  flacBytesUpperBound,
  MP3_BITRATE_KBPS,
  maxMp3ChunkSeconds,
  mp3BytesUpperBound,
  OPENAI_UPLOAD_LIMIT_BYTES,
} from "../../../container/src/ai/upload-size";
import { testBinaries } from "../../media/generate";

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

describe("ChunkPlanner (planning while extraction runs)", () => {
  const silences = [
    { start: 100, end: 101 },
    { start: 560, end: 561 },
    { start: 1150, end: 1151 },
    { start: 1700, end: 1702 },
  ];

  it("emits a chunk only once extraction is past its window edge, and ends with planChunks' plan", () => {
    const planner = new ChunkPlanner(600);
    expect(planner.advance(300, silences.slice(0, 1), 2000)).toEqual([]);
    expect(planner.advance(600, silences.slice(0, 2), 2000)).toEqual([]);
    const first = planner.advance(602, silences.slice(0, 2), 2000);
    expect(first).toEqual([{ index: 0, start: 0, end: 560.5, duration: 560.5 }]);
    expect(planner.advance(1100, silences.slice(0, 2), 2000)).toEqual([]);
    const rest = [...planner.advance(1900, silences, 2000), ...planner.finish(2000, silences)];
    expect([...first, ...rest]).toEqual(planChunks(2000, silences, 600));
    expect(planner.chunks).toHaveLength(4);
  });

  it("plans nothing early without a duration estimate, and only within audio already extracted", () => {
    const planner = new ChunkPlanner(600);
    expect(planner.advance(1900, silences, 0)).toEqual([]);
    const overestimated = new ChunkPlanner(600);
    for (const chunk of overestimated.advance(700, silences, 5000)) expect(chunk.end).toBeLessThanOrEqual(700);
    expect(overestimated.finish(900, silences).at(-1)!.end).toBe(900);
  });
});

describe("the 25 MB rule", () => {
  it("sends the default 600 s window at 16 kHz as FLAC, whose worst case fits, and shows raw PCM would not at 900 s", () => {
    expect(chooseChunkEncoding(600, 16_000)).toEqual({ codec: "flac", chunkSeconds: 600 });
    expect(flacBytesUpperBound(600, 16_000)).toBeLessThan(OPENAI_UPLOAD_LIMIT_BYTES);
    expect(900 * 16_000 * 2).toBeGreaterThan(25 * 1000 * 1000);
  });

  it("switches to constant-bitrate MP3 where FLAC's worst case could exceed the limit", () => {
    expect(flacBytesUpperBound(900, 16_000)).toBeGreaterThan(OPENAI_UPLOAD_LIMIT_BYTES);
    expect(chooseChunkEncoding(900, 16_000)).toEqual({ codec: "mp3", chunkSeconds: 900 });
    expect(chooseChunkEncoding(600, 48_000)).toEqual({ codec: "mp3", chunkSeconds: 600 });
    expect(mp3BytesUpperBound(900)).toBeLessThan(OPENAI_UPLOAD_LIMIT_BYTES / 3);
  });

  it("shortens windows that even MP3 could not fit", () => {
    const max = maxMp3ChunkSeconds();
    expect(mp3BytesUpperBound(max)).toBeLessThanOrEqual(OPENAI_UPLOAD_LIMIT_BYTES);
    expect(mp3BytesUpperBound(max * 1.06)).toBeGreaterThan(OPENAI_UPLOAD_LIMIT_BYTES);
    expect(chooseChunkEncoding(7200, 16_000)).toEqual({ codec: "mp3", chunkSeconds: max });
    expect(maxMp3ChunkSeconds(MP3_BITRATE_KBPS * 2)).toBeLessThan(max);
  });

  it("keeps real worst-case audio (white noise) under the bounds", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "noise-"));
    const bins = await testBinaries();
    // Raw mono s16le PCM, the format extraction hands to the chunk encoder.
    const pcm = path.join(dir, "noise.pcm");
    const noise = ["-f", "lavfi", "-i", "anoisesrc=d=30:c=white:a=1:r=16000", "-ac", "1", "-f", "s16le", pcm];
    await promisify(execFile)(bins.ffmpeg, ["-hide_banner", "-y", ...noise]);
    const chunk = { index: 0, start: 0, end: 30, duration: 30 };
    for (const codec of ["flac", "mp3"] as const) {
      const out = await encodeChunk(bins, pcm, chunk, path.join(dir, `noise.${codec}`), { codec, sampleRate: 16_000 });
      expect(out.size).toBeLessThanOrEqual(chunkBytesUpperBound(codec, 30, 16_000));
      // Noise is incompressible: the FLAC bound is tight, not a loose guess.
      if (codec === "flac") expect(out.size).toBeGreaterThan(0.9 * 30 * 16_000 * 2);
    }
    await rm(dir, { recursive: true, force: true });
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
