import type { TimelineClip } from "./timeline";

export interface Frame {
  width: number;
  height: number;
  fps: number;
  fit: "contain" | "cover";
}

export const FADE_COLORS = { fade_to_black: "black", fade_to_white: "white" } as const;

/**
 * One clip's video, normalised so every clip has the same size, square pixels, frame rate and pixel format
 * (concat and xfade refuse anything else). Rotation is already applied by ffmpeg's autorotate on decode.
 */
export function clipVideoChain(item: TimelineClip, inputIndex: number, frame: Frame, output: string): string {
  const { width: w, height: h } = frame;
  const filters = ["setpts=PTS-STARTPTS"];
  // Anamorphic sources: make pixels square first so fitting works on the displayed shape.
  if (Math.abs(item.media.sar - 1) > 0.001) filters.push("scale=trunc(iw*sar/2)*2:ih", "setsar=1");
  filters.push(`fps=${frame.fps}`);
  if (frame.fit === "cover") {
    filters.push(`scale=${w}:${h}:force_original_aspect_ratio=increase`, `crop=${w}:${h}`);
  } else {
    filters.push(
      // Even sides for yuv420p; spelled out rather than force_divisible_by, which older FFmpeg builds lack.
      `scale=${w}:${h}:force_original_aspect_ratio=decrease`,
      "scale=trunc(iw/2)*2:trunc(ih/2)*2",
      `pad=${w}:${h}:-1:-1:color=black`,
    );
  }
  // concat emits AV_TIME_BASE; xfade insists both sides share a time base, so every clip uses it.
  filters.push("setsar=1", "format=yuv420p", "settb=AVTB");
  // Pad with the last frame and cut at the exact length, so clip lengths add up to the planned timeline.
  filters.push("tpad=stop_mode=clone:stop_duration=1", `trim=duration=${num(item.duration)}`);
  filters.push(...dipFades(item));
  return `[${inputIndex}:v]${filters.join(",")}[${output}]`;
}

/** fade_to_black / fade_to_white: the outgoing clip fades to the colour, the next one fades in from it. */
function dipFades(item: TimelineClip): string[] {
  const fades: string[] = [];
  if (item.enter.type === "fade_to_black" || item.enter.type === "fade_to_white") {
    fades.push(`fade=t=in:st=0:d=${num(item.enter.duration / 2)}:color=${FADE_COLORS[item.enter.type]}`);
  }
  if (item.leave.type === "fade_to_black" || item.leave.type === "fade_to_white") {
    const share = leaveShare(item);
    fades.push(`fade=t=out:st=${num(item.duration - share)}:d=${num(share)}:color=${FADE_COLORS[item.leave.type]}`);
  }
  return fades;
}

/** Between two clips a dip uses half its duration on each side; at the very end it fades out over all of it. */
export function leaveShare(item: TimelineClip): number {
  return item.isLast ? item.leave.duration : item.leave.duration / 2;
}

/** Fixed-point seconds: ffmpeg parses these, and float noise like 2.9999999999 would change frame counts. */
export function num(value: number): string {
  return Number(value.toFixed(6)).toString();
}
