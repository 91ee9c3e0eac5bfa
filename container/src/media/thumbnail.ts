import { stat } from "node:fs/promises";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { FfmpegError, runFfmpeg } from "../ffmpeg/run-ffmpeg";
import { OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import { jpegSize } from "./jpeg-size";

export const THUMBNAIL_WIDTH = 640;
/** Frames the `thumbnail` filter compares; it keeps the one closest to their average, skipping black/flash frames. */
export const THUMBNAIL_CANDIDATE_FRAMES = 50;

/** Seek target: ~10% in, past intros and fade-ins, but never beyond the last second of a short clip. */
export function thumbnailSeekSeconds(duration: number): number {
  if (duration < 2) return 0;
  return Math.min(duration * 0.1, duration - 1);
}

/** The exact ffmpeg arguments (runFfmpeg adds `-threads`), exported so the benchmark can run the same command bare. */
export function thumbnailArgs(input: string, output: string, seekSeconds: number) {
  return {
    inputOptions: seekSeconds > 0 ? ["-ss", seekSeconds.toFixed(3)] : [],
    outputOptions: [
      "-an",
      "-sn",
      "-vf",
      `thumbnail=${THUMBNAIL_CANDIDATE_FRAMES},scale=${THUMBNAIL_WIDTH}:-2`,
      "-frames:v",
      "1",
      "-q:v",
      "3",
    ],
    input,
    output,
  };
}

export interface Thumbnail {
  path: string;
  width: number;
  height: number;
  at_seconds: number;
}

const damaged = (detail: string) =>
  new OpError(MediaErrorCode.invalidMedia, `The video frames could not be decoded: ${detail}`, false);

/** A 640 px wide JPEG poster from a representative frame near 10% of the video. */
export async function makeThumbnail(
  bins: FfmpegBinaries,
  input: string,
  output: string,
  duration: number,
  options: { threads: number; signal: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<Thumbnail> {
  const seek = thumbnailSeekSeconds(duration);
  const args = thumbnailArgs(input, output, seek);
  try {
    await runFfmpeg(
      bins,
      { inputs: [{ path: args.input, options: args.inputOptions }], output, outputOptions: args.outputOptions },
      { threads: options.threads, signal: options.signal },
    );
  } catch (error) {
    if (error instanceof FfmpegError) {
      if (/partial file/i.test(error.stderr)) {
        throw new OpError(
          MediaErrorCode.truncatedMedia,
          "The file is incomplete: the video data ends before the length its header declares.",
          false,
        );
      }
      const last = error.stderr.trim().split("\n").filter(Boolean).pop() ?? error.message;
      throw damaged(last);
    }
    throw error;
  }
  const written = await stat(output).catch(() => undefined);
  if (!written || written.size === 0) {
    throw new OpError(
      MediaErrorCode.truncatedMedia,
      "The file is incomplete or damaged: no video frame could be decoded where its header says there should be one.",
      false,
    );
  }
  const { width, height } = await jpegSize(output);
  return { path: output, width, height, at_seconds: Math.round(seek * 1000) / 1000 };
}
