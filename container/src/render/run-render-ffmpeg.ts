import { spawn } from "node:child_process";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { ProcessKilledError } from "../ffmpeg/killed";
import { FfmpegError } from "../ffmpeg/run-ffmpeg";
import { ProgressParser } from "./progress";

const STDERR_TAIL_BYTES = 16 * 1024;

/**
 * Runs one render command as built (spawned directly rather than through fluent-ffmpeg, which only
 * reports its stderr timemark and reorders options): stdout carries `-progress` blocks, stderr the errors.
 * Aborting kills ffmpeg with SIGKILL and settles only once the process is gone, so the caller can
 * delete the partial output right after.
 */
export function runRenderFfmpeg(
  bins: FfmpegBinaries,
  args: string[],
  options: { durationSeconds: number; signal: AbortSignal; onProgress: (percent: number) => void },
): Promise<void> {
  const { signal } = options;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const child = spawn(bins.ffmpeg, args, { stdio: ["ignore", "pipe", "pipe"] });
    const parser = new ProgressParser(options.durationSeconds, options.onProgress);
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => parser.push(chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_BYTES);
    });
    const onAbort = () => child.kill("SIGKILL");
    signal.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(new FfmpegError(`ffmpeg could not start: ${error.message}`, stderr));
    });
    child.on("close", (code, killSignal) => {
      signal.removeEventListener("abort", onAbort);
      if (signal.aborted) return reject(signal.reason);
      if (code === 0) return resolve();
      if (killSignal) return reject(new ProcessKilledError("ffmpeg", killSignal));
      reject(new FfmpegError(`ffmpeg exited with code ${code}: ${lastLine(stderr)}`, stderr));
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}
