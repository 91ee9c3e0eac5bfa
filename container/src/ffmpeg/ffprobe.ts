import { execFile } from "node:child_process";
import type { FfmpegBinaries } from "./binaries";
import { ProcessKilledError } from "./killed";

export interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  bit_rate?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: Record<string, number>;
}

export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: {
    format_name?: string;
    duration?: string;
    size?: string;
    bit_rate?: string;
    tags?: Record<string, string>;
  };
}

/** ffprobe exited non-zero; `stderr` says why (e.g. "moov atom not found"). */
export class FfprobeError extends Error {
  override name = "FfprobeError";
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** The exact arguments, exported so the benchmark runs the same command bare. */
export const ffprobeArgs = (file: string) => [
  "-v",
  "error",
  "-print_format",
  "json",
  "-show_format",
  "-show_streams",
  file,
];

/**
 * Runs ffprobe directly rather than through fluent-ffmpeg's ffprobe(), which cannot be aborted;
 * the AbortSignal kills the process.
 */
export function ffprobe(bins: FfmpegBinaries, file: string, signal?: AbortSignal): Promise<FfprobeOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      bins.ffprobe,
      ffprobeArgs(file),
      { signal, maxBuffer: 16 * 1024 * 1024, killSignal: "SIGKILL" },
      (error, stdout, stderr) => {
        if (signal?.aborted) return reject(signal.reason ?? error);
        if (error?.signal) return reject(new ProcessKilledError("ffprobe", error.signal));
        if (error) return reject(new FfprobeError(`ffprobe failed: ${stderr.trim() || error.message}`, stderr));
        try {
          resolve(JSON.parse(stdout) as FfprobeOutput);
        } catch {
          reject(new FfprobeError("ffprobe printed unreadable output", stderr));
        }
      },
    );
  });
}
