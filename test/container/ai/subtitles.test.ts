import { describe, expect, it } from "vitest";
import { formatSubtitles, formatTimestamp, toSrt, toVtt } from "../../../container/src/subtitles/format";

const segments = [
  { start: 0, end: 2.5, text: "Hello and welcome." },
  { start: 2.5, end: 3661.0004, text: "Line one\n\nline two", speaker: "Teacher" },
  { start: 5, end: 5, text: "zero length" },
  { start: 6, end: 7, text: "   " },
  { start: 7, end: 8.9996, text: "a < b && c --> d" },
];

describe("subtitle formatting", () => {
  it("formats timestamps with rounding carry and hours past 99", () => {
    expect(formatTimestamp(0, ",")).toBe("00:00:00,000");
    expect(formatTimestamp(59.9996, ",")).toBe("00:01:00,000");
    expect(formatTimestamp(3723.456, ".")).toBe("01:02:03.456");
    expect(formatTimestamp(360000, ".")).toBe("100:00:00.000");
    expect(formatTimestamp(-3, ",")).toBe("00:00:00,000");
  });

  it("writes SRT cues numbered from 1, skipping empty and zero-length ones", () => {
    expect(toSrt(segments)).toBe(
      [
        "1",
        "00:00:00,000 --> 00:00:02,500",
        "Hello and welcome.",
        "",
        "2",
        "00:00:02,500 --> 01:01:01,000",
        "Teacher: Line one",
        "line two",
        "",
        "3",
        "00:00:07,000 --> 00:00:09,000",
        "a < b && c --> d",
        "",
      ].join("\n"),
    );
  });

  it("writes WebVTT with a header, escaped markup and voice tags", () => {
    expect(toVtt(segments)).toBe(
      [
        "WEBVTT",
        "",
        "00:00:00.000 --> 00:00:02.500",
        "Hello and welcome.",
        "",
        "00:00:02.500 --> 01:01:01.000",
        "<v Teacher>Line one",
        "line two",
        "",
        "00:00:07.000 --> 00:00:09.000",
        "a &lt; b &amp;&amp; c \u2192 d",
        "",
      ].join("\n"),
    );
    expect(toVtt([])).toBe("WEBVTT\n");
    expect(formatSubtitles(segments, "srt")).toBe(toSrt(segments));
  });
});
