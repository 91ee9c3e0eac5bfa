import type { TimelineClip } from "./timeline";
import { num } from "./video-chain";

export type StreamKind = "video" | "audio";

/** `xfade` where the FFmpeg build has it; `blend` otherwise (older builds, e.g. the npm-shipped fallback). */
export type CrossfadeMethod = "xfade" | "blend";

/**
 * A video crossfade from filters every FFmpeg build has: cut the previous material's last `d` seconds
 * and the clip's first `d` seconds, mix them with a time-weighted blend, and concatenate the three parts.
 */
function blendCrossfade(before: string, clip: string, start: string, d: string, out: string): string {
  const p = out;
  return [
    `[${before}]split[${p}b1][${p}b2]`,
    `[${p}b1]trim=end=${start},setpts=PTS-STARTPTS[${p}head]`,
    `[${p}b2]trim=start=${start},setpts=PTS-STARTPTS[${p}tail]`,
    `[${clip}]split[${p}c1][${p}c2]`,
    `[${p}c1]trim=end=${d},setpts=PTS-STARTPTS[${p}in]`,
    `[${p}c2]trim=start=${d},setpts=PTS-STARTPTS[${p}rest]`,
    `[${p}tail][${p}in]blend=all_expr='A*(1-min(T/${d}\\,1))+B*min(T/${d}\\,1)'[${p}mix]`,
    `[${p}head][${p}mix][${p}rest]concat=n=3:v=1:a=0[${out}]`,
  ].join(";");
}

/**
 * Joins per-clip streams into one: runs of cuts (and dips, which are fades inside the clips) go through
 * a single concat, crossfades through xfade / acrossfade overlapping the two clips by the transition length.
 */
export function joinClips(
  kind: StreamKind,
  labels: string[],
  clips: TimelineClip[],
  output: string,
  crossfade: CrossfadeMethod = "xfade",
): string[] {
  const chains: string[] = [];
  const prefix = kind === "video" ? "vj" : "aj";
  let step = 0;
  let joined: string | undefined;
  let run: string[] = [];

  const flushRun = (): string => {
    const inputs = joined ? [joined, ...run] : run;
    run = [];
    if (inputs.length === 1) return inputs[0] as string;
    const label = `${prefix}${step++}`;
    const flags = kind === "video" ? "v=1:a=0" : "v=0:a=1";
    chains.push(`${inputs.map((input) => `[${input}]`).join("")}concat=n=${inputs.length}:${flags}[${label}]`);
    return label;
  };

  clips.forEach((item, index) => {
    const label = labels[index] as string;
    if (item.enter.type !== "crossfade") {
      run.push(label);
      return;
    }
    const before = flushRun();
    const after = `${prefix}${step++}`;
    const d = num(item.enter.duration);
    // The previous material ends where this clip's crossfade ends, so the overlap starts at this clip's start.
    if (kind === "audio") chains.push(`[${before}][${label}]acrossfade=d=${d}:c1=tri:c2=tri[${after}]`);
    else if (crossfade === "blend") chains.push(blendCrossfade(before, label, num(item.start), d, after));
    else chains.push(`[${before}][${label}]xfade=transition=fade:duration=${d}:offset=${num(item.start)}[${after}]`);
    joined = after;
  });
  const last = flushRun();
  chains.push(kind === "video" ? `[${last}]null[${output}]` : `[${last}]anull[${output}]`);
  return chains;
}
