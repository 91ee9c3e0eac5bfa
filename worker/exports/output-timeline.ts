import type { Cue } from "../../container/src/render/spec";
import type { ResolvedClip, SourceCue } from "./resolve-timeline";

/** Where one clip lands on the output timeline, and the part of it that owns the screen for subtitles. */
export interface ClipWindow {
  start: number;
  length: number;
  /** During a crossfade both clips are visible; each owns half of the overlap, so cues never stack. */
  visibleFrom: number;
  visibleTo: number;
}

const crossfadeOf = (clip: ResolvedClip | undefined) =>
  clip?.transition.type === "crossfade" ? clip.transition.duration : 0;

/**
 * The render's layout (see the README's exports section): clip i starts where clip i-1 ends, minus the
 * crossfade between them; fades to a colour keep the length.
 */
export function layoutClips(clips: readonly ResolvedClip[]): { windows: ClipWindow[]; duration: number } {
  const windows: ClipWindow[] = [];
  let start = 0;
  clips.forEach((clip, i) => {
    const length = clip.outPoint - clip.inPoint;
    if (i > 0) start -= crossfadeOf(clips[i - 1]);
    const incoming = i > 0 ? crossfadeOf(clips[i - 1]) : 0;
    const outgoing = i < clips.length - 1 ? crossfadeOf(clip) : 0;
    windows.push({ start, length, visibleFrom: start + incoming / 2, visibleTo: start + length - outgoing / 2 });
    start += length;
  });
  return { windows, duration: start };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
// Shorter slivers left by trimming at a clip boundary are unreadable; drop them.
const MIN_CUE_SECONDS = 0.05;

/** Maps cues on a clip's source clock onto the output: cut to the clip's range, shifted, kept in its window. */
export function remapCues(cues: readonly SourceCue[], clip: ResolvedClip, window: ClipWindow): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    const start = Math.max(window.visibleFrom, window.start + (Math.max(cue.start, clip.inPoint) - clip.inPoint));
    const end = Math.min(window.visibleTo, window.start + (Math.min(cue.end, clip.outPoint) - clip.inPoint));
    if (end - start < MIN_CUE_SECONDS) continue;
    out.push({ start: round(start), end: round(end), text: cue.text });
  }
  return out;
}
