import type { SubtitleCue } from "../subtitles/format";
import type { Cue } from "./spec";
import type { Timeline } from "./timeline";

/**
 * All cues to burn in, on the output timeline: global cues as given, each clip's cues limited to the
 * time that clip is on screen, and everything limited to the output's length.
 */
export function collectCues(globalCues: readonly Cue[], timeline: Timeline): SubtitleCue[] {
  const cues: SubtitleCue[] = [];
  const push = (cue: Cue, from: number, to: number) => {
    const start = Math.max(cue.start, from);
    const end = Math.min(cue.end, to);
    if (end > start) cues.push({ start, end, text: cue.text });
  };
  for (const cue of globalCues) push(cue, 0, timeline.duration);
  for (const item of timeline.clips) {
    for (const cue of item.clip.subtitles)
      push(cue, item.start, Math.min(item.start + item.duration, timeline.duration));
  }
  return cues.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * libass sizes SRT text against a 288-line script height scaled to the frame, so the same FontSize is
 * far wider on a portrait frame; shrink it there so lines still fit across.
 */
function fontSize(width: number, height: number): number {
  const aspect = width / height;
  if (aspect >= 1.5) return 16;
  if (aspect >= 0.9) return 12;
  return 8;
}

/** Workspace paths are generated (uuid dirs), so anything outside this set means a bug, not user input. */
const SAFE_PATH = /^[A-Za-z0-9/._-]+$/;

/** The `subtitles` filter reading an SRT written into the workspace. */
export function subtitlesFilter(srtPath: string, width: number, height: number, base: string, output: string): string {
  if (!SAFE_PATH.test(srtPath)) throw new Error(`subtitle path needs escaping in a filter graph: ${srtPath}`);
  const style = `FontName=DejaVu Sans,FontSize=${fontSize(width, height)},Outline=2,Shadow=0,MarginV=20`;
  return `[${base}]subtitles=filename=${srtPath}:force_style='${style}'[${output}]`;
}
