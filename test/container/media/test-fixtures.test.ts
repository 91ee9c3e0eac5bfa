// The media every other suite is built from, made with whichever FFmpeg FFMPEG_SOURCE picks (CI runs this once
// more with the npm-shipped 2018 build and no ffmpeg or espeak-ng on PATH): each comes out as its name promises.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeAudio } from "../../fake-openai/transcription";
import { displayRotation, ffprobeJson, testBinaries, testFfmpegSource } from "../../media/generate";
import { LESSON_SENTENCES, makeSpeech, makeVideoWithAudio } from "../../media/speech-video";
import { generateMediaFixtures, type MediaFixtureName } from "../../worker/media-fixtures";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "test-fixtures-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Streams = { codec_type: string; width?: number; height?: number }[];
const kinds = (streams: Streams) => streams.map((stream) => stream.codec_type).sort();

describe("test media", () => {
  it("uses the FFmpeg FFMPEG_SOURCE names", async () => {
    const source = testFfmpegSource();
    const bins = await testBinaries();
    if (source !== "auto") expect(bins.source).toBe(source);
    expect(bins.version).not.toBe("unknown");
  });

  it("makes every Worker fixture as described, the broken ones broken", async () => {
    const encoded = await generateMediaFixtures(await mkdtemp(path.join(dir, "worker-")));
    const files = {} as Record<MediaFixtureName, string>;
    for (const [name, base64] of Object.entries(encoded) as [MediaFixtureName, string][]) {
      files[name] = path.join(dir, name);
      await writeFile(files[name], Buffer.from(base64, "base64"));
    }
    const probe = async (name: MediaFixtureName) => {
      const { streams, format } = await ffprobeJson(files[name]);
      return { kinds: kinds(streams as Streams), duration: Number(format.duration), streams: streams as Streams };
    };

    expect(await probe("video.mp4")).toMatchObject({ kinds: ["audio", "video"], duration: expect.closeTo(3, 1) });
    expect(await displayRotation(files["rotated.mp4"])).toBe(90);
    expect(await probe("audio-only.m4a")).toMatchObject({ kinds: ["audio"] });
    expect(await probe("lesson.mp4")).toMatchObject({ kinds: ["audio", "video"], duration: expect.closeTo(25, 0) });
    expect(await probe("no-audio.mp4")).toMatchObject({ kinds: ["video"] });
    for (const clip of ["clip-red.mp4", "clip-green.mp4", "clip-blue.mp4"] as const) {
      const { streams, ...rest } = await probe(clip);
      expect(rest, clip).toMatchObject({ kinds: ["audio", "video"], duration: expect.closeTo(2, 1) });
      expect(
        streams.find((stream) => stream.codec_type === "video"),
        clip,
      ).toMatchObject({ width: 320, height: 180 });
    }
    expect((await probe("watermark.png")).streams[0]).toMatchObject({ width: 64, height: 32 });
    for (const broken of ["truncated.mp4", "lying-header.mp4", "not-media.mp4"] as const) {
      const decoded = await promisify(execFile)(
        (await testBinaries()).ffmpeg,
        ["-v", "error", "-i", files[broken], "-f", "null", "-"],
        { maxBuffer: 16 * 1024 * 1024 },
      ).then(
        ({ stderr }) => stderr,
        (error: { stderr?: string }) => error.stderr ?? "failed",
      );
      expect(decoded, broken).not.toBe("");
    }
  }, 120_000);

  // espeak-ng speech or, without it, one tone per sentence: either way the pauses are where the sentences end.
  it("speaks each sentence with a pause after it, as the fake OpenAI's silence detection sees it", async () => {
    const sentences = LESSON_SENTENCES;
    const video = await makeVideoWithAudio(dir, await makeSpeech(dir, sentences, 1200), "speech.mp4");
    const audio = await analyzeAudio(await testBinaries(), video, {
      filename: "speech.mp4",
      content_type: "",
      bytes: 0,
    });
    expect(audio.speech, JSON.stringify(audio.speech)).toHaveLength(sentences.length);
    for (let i = 1; i < audio.speech.length; i++) {
      expect(audio.speech[i]!.start - audio.speech[i - 1]!.end).toBeGreaterThan(0.9);
    }
  });
});
