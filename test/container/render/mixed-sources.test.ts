import { describe, expect, it } from "vitest";
import { frameAt, meanVolume, pixel, postRender, probe, renderResult } from "./render-harness";
import { useRenderSuite } from "./render-media";

const suite = useRenderSuite("render-mixed");

const near = (actual: number[], expected: number[], tolerance = 45) =>
  actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= tolerance);

describe("render with mixed sources", () => {
  it("normalises sizes, frame rates, rotation and pixel aspect into one stream", async () => {
    const response = await postRender(
      suite.service,
      {
        clips: [
          { input: "source_0", in_point: 0, out_point: 1 },
          { input: "source_1", in_point: 0, out_point: 1, transition: { type: "crossfade", duration: 0.3 } },
          { input: "source_2", in_point: 0, out_point: 1 },
          { input: "source_3", in_point: 0, out_point: 1 },
        ],
        fps: 30,
        templates: [{ name: "mixed", format: "mp4", width: 320, height: 180 }],
      },
      {
        source_0: suite.media.red,
        source_1: suite.media.green,
        source_2: suite.media.blueRotated,
        source_3: suite.media.anamorphic,
      },
    );
    renderResult(response);
    const file = response.files["mixed.mp4"] as string;
    const { duration, streams } = await probe(file);
    const video = streams.find((stream) => stream.codec_type === "video");
    expect([video?.width, video?.height, video?.avg_frame_rate]).toEqual([320, 180, "30/1"]);
    // Only the crossfade between the 2nd and 3rd clip overlaps them.
    expect(Math.abs(duration - (4 - 0.3))).toBeLessThanOrEqual(0.1);

    // Red 16:9 fills the frame; green 4:3 is pillarboxed.
    expect(near(pixel(await frameAt(file, 0.5), 5, 90), [255, 0, 0])).toBe(true);
    const green = await frameAt(file, 1.2);
    expect(near(pixel(green, 160, 90), [0, 128, 0])).toBe(true);
    expect(near(pixel(green, 5, 90), [0, 0, 0])).toBe(true);
    // The rotated clip shows upright (portrait), so it is pillarboxed in a landscape frame.
    const blue = await frameAt(file, 2.2);
    expect(near(pixel(blue, 160, 90), [0, 0, 255])).toBe(true);
    expect(near(pixel(blue, 40, 90), [0, 0, 0])).toBe(true);
    // 240x180 with 4:3 pixels displays as 16:9, so it fills the frame edge to edge.
    const magenta = await frameAt(file, 3.2);
    expect(near(pixel(magenta, 5, 90), [255, 0, 255]), `${pixel(magenta, 5, 90)}`).toBe(true);

    // The green clip has no sound: the gap is silence, its neighbours keep their tones.
    expect(await meanVolume(file, 0.1, 0.6)).toBeGreaterThan(-40);
    expect(await meanVolume(file, 1.1, 1.6)).toBeLessThan(-80);
    expect(await meanVolume(file, 1.9, 2.5)).toBeGreaterThan(-40);
  });
});
