import { describe, expect, it } from "vitest";
import { frameAt, pixel, postRender, renderResult } from "./render-harness";
import { useRenderSuite } from "./render-media";

const suite = useRenderSuite("render-overlays");

const near = (actual: number[], expected: number[], tolerance = 40) =>
  actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= tolerance);

/** Pixels in the lower middle (where subtitles sit, clear of any pillarbox) that differ clearly from the clip's colour. */
function changedInSubtitleBand(frame: { width: number; height: number; rgb: Buffer }, plain: number[]): number {
  let changed = 0;
  for (let y = Math.floor(frame.height * 0.7); y < frame.height; y++) {
    for (let x = Math.floor(frame.width * 0.25); x < frame.width * 0.75; x++)
      if (!near(pixel(frame, x, y), plain, 60)) changed++;
  }
  return changed;
}

describe("render overlays", () => {
  it("places the watermark in its corner, scaled to the frame width, with its opacity", async () => {
    const clips = [{ input: "source_0", in_point: 0, out_point: 1 }];
    const templates = [{ name: "marked", format: "mp4", width: 320, height: 180 }];
    const opaque = await postRender(
      suite.service,
      { clips, templates, default_watermark: { input: "watermark", position: "top-right", scale: 0.2, opacity: 1 } },
      { source_0: suite.media.red, watermark: suite.media.watermark },
    );
    renderResult(opaque);
    // 0.2 x 320 = 64 px wide (64x32), 3% margin = 10 px: the mark covers x 246-309, y 10-41.
    const frame = await frameAt(opaque.files["marked.mp4"] as string, 0.5);
    expect(near(pixel(frame, 278, 26), [255, 255, 0]), `${pixel(frame, 278, 26)}`).toBe(true);
    expect(near(pixel(frame, 40, 26), [255, 0, 0])).toBe(true);
    expect(near(pixel(frame, 278, 150), [255, 0, 0])).toBe(true);

    const translucent = await postRender(
      suite.service,
      {
        clips,
        templates,
        default_watermark: { input: "watermark", position: "bottom-left", scale: 0.2, opacity: 0.5 },
      },
      { source_0: suite.media.red, watermark: suite.media.watermark },
    );
    const half = await frameAt(translucent.files["marked.mp4"] as string, 0.5);
    // Half-transparent yellow over red: red stays, green is about half.
    expect(near(pixel(half, 42, 154), [255, 128, 0], 35), `${pixel(half, 42, 154)}`).toBe(true);
    expect(near(pixel(half, 278, 26), [255, 0, 0])).toBe(true);
  });

  it("burns global and per-clip subtitles into the frame while their cues are on screen", async () => {
    const response = await postRender(
      suite.service,
      {
        clips: [
          { input: "source_0", in_point: 0, out_point: 1.5 },
          { input: "source_1", in_point: 0, out_point: 1.5, subtitles: [{ start: 2, end: 2.6, text: "Clip caption" }] },
        ],
        global_subtitles: [{ start: 0.2, end: 0.8, text: "Hello world" }],
        templates: [{ name: "subtitled", format: "mp4", width: 320, height: 180 }],
      },
      { source_0: suite.media.red, source_1: suite.media.green },
    );
    renderResult(response);
    const file = response.files["subtitled.mp4"] as string;
    const red = [255, 0, 0];
    const green = [0, 128, 0];
    expect(changedInSubtitleBand(await frameAt(file, 0.5), red)).toBeGreaterThan(200);
    expect(changedInSubtitleBand(await frameAt(file, 1.1), red)).toBe(0);
    expect(changedInSubtitleBand(await frameAt(file, 2.3), green)).toBeGreaterThan(200);
    expect(changedInSubtitleBand(await frameAt(file, 2.8), green)).toBe(0);
  });
});
