import { rm } from "node:fs/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AiError } from "../../../container/src/ai/errors";
import { createOpenAIClient } from "../../../container/src/ai/openai-client";
import { type ChunkSegmentsEvent, transcribeVideo } from "../../../container/src/ai/transcribe";
import { SubtitleSegmentSchema } from "../../../container/src/subtitles/segment";
import { type FakeOpenAI, startFakeOpenAI } from "../../fake-openai/server";
import { makeLongVideo, makeSilentVideo, skipWithoutRealSpeech } from "../../media/speech-video";
import { type AiFixtures, aiFixtures, scratchDir, TEST_KEY } from "./ai-fixtures";

let fake: FakeOpenAI;
let fx: AiFixtures;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: TEST_KEY });
  fx = await aiFixtures();
});
afterAll(async () => {
  await fake?.stop();
  if (fx) await rm(fx.dir, { recursive: true, force: true });
});
beforeEach(() => fake.control.reset());

function run(video: string, options: Partial<Parameters<typeof transcribeVideo>[1]> = {}) {
  const progress: number[] = [];
  const chunks: ChunkSegmentsEvent[] = [];
  const logs: { level: string; message: string }[] = [];
  const openai = createOpenAIClient({ apiKey: TEST_KEY, baseURL: fake.url, timeoutSeconds: 30, maxRetries: 2 });
  const promise = scratchDir(fx.dir).then((workDir) =>
    transcribeVideo(
      video,
      { model: "whisper-1", chunkSeconds: 10, sampleRate: 16000, concurrency: 4, ...options },
      { bins: fx.bins, threads: 2, openai, workDir },
      {
        progress: (p) => void progress.push(p),
        segments: (e) => void chunks.push(e),
        log: (level, message) => void logs.push({ level, message }),
      },
    ),
  );
  return { promise, progress, chunks, logs };
}

describe("transcribeVideo against the fake OpenAI", () => {
  it("sends mono FLAC chunks at the sample rate, cut in pauses, and merges them on the timeline", async (ctx) => {
    // Whether cuts land in the pauses between sentences, not between words, is only a question for real speech.
    await skipWithoutRealSpeech(ctx);
    const { promise, progress, chunks } = run(fx.speechVideo, { language: "en", prompt: "Fractions lesson" });
    const result = await promise;
    const sent = fake.control.requests("transcriptions");
    expect(result.chunks.length).toBeGreaterThanOrEqual(2);
    expect(sent).toHaveLength(result.chunks.length);
    for (const request of sent) {
      expect(request.status).toBe(200);
      expect(request.model).toBe("whisper-1");
      expect(request.fields).toMatchObject({
        response_format: "verbose_json",
        "timestamp_granularities[]": ["word", "segment"],
        language: "en",
        prompt: "Fractions lesson",
      });
      expect(request.audio).toMatchObject({ format_name: "flac", codec: "flac", sample_rate: 16000, channels: 1 });
      expect(request.audio!.duration).toBeLessThanOrEqual(10 + 0.1);
      expect(request.audio!.bytes).toBeLessThan(25 * 1024 * 1024);
    }
    // Every cut lands in a pause: each chunk but the last ends in silence, each but the first starts in silence.
    const byName = new Map(sent.map((r) => [r.audio!.filename, r.audio!]));
    for (const chunk of result.chunks) {
      const audio = byName.get(`chunk-${String(chunk.index).padStart(3, "0")}.flac`)!;
      expect(audio.duration).toBeCloseTo(chunk.end - chunk.start, 0);
      if (chunk.index < result.chunks.length - 1) expect(audio.speech.at(-1)!.end).toBeLessThan(audio.duration! - 0.1);
      if (chunk.index > 0) expect(audio.speech[0]!.start).toBeGreaterThan(0.05);
    }

    expect(result.duration).toBeGreaterThan(12);
    expect(result.usage).toEqual({ audio_seconds: expect.closeTo(result.duration, 2), requests: sent.length });
    expect(result.language).toBe("en");
    expect(result.request_ids.sort()).toEqual(sent.map((r) => r.request_id).sort());
    expect(result.segment_count).toBe(result.segments.length);
    expect(result.segments.length).toBeGreaterThanOrEqual(SHORT_SENTENCES_MIN);
    result.segments.forEach((segment, i) => {
      SubtitleSegmentSchema.parse(segment);
      expect(segment.index).toBe(i);
      expect(segment.end).toBeLessThanOrEqual(result.duration);
      if (i > 0) expect(segment.start).toBeGreaterThanOrEqual(result.segments[i - 1]!.end);
    });
    // Segments of a later chunk are shifted by that chunk's offset.
    const last = result.chunks.at(-1)!;
    expect(result.segments.at(-1)!.start).toBeGreaterThanOrEqual(last.start);
    expect(result.text).toBe(result.segments.map((s) => s.text).join(" "));
    // Words are merged across chunks like segments: in order, inside their segment, later chunks shifted.
    const words = result.words!;
    expect(words.length).toBeGreaterThan(result.segments.length);
    words.forEach((word, i) => {
      const owner = result.segments[word.segment_index]!;
      expect(word.start).toBeGreaterThanOrEqual(owner.start);
      expect(word.end).toBeLessThanOrEqual(owner.end);
      if (i > 0) expect(word.start).toBeGreaterThanOrEqual(words[i - 1]!.end);
    });
    expect(words.at(-1)!.start).toBeGreaterThanOrEqual(last.start);
    expect(new Set(words.map((w) => w.segment_index)).size).toBe(result.segments.length);

    expect(chunks).toHaveLength(result.chunks.length);
    expect(chunks.flatMap((c) => c.segments.map((s) => s.text))).toHaveLength(result.segments.length);
    for (const event of chunks) {
      for (const s of event.segments) {
        expect(s.start).toBeGreaterThanOrEqual(event.start);
        expect(s.end).toBeLessThanOrEqual(event.end);
      }
    }
    expect(progress.at(-1)).toBe(100);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
  });

  it("extracts at the requested sample rate, as MP3 where FLAC might not fit 25 MB", async () => {
    const low = await run(fx.speechVideo, { sampleRate: 8000, chunkSeconds: 600 }).promise;
    expect(low.chunks).toHaveLength(1);
    expect(low.audio).toMatchObject({ codec: "flac", sample_rate: 8000, bitrate_kbps: null });
    expect(fake.control.requests("transcriptions")[0]!.audio).toMatchObject({
      codec: "flac",
      sample_rate: 8000,
      channels: 1,
    });
    fake.control.reset();
    const high = await run(fx.speechVideo, { sampleRate: 48000, chunkSeconds: 600 }).promise;
    expect(high.audio).toMatchObject({ codec: "mp3", sample_rate: 48000, bitrate_kbps: 64, chunk_seconds: 600 });
    const [sent] = fake.control.requests("transcriptions");
    expect(sent!.audio).toMatchObject({ codec: "mp3", content_type: "audio/mpeg", sample_rate: 48000, channels: 1 });
    expect(high.segments.length).toBe(low.segments.length);
  });

  it("keeps at most `concurrency` chunk requests in flight", async () => {
    const video = await makeLongVideo(fx.dir, 60, 7, "minute.mp4");
    fake.control.setLatency(1500);
    const { promise } = run(video, { chunkSeconds: 10, concurrency: 3 });
    const result = await promise;
    // Cuts move into pauses before each 10 s edge, so 60 s needs 6 or 7 windows.
    expect(result.chunks.length).toBeGreaterThanOrEqual(6);
    for (const chunk of result.chunks) expect(chunk.end - chunk.start).toBeLessThanOrEqual(10);
    const sent = fake.control.requests("transcriptions");
    const inFlightAt = (t: number) => sent.filter((r) => r.received_at <= t && t < r.answered_at).length;
    const peak = Math.max(...sent.map((r) => inFlightAt(r.received_at)));
    expect(peak).toBe(3);
  });

  it("fails without retrying when the video has no audio track", async () => {
    const video = await makeSilentVideo(fx.dir);
    const { promise } = run(video);
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiError);
    expect(error).toMatchObject({
      code: "MEDIA_ERROR",
      retryable: false,
      message: "The video has no audio track to transcribe",
    });
    expect(fake.control.requests()).toHaveLength(0);
  });
});

const SHORT_SENTENCES_MIN = 4;
