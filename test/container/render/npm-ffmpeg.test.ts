import { expect, it } from "vitest";
import { resolveBinaries } from "../../../container/src/ffmpeg/binaries";
import { frameAt, pixel, postRender, probe } from "./render-harness";
import { useRenderSuite } from "./render-media";

// `npm install` alone must be enough: the npm-shipped FFmpeg (a 2018 build) has no `xfade`,
// so crossfades fall back to a blend of the two clips.
const suite = useRenderSuite("render-npm-ffmpeg", { FFMPEG_SOURCE: "npm" });

it("detects which builds have xfade", async () => {
  expect((await resolveBinaries({ prefer: "npm" })).hasXfade).toBe(false);
});

it("renders a crossfade with the npm-shipped FFmpeg: right length, both clips mixed mid-transition", async () => {
  const response = await postRender(
    suite.service,
    {
      aspect_ratio: "16:9",
      templates: [{ name: "small", format: "mp4", width: 320, height: 180 }],
      clips: [
        { input: "source_0", in_point: 0, out_point: 2, transition: { type: "crossfade", duration: 1 } },
        { input: "source_1", in_point: 0, out_point: 2 },
      ],
    },
    { source_0: suite.media.red, source_1: suite.media.green },
  );
  expect(response.status).toBe(200);
  const file = response.files["small.mp4"] as string;
  expect(file, JSON.stringify(response.events.at(-1))).toBeDefined();
  const { duration } = await probe(file);
  expect(duration).toBeGreaterThan(3 - 0.1);
  expect(duration).toBeLessThan(3 + 0.1);

  const [r0, g0] = pixel(await frameAt(file, 0.5), 160, 90);
  const [rMid, gMid] = pixel(await frameAt(file, 1.5), 160, 90);
  const [rEnd, gEnd] = pixel(await frameAt(file, 2.7), 160, 90);
  expect(r0).toBeGreaterThan(200);
  expect(g0).toBeLessThan(60);
  // Halfway through the transition both colours are present.
  expect(rMid).toBeGreaterThan(60);
  expect(gMid).toBeGreaterThan(40);
  expect(gEnd).toBeGreaterThan(100);
  expect(rEnd).toBeLessThan(60);
});
