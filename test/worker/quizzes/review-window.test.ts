import { describe, expect, it } from "vitest";
import { reviewWindow } from "../../../worker/quizzes/review-window";

/** Ten 6 s segments over a 60 s lesson. */
const SIX = Array.from({ length: 10 }, (_, i) => ({ start: i * 6, end: (i + 1) * 6 }));

describe("review clip windows: padded, snapped to segments, 8-40 s, inside the video", () => {
  it("pads the evidence and widens it to whole segments", () => {
    // 13-16 padded by 2 is 11-18: the segment starting at 6 and the one ending at 18.
    expect(reviewWindow({ start: 13, end: 16 }, SIX, 60, 2)).toEqual({ start: 6, end: 18 });
  });

  it("keeps the padded window as it is without segments, to the millisecond", () => {
    expect(reviewWindow({ start: 10, end: 20 }, [], 60, 0)).toEqual({ start: 10, end: 20 });
    expect(reviewWindow({ start: 12.34567, end: 22.1 }, [], 60, 1)).toEqual({ start: 11.346, end: 23.1 });
  });

  it("lengthens a short window to 8 s, to the next segment end when there is one", () => {
    expect(reviewWindow({ start: 30.2, end: 30.8 }, [], 60, 0)).toEqual({ start: 30.2, end: 38.2 });
    // 30-36 after snapping is 6 s; 38 s is inside the segment ending at 42.
    expect(reviewWindow({ start: 30.2, end: 30.8 }, SIX, 60, 0)).toEqual({ start: 30, end: 42 });
  });

  it("moves the start back when the video ends first", () => {
    // 55-60 snaps to 54-60 (6 s); the end cannot grow, so the start goes back to the segment start at 48.
    expect(reviewWindow({ start: 57, end: 59 }, SIX, 60, 2)).toEqual({ start: 48, end: 60 });
    expect(reviewWindow({ start: 57, end: 59 }, [], 60, 2)).toEqual({ start: 52, end: 60 });
  });

  it("clamps the padding at the start of the video", () => {
    // 0.5-1 padded is 0-3; the snap gives 0-6 and the minimum 0-12.
    expect(reviewWindow({ start: 0.5, end: 1 }, SIX, 60, 2)).toEqual({ start: 0, end: 12 });
  });

  it("cuts a long window to 40 s from its start, at the last segment end in reach", () => {
    // 3-52 is 49 s; snapping the start to 0 would make it longer still, so it stays at 3 and ends at 42.
    expect(reviewWindow({ start: 5, end: 50 }, SIX, 60, 2)).toEqual({ start: 3, end: 42 });
    expect(reviewWindow({ start: 0, end: 55 }, [], 60, 2)).toEqual({ start: 0, end: 40 });
  });

  it("skips a snap that would make the clip longer than 40 s", () => {
    // 1-39 is 38 s: the segment before would start at 0 (39 s, fine), the segment after ends at 42 (42 s, too long).
    expect(reviewWindow({ start: 3, end: 37 }, SIX, 60, 2)).toEqual({ start: 0, end: 39 });
  });

  it("makes a video shorter than 8 s its own clip", () => {
    expect(reviewWindow({ start: 1, end: 2 }, [{ start: 0, end: 5 }], 5, 2)).toEqual({ start: 0, end: 5 });
  });
});
