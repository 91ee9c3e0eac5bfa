import { execFile } from "node:child_process";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { ProcessKilledError } from "../ffmpeg/killed";

/**
 * Decodes one video frame just before the declared end. A container whose header promises more than the file
 * holds (a cut-short upload of a non-MP4 format, where we cannot check the box structure) yields no frame there.
 * One seek plus one frame: cheap even for long files.
 */
export function frameDecodesNearEnd(
  bins: FfmpegBinaries,
  file: string,
  duration: number,
  signal: AbortSignal,
): Promise<boolean> {
  const seek = Math.max(0, duration - 0.5);
  const args = ["-hide_banner", "-v", "error", "-ss", seek.toFixed(3), "-i", file, "-map", "0:v:0", "-frames:v", "1"];
  return new Promise((resolve, reject) => {
    execFile(
      bins.ffmpeg,
      [...args, "-f", "framecrc", "-"],
      { signal, killSignal: "SIGKILL", maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (signal.aborted) return reject(signal.reason ?? error);
        if (error?.signal) return reject(new ProcessKilledError("ffmpeg", error.signal));
        // framecrc prints one non-comment line per decoded frame.
        resolve(!error && stdout.split("\n").some((line) => line && !line.startsWith("#")));
      },
    );
  });
}
