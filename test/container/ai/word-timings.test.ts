import { describe, expect, it } from "vitest";
import { mergeChunks } from "../../../container/src/ai/merge";
import { describeLanguage, toLanguageCode } from "../../../container/src/protocol/language";
import { captionCues, wrapCaption } from "../../../container/src/subtitles/captions";

const chunk = (index: number, start: number, end: number) => ({ index, start, end, duration: end - start });

describe("word timings merged across chunks", () => {
  it("shifts each chunk's words, keeps them in order inside their segment, also when a segment joins the previous", () => {
    const merged = mergeChunks([
      {
        chunk: chunk(1, 10, 20),
        language: "en",
        text: "produces energy",
        // The second segment ends before the first does: squeezed to nothing, it joins the first.
        segments: [
          { start: 1, end: 3, text: "produces" },
          { start: 2, end: 2.5, text: "energy" },
        ],
        words: [
          { word: "energy", start: 2, end: 2.4 },
          { word: "produces", start: 1, end: 1.8 },
        ],
      },
      {
        chunk: chunk(0, 0, 10),
        language: "en",
        text: "the Krebs cycle",
        segments: [{ start: 8, end: 10.4, text: "the Krebs cycle" }],
        words: [
          { word: "the", start: 8, end: 8.5 },
          { word: "Krebs", start: 9, end: 9.8 },
          // Straddles the chunk boundary: clamped to the chunk, so it cannot overlap the next chunk's words.
          { word: "cycle", start: 9.9, end: 10.4 },
        ],
      },
    ]);
    expect(merged.segments.map((s) => [s.index, s.start, s.end, s.text])).toEqual([
      [0, 8, 10, "the Krebs cycle"],
      [1, 11, 13, "produces energy"],
    ]);
    expect(merged.words).toEqual([
      { word: "the", start: 8, end: 8.5, segment_index: 0 },
      { word: "Krebs", start: 9, end: 9.8, segment_index: 0 },
      { word: "cycle", start: 9.9, end: 10, segment_index: 0 },
      { word: "produces", start: 11, end: 11.8, segment_index: 1 },
      { word: "energy", start: 12, end: 12.4, segment_index: 1 },
    ]);
  });

  it("has no words unless every chunk had them", () => {
    const merged = mergeChunks([
      { chunk: chunk(0, 0, 5), text: "a", segments: [{ start: 0, end: 1, text: "a" }], words: [] },
      { chunk: chunk(1, 5, 10), text: "b", segments: [{ start: 0, end: 1, text: "b" }] },
    ]);
    expect(merged.words).toBeNull();
    expect(merged.segments).toHaveLength(2);
  });
});

describe("language codes", () => {
  it("normalises Whisper's names, codes and tags to ISO 639-1", () => {
    expect(toLanguageCode("english")).toBe("en");
    expect(toLanguageCode("German")).toBe("de");
    expect(toLanguageCode("haitian creole")).toBe("ht");
    expect(toLanguageCode("EN")).toBe("en");
    expect(toLanguageCode("pt-BR")).toBe("pt");
    expect(toLanguageCode("jw")).toBe("jv");
    expect(toLanguageCode("hawaiian")).toBeNull();
    expect(toLanguageCode("")).toBeNull();
    expect(toLanguageCode(undefined)).toBeNull();
    expect(describeLanguage("de")).toBe("German (de)");
  });
});

describe("captions from word timings", () => {
  const words = (text: string, start: number, step: number, segment = 0) =>
    text.split(" ").map((word, i) => ({
      word,
      start: start + i * step,
      end: start + i * step + step * 0.8,
      segment_index: segment,
    }));

  it("keeps cues to two lines of max_line_chars and seven seconds, cut at pauses, with the segment's punctuation", () => {
    const text =
      "Today we look at photosynthesis, how chlorophyll absorbs light, and why the Krebs cycle matters for every living cell on earth.";
    const segment = { index: 0, start: 0, end: 30, duration: 30, text };
    const timed = words(text.replace(/[,.]/g, ""), 0, 0.5);
    for (const maxLineChars of [42, 20]) {
      const cues = captionCues([segment], timed, { maxLineChars, maxLines: 2, maxCueSeconds: 7 });
      expect(cues.length).toBeGreaterThan(1);
      for (const cue of cues) {
        const lines = cue.text.split("\n");
        expect(lines.length).toBeLessThanOrEqual(2);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(maxLineChars);
        expect(cue.end - cue.start).toBeLessThanOrEqual(7);
      }
      expect(cues.map((c) => c.text.replace(/\n/g, " ")).join(" ")).toBe(text);
      expect(cues[0]!.text).toContain("photosynthesis,");
    }
    // A pause of a second or more starts a new cue even when the words would fit.
    const paused = [...words("short one", 0, 0.4), ...words("after pause", 3, 0.4)];
    const cues = captionCues([{ ...segment, text: "short one after pause" }], paused);
    expect(cues.map((c) => c.text)).toEqual(["short one", "after pause"]);
  });

  it("without word timings gives one cue per segment; wraps evenly and refuses what does not fit", () => {
    const segment = { index: 0, start: 1, end: 4, duration: 3, text: "One cue" };
    expect(captionCues([segment], null)).toEqual([{ start: 1, end: 4, text: "One cue" }]);
    expect(wrapCaption(["aaaa", "bbbb", "cccc"], { maxLineChars: 10, maxLines: 2 })).toEqual(["aaaa", "bbbb cccc"]);
    expect(wrapCaption(["aaaa", "bbbb", "cccc", "dddd", "eeee"], { maxLineChars: 10, maxLines: 2 })).toBeNull();
  });
});
