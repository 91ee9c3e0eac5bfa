import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { type FfprobeOutput, type FfprobeStream, ffprobe } from "../ffmpeg/ffprobe";
import type { InputFile } from "../protocol/framed-request";
import type { RenderSpec } from "./spec";
import { type InputMedia, RenderSpecError } from "./timeline";

function parseRatio(value: string | undefined): number {
  const [num, den] = (value ?? "").split(":").map(Number);
  // ffprobe reports 0:1 when the file does not say; that means square pixels.
  return num && den ? num / den : 1;
}

function durationOf(probe: FfprobeOutput, stream: FfprobeStream | undefined): number {
  const candidates = [probe.format?.duration, stream?.duration]
    .map(Number)
    .filter((value) => Number.isFinite(value) && value > 0);
  return candidates[0] ?? 0;
}

/** Turns one ffprobe answer into what the graph builder needs. Cover art attached to audio files is not video. */
export function toInputMedia(path: string, probe: FfprobeOutput): InputMedia {
  const streams = probe.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === "video" && !stream.disposition?.attached_pic);
  const audio = streams.find((stream) => stream.codec_type === "audio");
  return {
    path,
    duration: durationOf(probe, video ?? audio),
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    sar: parseRatio((video as { sample_aspect_ratio?: string } | undefined)?.sample_aspect_ratio),
  };
}

/** Probes every input the spec refers to and checks each is the kind of media its role needs. */
export async function probeRenderInputs(
  bins: FfmpegBinaries,
  spec: RenderSpec,
  inputs: Record<string, InputFile>,
  signal: AbortSignal,
): Promise<Record<string, InputMedia>> {
  const roles = new Map<string, { path: (string | number)[]; needs: "video" | "audio" | "image" }>();
  spec.clips.forEach((clip, index) => {
    if (!roles.has(clip.input)) roles.set(clip.input, { path: ["clips", index, "input"], needs: "video" });
  });
  if (spec.background_music)
    roles.set(spec.background_music.input, { path: ["background_music", "input"], needs: "audio" });
  if (spec.default_watermark)
    roles.set(spec.default_watermark.input, { path: ["default_watermark", "input"], needs: "image" });

  const media: Record<string, InputMedia> = {};
  for (const [name, role] of roles) {
    const file = inputs[name];
    if (!file) throw new RenderSpecError(`no input named "${name}" in the request`, role.path);
    const probed = toInputMedia(file.path, await ffprobe(bins, file.path, signal));
    if (role.needs === "audio" && !probed.hasAudio)
      throw new RenderSpecError(`input "${name}" has no audio stream`, role.path);
    if (role.needs !== "audio" && !probed.hasVideo)
      throw new RenderSpecError(`input "${name}" has no picture`, role.path);
    if (role.needs === "video" && probed.duration <= 0)
      throw new RenderSpecError(`input "${name}" has no duration`, role.path);
    media[name] = probed;
  }
  return media;
}
