import { describe, expect, it } from "vitest";
import { meanVolume, postRender, probe, renderResult } from "./render-harness";
import { useRenderSuite } from "./render-media";

const suite = useRenderSuite("render-durations");

const small = { aspect_ratio: "16:9", templates: [{ name: "small", format: "mp4", width: 320, height: 180 }] };

async function renderOne(options: Record<string, unknown>, files: Record<string, string>) {
  const response = await postRender(suite.service, { ...small, ...options }, files);
  expect(response.status).toBe(200);
  const result = renderResult(response);
  const file = response.files["small.mp4"];
  expect(file).toBeDefined();
  return { ...(await probe(file as string)), response, result };
}

describe("render durations", () => {
  it("a cut-only timeline of 3 clips lasts the sum of (out - in)", async () => {
    const { duration, streams, result } = await renderOne(
      {
        clips: [
          { input: "source_0", in_point: 0.5, out_point: 2 },
          { input: "source_1", in_point: 0, out_point: 1.2 },
          { input: "source_0", in_point: 1, out_point: 2.7 },
        ],
      },
      { source_0: suite.media.red, source_1: suite.media.green },
    );
    expect(duration).toBeGreaterThanOrEqual(1.5 + 1.2 + 1.7 - 0.1);
    expect(duration).toBeLessThanOrEqual(1.5 + 1.2 + 1.7 + 0.1);
    expect(streams.map((stream) => stream.codec_type).sort()).toEqual(["audio", "video"]);
    expect(result.duration).toBeCloseTo(4.4, 3);
    expect(result.outputs[0]?.duration).toBeCloseTo(duration, 1);
  });

  it("each crossfade subtracts its duration; dips to black or white do not", async () => {
    const { duration } = await renderOne(
      {
        clips: [
          { input: "source_0", in_point: 0, out_point: 2, transition: { type: "crossfade", duration: 0.5 } },
          { input: "source_1", in_point: 0, out_point: 2, transition: { type: "fade_to_black", duration: 0.6 } },
          { input: "source_2", in_point: 0, out_point: 2, transition: { type: "crossfade", duration: 0.8 } },
          { input: "source_0", in_point: 1, out_point: 3, transition: { type: "fade_to_white", duration: 0.4 } },
        ],
      },
      { source_0: suite.media.red, source_1: suite.media.green, source_2: suite.media.blueRotated },
    );
    const expected = 8 - 0.5 - 0.8;
    expect(Math.abs(duration - expected)).toBeLessThanOrEqual(0.1);
  });

  it("has no audio track when no clip includes audio and there is no music", async () => {
    const { streams, duration } = await renderOne(
      {
        clips: [
          { input: "source_0", in_point: 0, out_point: 1, include_audio: false },
          { input: "source_1", in_point: 0, out_point: 1 },
        ],
      },
      { source_0: suite.media.red, source_1: suite.media.green },
    );
    expect(streams.map((stream) => stream.codec_type)).toEqual(["video"]);
    expect(Math.abs(duration - 2)).toBeLessThanOrEqual(0.1);
  });

  it("has audio when only the music provides it, looped to the full length", async () => {
    const { streams, duration, response } = await renderOne(
      {
        clips: [{ input: "source_0", in_point: 0, out_point: 3, include_audio: false }],
        background_music: { input: "music", loop: true },
      },
      { source_0: suite.media.green, music: suite.media.music },
    );
    const audio = streams.find((stream) => stream.codec_type === "audio");
    expect(audio?.codec_name).toBe("aac");
    expect(Math.abs(duration - 3)).toBeLessThanOrEqual(0.1);
    // The 2 s track plays again after its end instead of leaving silence.
    expect(await meanVolume(response.files["small.mp4"] as string, 2.2, 2.9, 3000)).toBeGreaterThan(-30);
  });
});
