import type { OutputFormat, Template } from "./spec";

export const OUTPUT_CONTENT_TYPES: Record<OutputFormat, string> = {
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
};

/** Quality-based rate control when a template names no bitrate. */
const DEFAULT_CRF = { h264: "23", vp9: "33" };
const DEFAULT_AUDIO_BITRATE = "128k";

function bitrate(value: string | number): string {
  return typeof value === "number" ? String(value) : value;
}

/**
 * Codec options per container: H.264/AAC for mp4 and mov, VP9/Opus for webm. The speed presets are
 * the fastest that still look clean at these bitrates; exports are re-encoded anyway by every platform.
 */
export function encodingArgs(template: Template, hasAudio: boolean): string[] {
  const args: string[] = [];
  if (template.format === "webm") {
    args.push("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1");
    if (template.video_bitrate !== undefined) args.push("-b:v", bitrate(template.video_bitrate));
    else args.push("-crf", DEFAULT_CRF.vp9, "-b:v", "0");
  } else {
    args.push("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high");
    if (template.video_bitrate !== undefined) {
      const rate = bitrate(template.video_bitrate);
      args.push("-b:v", rate, "-maxrate", rate, "-bufsize", rate);
    } else {
      args.push("-crf", DEFAULT_CRF.h264);
    }
  }
  args.push("-pix_fmt", "yuv420p");
  if (hasAudio) {
    args.push("-c:a", template.format === "webm" ? "libopus" : "aac");
    args.push("-b:a", bitrate(template.audio_bitrate ?? DEFAULT_AUDIO_BITRATE), "-ar", "48000", "-ac", "2");
  } else {
    args.push("-an");
  }
  // Players can start before the whole file has arrived.
  if (template.format !== "webm") args.push("-movflags", "+faststart");
  args.push("-f", template.format === "webm" ? "webm" : template.format === "mov" ? "mov" : "mp4");
  return args;
}
