/** Word timings for the fake's verbose_json, as Whisper gives them with `timestamp_granularities[]=word`. */

interface TimedText {
  start: number;
  end: number;
  text: string;
}

const r2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Each segment's words spread over its span by length. Like Whisper's, the words carry no punctuation and
 * are listed apart from the segments.
 */
export function wordsOf(segments: readonly TimedText[]): { word: string; start: number; end: number }[] {
  return segments.flatMap((segment) => {
    const words = segment.text
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ""))
      .filter(Boolean);
    const letters = words.reduce((sum, word) => sum + word.length + 1, 0);
    const span = segment.end - segment.start;
    let at = segment.start;
    return words.map((word) => {
      const length = (span * (word.length + 1)) / letters;
      const timed = { word, start: r2(at), end: r2(at + length * 0.85) };
      at += length;
      return timed;
    });
  });
}

/** Adds `words` when the request asked for word timestamps, as the real API does. */
export function withWordsIfAsked<T extends { segments: TimedText[] }>(
  verbose: T,
  fields: Record<string, string | string[]>,
): T & { words?: ReturnType<typeof wordsOf> } {
  const granularities = [fields["timestamp_granularities[]"] ?? []].flat();
  return granularities.includes("word") ? { ...verbose, words: wordsOf(verbose.segments) } : verbose;
}
