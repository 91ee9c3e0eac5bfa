import type { TimelineClip } from "./timeline";
import { num } from "./video-chain";

export type StreamKind = "video" | "audio";

/**
 * Joins per-clip streams into one: runs of cuts (and dips, which are fades inside the clips) go through
 * a single concat, crossfades through xfade / acrossfade overlapping the two clips by the transition length.
 */
export function joinClips(kind: StreamKind, labels: string[], clips: TimelineClip[], output: string): string[] {
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
    chains.push(
      kind === "video"
        ? `[${before}][${label}]xfade=transition=fade:duration=${d}:offset=${num(item.start)}[${after}]`
        : `[${before}][${label}]acrossfade=d=${d}:c1=tri:c2=tri[${after}]`,
    );
    joined = after;
  });
  const last = flushRun();
  chains.push(kind === "video" ? `[${last}]null[${output}]` : `[${last}]anull[${output}]`);
  return chains;
}
