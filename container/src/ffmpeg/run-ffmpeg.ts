import ffmpeg from "fluent-ffmpeg";
import type { FfmpegBinaries } from "./binaries";
import { ProcessKilledError } from "./killed";

export interface FfmpegJob {
  inputs: { path: string; options?: string[] }[];
  output: string;
  outputOptions: string[];
  /** Extra global options such as `-filter_complex`. */
  complexFilter?: string;
}

/** ffmpeg exited non-zero or was killed; `stderr` holds its last lines. */
export class FfmpegError extends Error {
  override name = "FfmpegError";
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** Parses ffmpeg's "HH:MM:SS.xx" timemark into seconds. */
export function timemarkSeconds(timemark: string): number {
  const [h = "0", m = "0", s = "0"] = timemark.split(":");
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/**
 * Runs one ffmpeg command through fluent-ffmpeg with FFMPEG_THREADS applied.
 * Aborting kills the process (SIGKILL: ffmpeg may ignore SIGTERM while blocked on I/O).
 */
export function runFfmpeg(
  bins: FfmpegBinaries,
  job: FfmpegJob,
  options: { threads: number; signal?: AbortSignal; onProgress?: (seconds: number) => void },
): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const command = ffmpeg({ stdoutLines: 0 }).setFfmpegPath(bins.ffmpeg).setFfprobePath(bins.ffprobe);
    for (const input of job.inputs) command.input(input.path).inputOptions(input.options ?? []);
    if (job.complexFilter) command.complexFilter(job.complexFilter);
    command.outputOptions([...job.outputOptions, "-threads", String(options.threads)]).output(job.output);
    const onAbort = () => command.kill("SIGKILL");
    signal?.addEventListener("abort", onAbort, { once: true });
    // Progress is read off stderr rather than fluent-ffmpeg's "progress" event: a "progress" listener makes
    // fluent-ffmpeg run an extra ffprobe of the input alongside every command.
    const onProgress = options.onProgress;
    if (onProgress) {
      command.on("stderr", (line: string) => {
        const time = /time=\s*(\d+:\d+:\d+(?:\.\d+)?)/.exec(line)?.[1];
        if (time) onProgress(timemarkSeconds(time));
      });
    }
    command.on("error", (error: Error, _stdout: string | null, stderr: string | null) => {
      signal?.removeEventListener("abort", onAbort);
      if (signal?.aborted) return reject(signal.reason);
      const killSignal = /killed with signal (SIG\w+)/.exec(error.message)?.[1];
      if (killSignal) return reject(new ProcessKilledError("ffmpeg", killSignal));
      reject(new FfmpegError(error.message, stderr ?? ""));
    });
    command.on("end", () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    command.run();
  });
}
