import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { ffprobe } from "../ffmpeg/ffprobe";
import type { AudioChunk, Silence } from "./chunk-plan";
import { AiError } from "./errors";
import { CHUNK_FORMATS, type ChunkCodec, chunkBytesUpperBound, OPENAI_UPLOAD_LIMIT_BYTES } from "./upload-size";

/** Quieter than this for at least SILENCE_MIN_SECONDS counts as a pause between words. */
const SILENCE_NOISE_DB = -35;
const SILENCE_MIN_SECONDS = 0.3;

interface RunOptions {
  signal?: AbortSignal;
  onStderrLine?: (line: string) => void;
}

/** Spawns ffmpeg directly: we need its stderr line by line (silencedetect reports there). */
function spawnFfmpeg(bins: FfmpegBinaries, args: string[], options: RunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AiError("ABORTED", "The request was aborted", false));
    const child = spawn(bins.ffmpeg, ["-hide_banner", "-nostdin", "-y", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const onAbort = () => child.kill("SIGKILL");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const tail: string[] = [];
    let pending = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (text: string) => {
      const lines = (pending + text).split(/\r|\n/);
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line) continue;
        options.onStderrLine?.(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    });
    child.on("error", (error) => reject(new AiError("MEDIA_ERROR", `ffmpeg could not start: ${error.message}`, false)));
    child.on("close", (code) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (pending) options.onStderrLine?.(pending);
      if (options.signal?.aborted) return reject(new AiError("ABORTED", "The request was aborted", false));
      if (code === 0) return resolve();
      const stderr = [...tail, pending].join("\n");
      if (/matches no streams|does not contain any stream/.test(stderr)) {
        return reject(new AiError("MEDIA_ERROR", "The video has no audio track to transcribe", false));
      }
      reject(new AiError("MEDIA_ERROR", `ffmpeg failed: ${stderr.split("\n").slice(-3).join(" ").trim()}`, false));
    });
  });
}

const TIME_RE = /time=(\d+):(\d+):(\d+(?:\.\d+)?)/;
const DURATION_RE = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/;
const hms = (m: RegExpExecArray) => Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);

export interface ExtractedAudio {
  path: string;
  duration: number;
  silences: Silence[];
}

/** The extraction command without silence detection; the benchmark runs it bare for comparison. */
export function extractArgs(input: string, output: string, sampleRate: number, threads: number): string[] {
  // pcm_s16le WAV so that each chunk can later be cut sample-accurately and encoded in parallel.
  const base = ["-i", input, "-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", String(sampleRate)];
  return [...base, "-c:a", "pcm_s16le", "-threads", String(threads), "-f", "wav", output];
}

/** One ffmpeg pass: decode the first audio track to mono WAV at `sampleRate` and find the pauses. */
export async function extractAudio(
  bins: FfmpegBinaries,
  input: string,
  output: string,
  options: { sampleRate: number; threads: number; signal?: AbortSignal; onProgress?: (fraction: number) => void },
): Promise<ExtractedAudio> {
  const silences: Silence[] = [];
  let openSilence: number | undefined;
  let inputDuration = 0;
  const args = extractArgs(input, output, options.sampleRate, options.threads);
  args.splice(args.indexOf("-c:a"), 0, "-af", `silencedetect=noise=${SILENCE_NOISE_DB}dB:d=${SILENCE_MIN_SECONDS}`);
  await spawnFfmpeg(bins, args, {
    signal: options.signal,
    onStderrLine: (line) => {
      const start = /silence_start: (-?\d+(?:\.\d+)?)/.exec(line);
      if (start) openSilence = Math.max(0, Number(start[1]));
      const end = /silence_end: (\d+(?:\.\d+)?)/.exec(line);
      if (end && openSilence !== undefined) {
        silences.push({ start: openSilence, end: Number(end[1]) });
        openSilence = undefined;
      }
      const duration = DURATION_RE.exec(line);
      if (duration && !inputDuration) inputDuration = hms(duration);
      const time = TIME_RE.exec(line);
      if (time && inputDuration > 0) options.onProgress?.(Math.min(1, hms(time) / inputDuration));
    },
  });
  const probed = await ffprobe(bins, output, options.signal);
  const duration = Number(probed.format?.duration ?? 0);
  if (!(duration > 0)) throw new AiError("MEDIA_ERROR", "The audio track is empty", false);
  if (openSilence !== undefined) silences.push({ start: openSilence, end: duration });
  return { path: output, duration, silences };
}

/** Encodes one window of the WAV in the chosen codec and checks it against the bound it was chosen by. */
export async function encodeChunk(
  bins: FfmpegBinaries,
  wavPath: string,
  chunk: AudioChunk,
  output: string,
  options: { codec: ChunkCodec; sampleRate: number; signal?: AbortSignal },
): Promise<{ path: string; size: number }> {
  await spawnFfmpeg(
    bins,
    [
      ...["-ss", chunk.start.toFixed(3), "-t", chunk.duration.toFixed(3), "-i", wavPath],
      ...["-ac", "1", "-ar", String(options.sampleRate), "-map_metadata", "-1"],
      ...CHUNK_FORMATS[options.codec].encoderArgs,
      ...["-f", options.codec, output],
    ],
    { signal: options.signal },
  );
  const { size } = await stat(output);
  const bound = chunkBytesUpperBound(options.codec, chunk.duration, options.sampleRate);
  if (size > OPENAI_UPLOAD_LIMIT_BYTES || size > bound) {
    throw new AiError(
      "MEDIA_ERROR",
      `Audio chunk ${chunk.index} is ${size} bytes, over its ${bound}-byte budget`,
      false,
    );
  }
  return { path: output, size };
}
