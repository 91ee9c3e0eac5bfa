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
 * Plans windows while the audio is still being extracted. Windows are balanced: the rest of the audio is
 * split into the fewest windows of at most `chunkSeconds`, so no chunk is a tiny tail (parallel wall time
 * is set by the longest chunk). A cut is decided once extraction is past its window edge, so the pauses
 * around it are known; `finish` plans the rest from the final duration.
 */
export class ChunkPlanner {
  private start = 0;
  private readonly planned: AudioChunk[] = [];
  private readonly search: number;

  constructor(private readonly chunkSeconds: number) {
    if (!(chunkSeconds > 0)) throw new RangeError("chunkSeconds must be positive");
    this.search = silenceSearchSeconds(chunkSeconds);
  }

  /** Chunks that became certain now that `time` seconds are extracted, given the estimated total duration. */
  advance(time: number, silences: readonly Silence[], estimatedDuration: number): AudioChunk[] {
    return this.plan(estimatedDuration, silences, time - DECISION_MARGIN_SECONDS, false);
  }

  /** Every remaining chunk, from the real duration. */
  finish(duration: number, silences: readonly Silence[]): AudioChunk[] {
    return this.plan(Math.max(0, duration), silences, Number.POSITIVE_INFINITY, true);
  }

  get chunks(): readonly AudioChunk[] {
    return this.planned;
  }

  private plan(duration: number, silences: readonly Silence[], decidedUpTo: number, final: boolean): AudioChunk[] {
    const sorted = [...silences].sort((a, b) => a.start - b.start);
    const out: AudioChunk[] = [];
    while (duration - this.start >= MIN_CHUNK_SECONDS) {
      const remaining = duration - this.start;
      const limit = this.start + this.chunkSeconds;
      if (remaining <= this.chunkSeconds && !final) break;
      if (limit > decidedUpTo) break;
      let end = duration;
      if (remaining > this.chunkSeconds) {
        const ideal = this.start + remaining / Math.ceil(remaining / this.chunkSeconds);
        end = round3(cutFor(this.start, ideal, limit, sorted, this.search));
      }
      const chunk = { index: this.planned.length, start: this.start, end, duration: round3(end - this.start) };
      this.planned.push(chunk);
      out.push(chunk);
      this.start = end;
    }
    return out;
  }
}

/** silencedetect reports a pause only once it has lasted its minimum length; waiting this long past an edge covers that. */
const DECISION_MARGIN_SECONDS = 1;

export function planChunks(durationSeconds: number, silences: readonly Silence[], chunkSeconds: number): AudioChunk[] {
  return new ChunkPlanner(chunkSeconds).finish(durationSeconds, silences);
}
