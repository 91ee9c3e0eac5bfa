import { describe, expect, it } from "vitest";
import type { Asset } from "../../../worker/db/schema/assets";
import { layoutClips, remapCues } from "../../../worker/exports/output-timeline";
import { dbToLinear } from "../../../worker/exports/render-request";
import type { ResolvedClip } from "../../../worker/exports/resolve-timeline";

const clip = (inPoint: number, outPoint: number, type = "cut", duration = 0): ResolvedClip => ({
  asset: { id: "a" } as Asset,
  inPoint,
  outPoint,
  includeAudio: true,
  transition: { type: type as ResolvedClip["transition"]["type"], duration },
  cues: [],
  transcript: [],
});

describe("output timeline", () => {
  it("places clips back to back, overlapping by each crossfade; fades keep the length", () => {
    const clips = [
      clip(10, 14, "crossfade", 1),
      clip(0, 3, "fade_to_black", 0.5),
      clip(5, 7, "crossfade", 0.4),
      clip(0, 2),
    ];
    const { windows, duration } = layoutClips(clips);
    expect(windows.map((w) => w.start)).toEqual([0, 3, 6, expect.closeTo(7.6, 9)]);
    expect(duration).toBeCloseTo(4 + 3 + 2 + 2 - 1 - 0.4, 9);
    // Each clip owns half of a crossfade overlap for subtitles.
    expect(windows[0]).toMatchObject({ visibleFrom: 0, visibleTo: 3.5 });
    expect(windows[1]).toMatchObject({ visibleFrom: 3.5, visibleTo: 6 });
    expect(windows[3]).toMatchObject({ visibleFrom: expect.closeTo(7.8, 9), visibleTo: expect.closeTo(9.6, 9) });
  });

  it("re-maps transcript cues from the source clock onto the output, cut to the clip and its window", () => {
    const clips = [clip(10, 14, "crossfade", 1), clip(20, 23)];
    const { windows } = layoutClips(clips);
    const transcript = [
      { start: 8, end: 10.5, text: "before the in point, partly" },
      { start: 11, end: 12, text: "inside" },
      { start: 13, end: 16, text: "into the crossfade" },
      { start: 30, end: 31, text: "outside" },
    ];
    expect(remapCues(transcript, clips[0]!, windows[0]!)).toEqual([
      { start: 0, end: 0.5, text: "before the in point, partly" },
      { start: 1, end: 2, text: "inside" },
      { start: 3, end: 3.5, text: "into the crossfade" },
    ]);
    expect(remapCues([{ start: 20, end: 21, text: "second" }], clips[1]!, windows[1]!)).toEqual([
      { start: 3.5, end: 4, text: "second" },
    ]);
    expect(remapCues([{ start: 22.98, end: 23.5, text: "sliver" }], clips[1]!, windows[1]!)).toEqual([]);
  });

  it("turns the ducking threshold from dBFS into the linear amplitude the render expects", () => {
    expect(dbToLinear(0)).toBe(1);
    expect(dbToLinear(-20)).toBeCloseTo(0.1, 9);
    expect(dbToLinear(-60)).toBeCloseTo(0.001, 6);
  });
});
