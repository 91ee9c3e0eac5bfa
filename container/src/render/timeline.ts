import {
  ASPECT_RATIOS,
  type AspectRatio,
  RESOLUTIONS,
  type RenderClip,
  type RenderSpec,
  type Resolution,
  type Template,
  type TransitionType,
} from "./spec";

/** What the builder needs to know about each stored input (from probing it). */
export interface InputMedia {
  path: string;
  duration: number;
  hasVideo: boolean;
  hasAudio: boolean;
  /** Sample aspect ratio of the video stream; 1 for square pixels. */
  sar: number;
}

/** A clip with its length settled and its place on the output timeline. */
export interface TimelineClip {
  clip: RenderClip;
  index: number;
  media: InputMedia;
  inPoint: number;
  duration: number;
  /** Output time at which the clip starts (crossfades overlap it with the previous clip). */
  start: number;
  /** Transition from the previous clip into this one (cut for the first clip). */
  enter: { type: TransitionType; duration: number };
  /** Transition from this clip into the next one (or the ending for the last clip). */
  leave: { type: TransitionType; duration: number };
  isLast: boolean;
}

export interface Timeline {
  clips: TimelineClip[];
  duration: number;
}

export class RenderSpecError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
    this.name = "RenderSpecError";
  }
}

const CUT = { type: "cut", duration: 0 } as const;

/**
 * Settles clip lengths against the probed inputs and lays the clips out on the output timeline.
 * Only crossfades overlap neighbours; fade_to_black/white dip out and back in without changing length.
 */
export function layoutTimeline(spec: RenderSpec, media: Record<string, InputMedia>): Timeline {
  const clips: TimelineClip[] = [];
  let cursor = 0;
  spec.clips.forEach((clip, index) => {
    const source = media[clip.input];
    if (!source) throw new RenderSpecError(`unknown input "${clip.input}"`, ["clips", index, "input"]);
    if (!source.hasVideo) throw new RenderSpecError(`input "${clip.input}" has no video`, ["clips", index, "input"]);
    const outPoint = clip.out_point ?? source.duration;
    // Sources are probed, so allow container-level rounding of a few frames at the end.
    if (outPoint > source.duration + 0.1) {
      throw new RenderSpecError(`out_point ${outPoint} is beyond the input's ${source.duration}s`, [
        "clips",
        index,
        "out_point",
      ]);
    }
    const duration = Math.min(outPoint, source.duration) - clip.in_point;
    if (duration <= 0) throw new RenderSpecError("clip is empty", ["clips", index, "in_point"]);

    const previous = clips[index - 1];
    const enter = previous ? previous.leave : CUT;
    const isLast = index === spec.clips.length - 1;
    const leave = isLast && clip.transition.type === "crossfade" ? CUT : clip.transition;
    if (leave.type !== "cut" && leave.duration <= 0) {
      throw new RenderSpecError(`${leave.type} needs a duration`, ["clips", index, "transition", "duration"]);
    }
    const needed = Math.max(transitionShare(enter, false), transitionShare(leave, isLast));
    if (needed > duration + 1e-6) {
      const path = needed === transitionShare(leave, isLast) ? index : index - 1;
      throw new RenderSpecError(`transition does not fit a clip of ${duration.toFixed(3)}s`, [
        "clips",
        path,
        "transition",
        "duration",
      ]);
    }
    if (enter.type === "crossfade") cursor -= enter.duration;
    clips.push({ clip, index, media: source, inPoint: clip.in_point, duration, start: cursor, enter, leave, isLast });
    cursor += duration;
  });
  return { clips, duration: cursor };
}

/** How much of a clip a transition uses: a crossfade overlaps all of it, a dip between clips half on each side. */
function transitionShare(transition: { type: TransitionType; duration: number }, isEnding: boolean): number {
  if (transition.type === "cut") return 0;
  if (transition.type === "crossfade" || isEnding) return transition.duration;
  return transition.duration / 2;
}

/** Frame size for an aspect ratio at a resolution: the short side is the resolution's height. */
export function frameSize(aspectRatio: AspectRatio, resolution: Resolution): { width: number; height: number } {
  const [rw, rh] = ASPECT_RATIOS[aspectRatio];
  const short = RESOLUTIONS[resolution];
  const long = Math.round((short * Math.max(rw, rh)) / Math.min(rw, rh) / 2) * 2;
  return rw >= rh ? { width: long, height: short } : { width: short, height: long };
}

/** Templates to render: the requested ones, or a single mp4 at the chosen framing. */
export function resolveTemplates(spec: RenderSpec): Template[] {
  if (spec.templates.length > 0) return spec.templates;
  return [{ name: "default", format: "mp4", ...frameSize(spec.aspect_ratio, spec.resolution) }];
}
