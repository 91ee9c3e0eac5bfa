import type { FfprobeError, FfprobeOutput, FfprobeStream } from "../ffmpeg/ffprobe";
import { OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import type { ProbeFields } from "../protocol/probe-contract";

export type { ProbeFields };

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [num, den] = rate.split("/").map(Number);
  if (!num || !den || !Number.isFinite(num / den)) return 0;
  return num / den;
}

/** ffprobe reports the display matrix counter-clockwise (and older files a clockwise `rotate` tag). */
function rotationOf(stream: FfprobeStream): number {
  const matrix = stream.side_data_list?.find((side) => typeof side.rotation === "number");
  const clockwise = matrix ? -(matrix.rotation ?? 0) : Number(stream.tags?.rotate ?? 0);
  const normalised = (((Math.round(clockwise / 90) * 90) % 360) + 360) % 360;
  return Number.isFinite(normalised) ? normalised : 0;
}

function containerOf(output: FfprobeOutput, videoCodec: string): string {
  const names = (output.format?.format_name ?? "").split(",");
  if (names.includes("mp4") || names.includes("mov")) {
    return output.format?.tags?.major_brand?.trim() === "qt" ? "mov" : "mp4";
  }
  if (names.includes("matroska") || names.includes("webm")) {
    return ["vp8", "vp9", "av1"].includes(videoCodec) ? "webm" : "mkv";
  }
  return names[0] || "unknown";
}

const positive = (value: string | undefined) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** Turns an ffprobe failure into the plain-words error the asset will show. */
export function explainProbeFailure(error: FfprobeError): OpError {
  const stderr = error.stderr;
  if (/moov atom not found/i.test(stderr)) {
    return new OpError(
      MediaErrorCode.truncatedMedia,
      "The file is incomplete or damaged: its MP4 index (moov) is missing, usually because the upload was cut short.",
      false,
    );
  }
  if (/Invalid data found when processing input/i.test(stderr)) {
    return new OpError(
      MediaErrorCode.invalidMedia,
      "The file is not a recognised video format: its contents do not match any known container.",
      false,
    );
  }
  const firstLine = stderr.trim().split("\n").pop() ?? error.message;
  return new OpError(MediaErrorCode.invalidMedia, `The file could not be read as media: ${firstLine}`, false);
}

/** Extracts the probe fields, failing in plain words when the file is not a usable video. */
export function probeFields(output: FfprobeOutput, size: number): ProbeFields {
  const streams = output.streams ?? [];
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === "audio");
  const duration = positive(output.format?.duration) || positive(video?.duration);

  if (streams.length === 0) {
    throw new OpError(
      duration === 0 ? MediaErrorCode.zeroDuration : MediaErrorCode.invalidMedia,
      duration === 0
        ? "The video has zero duration: the file contains no frames or samples."
        : "The file contains no audio or video streams.",
      false,
    );
  }
  if (!video) {
    const what = audio ? `an audio-only file (${audio.codec_name ?? "unknown codec"})` : "a file without any video";
    throw new OpError(MediaErrorCode.noVideoStream, `The file has no video stream: it is ${what}.`, false);
  }
  if (duration === 0 || video.nb_frames === "0") {
    throw new OpError(
      MediaErrorCode.zeroDuration,
      "The video has zero duration: it contains no playable frames.",
      false,
    );
  }
  if (!video.width || !video.height) {
    throw new OpError(MediaErrorCode.invalidMedia, "The video stream has no picture size; the file is damaged.", false);
  }
  const rotation = rotationOf(video);
  const swap = rotation === 90 || rotation === 270;
  const videoCodec = video.codec_name ?? "unknown";
  const fps = parseRate(video.avg_frame_rate) || parseRate(video.r_frame_rate);
  const bitrate = positive(output.format?.bit_rate) || Math.round((size * 8) / duration);
  return {
    duration: round(duration, 3),
    width: swap ? video.height : video.width,
    height: swap ? video.width : video.height,
    fps: round(fps, 3),
    rotation: rotation as ProbeFields["rotation"],
    video_codec: videoCodec,
    audio_codec: audio?.codec_name ?? null,
    has_audio: Boolean(audio),
    bitrate: Math.round(bitrate),
    container: containerOf(output, videoCodec),
    size,
  };
}
