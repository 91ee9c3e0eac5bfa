/**
 * Where to cut the audio for Whisper: windows of at most `chunkSeconds`, each cut moved back into
 * the latest silence near the window edge so that no word is split.
 */
export interface Silence {
  start: number;
  end: number;
}

export interface AudioChunk {
  index: number;
  start: number;
  end: number;
  duration: number;
}

/** Whisper refuses uploads shorter than 0.1 s; a trailing sliver that short holds no speech anyway. */
export const MIN_CHUNK_SECONDS = 0.1;

/** How far before the window edge a pause may be to serve as the cut. */
export function silenceSearchSeconds(chunkSeconds: number): number {
  return Math.min(60, chunkSeconds * 0.25);
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

function cutFor(
  windowStart: number,
  ideal: number,
  limit: number,
  silences: readonly Silence[],
  search: number,
): number {
  let best: number | undefined;
  const from = Math.max(ideal - search, windowStart + MIN_CHUNK_SECONDS);
  for (const silence of silences) {
    const low = Math.max(silence.start, from);
    const high = Math.min(silence.end, limit);
    if (low > high) continue;
    // The middle of the pause leaves margin on both sides; only the part inside the search range counts.
    const candidate = Math.min(Math.max((silence.start + silence.end) / 2, low), high);
    if (best === undefined || Math.abs(candidate - ideal) < Math.abs(best - ideal)) best = candidate;
  }
  return best ?? Math.min(ideal, limit);
}

/**
 * Windows are balanced: the rest of the audio is split into the fewest windows of at most
 * `chunkSeconds`, so no chunk ends up as a tiny tail (parallel wall time is set by the longest chunk).
 */
export function planChunks(durationSeconds: number, silences: readonly Silence[], chunkSeconds: number): AudioChunk[] {
  if (!(chunkSeconds > 0)) throw new RangeError("chunkSeconds must be positive");
  const duration = Math.max(0, durationSeconds);
  const search = silenceSearchSeconds(chunkSeconds);
  const sorted = [...silences].sort((a, b) => a.start - b.start);
  const chunks: AudioChunk[] = [];
  let start = 0;
  while (duration - start >= MIN_CHUNK_SECONDS) {
    const remaining = duration - start;
    let end = duration;
    if (remaining > chunkSeconds) {
      const ideal = start + remaining / Math.ceil(remaining / chunkSeconds);
      end = round3(cutFor(start, ideal, start + chunkSeconds, sorted, search));
    }
    chunks.push({ index: chunks.length, start, end, duration: round3(end - start) });
    start = end;
  }
  return chunks;
}
