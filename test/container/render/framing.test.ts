import { describe, expect, it } from "vitest";
import { frameAt, pixel, postRender, probe, renderResult } from "./render-harness";
import { useRenderSuite } from "./render-media";

const suite = useRenderSuite("render-framing");

const isRed = ([r, g, b]: number[]) => (r ?? 0) > 180 && (g ?? 255) < 60 && (b ?? 255) < 60;
const isBlack = ([r, g, b]: number[]) => (r ?? 255) < 30 && (g ?? 255) < 30 && (b ?? 255) < 30;

describe("render framing", () => {
  it("renders every template at its size, 9:16 from a 16:9 source, contain pads and cover crops", async () => {
    const response = await postRender(
      suite.service,
      {
        clips: [{ input: "source_0", in_point: 0, out_point: 1 }],
        aspect_ratio: "9:16",
        fit: "contain",
        templates: [
          { name: "portrait", format: "mp4", width: 180, height: 320, video_bitrate: "400k", audio_bitrate: "64k" },
          { name: "portrait_webm", format: "webm", width: 144, height: 256 },
          { name: "portrait_mov", format: "mov", width: 180, height: 320 },
        ],
      },
      { source_0: suite.media.red },
    );
    const { outputs } = renderResult(response);
    expect(outputs.map((output) => [output.name, output.template, output.format, output.width, output.height])).toEqual(
      [
        ["portrait.mp4", "portrait", "mp4", 180, 320],
        ["portrait_webm.webm", "portrait_webm", "webm", 144, 256],
        ["portrait_mov.mov", "portrait_mov", "mov", 180, 320],
      ],
    );
    // Each file event is followed by exactly its bytes, and the result reports the same size.
    for (const output of outputs) {
      const fileEvent = response.events.find((event) => event.type === "file" && event.name === output.name);
      expect(fileEvent?.size).toBe(output.size);
    }

    const webm = await probe(response.files["portrait_webm.webm"] as string);
    expect(webm.streams.map((stream) => stream.codec_name).sort()).toEqual(["opus", "vp9"]);
    const mov = await probe(response.files["portrait_mov.mov"] as string);
    expect(mov.streams.map((stream) => stream.codec_name).sort()).toEqual(["aac", "h264"]);
    expect(outputs[2]?.probe.container).toBe("mov");

    // Contain: the 16:9 picture sits in the middle, black bars above and below.
    const frame = await frameAt(response.files["portrait.mp4"] as string, 0.5);
    expect(frame.width / frame.height).toBeCloseTo(9 / 16, 2);
    expect(isBlack(pixel(frame, 90, 20))).toBe(true);
    expect(isRed(pixel(frame, 90, 160))).toBe(true);
    expect(isBlack(pixel(frame, 90, 300))).toBe(true);
  });

  it("cover fills the whole 9:16 frame by cropping the 16:9 source", async () => {
    const response = await postRender(
      suite.service,
      {
        clips: [{ input: "source_0", in_point: 0, out_point: 1 }],
        aspect_ratio: "9:16",
        fit: "cover",
        templates: [{ name: "cover", format: "mp4", width: 180, height: 320 }],
      },
      { source_0: suite.media.red },
    );
    const frame = await frameAt(response.files["cover.mp4"] as string, 0.5);
    expect([frame.width, frame.height]).toEqual([180, 320]);
    for (const y of [5, 160, 315]) expect(isRed(pixel(frame, 90, y)), `y=${y}`).toBe(true);
  });

  it("without templates renders one mp4 at the chosen aspect ratio and resolution", async () => {
    const response = await postRender(
      suite.service,
      { clips: [{ input: "source_0", in_point: 0, out_point: 0.5 }], aspect_ratio: "1:1", resolution: "540p" },
      { source_0: suite.media.red },
    );
    const { streams } = await probe(response.files["default.mp4"] as string);
    const video = streams.find((stream) => stream.codec_type === "video");
    expect([video?.codec_name, video?.width, video?.height]).toEqual(["h264", 540, 540]);
  });

  it("answers 400 before streaming when a template does not match the aspect ratio", async () => {
    const response = await postRender(
      suite.service,
      {
        clips: [{ input: "source_0", in_point: 0, out_point: 1 }],
        aspect_ratio: "16:9",
        templates: [{ name: "square", format: "mp4", width: 320, height: 320 }],
      },
      { source_0: suite.media.red },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "INVALID_OPTIONS" } });
    expect(JSON.stringify(response.body)).toContain("aspect ratio");
  });
});
