import { spawn } from "node:child_process";
import { stat } from "node:fs/promises";
import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { ProcessKilledError } from "../ffmpeg/killed";
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
    child.on("close", (code, killSignal) => {
      options.signal?.removeEventListener("abort", onAbort);
      if (pending) options.onStderrLine?.(pending);
      if (options.signal?.aborted) return reject(new AiError("ABORTED", "The request was aborted", false));
      if (code === 0) return resolve();
      if (killSignal) return reject(new ProcessKilledError("ffmpeg", killSignal));
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
  /** Raw mono s16le PCM: byte offsets are sample offsets, so chunks can be cut exactly while it is still growing. */
  path: string;
  duration: number;
  silences: Silence[];
}

/** What extraction has produced so far, reported as ffmpeg advances. */
export interface ExtractionProgress {
  /** Seconds of audio decoded so far. */
  time: number;
  /** The input's container duration (0 if unknown): an estimate, the audio may end earlier. */
  estimatedDuration: number;
  /** Pauses found so far; one still going on is reported as ending at `time`. */
  silences: Silence[];
}

/** The extraction command without silence detection; the benchmark runs it bare for comparison. */
export function extractArgs(input: string, output: string, sampleRate: number, threads: number): string[] {
  const base = ["-i", input, "-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", String(sampleRate)];
  return [...base, "-c:a", "pcm_s16le", "-threads", String(threads), "-f", "s16le", output];
}

/** `-stats_period` exists since ffmpeg 4.4; snapshot builds (e.g. the npm-shipped one) report no release number. */
function supportsStatsPeriod(version: string): boolean {
  const match = /^n?(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 4 || (major === 4 && minor >= 4);
}

/** One ffmpeg pass: decode the first audio track to mono PCM at `sampleRate` and find the pauses. */
export async function extractAudio(
  bins: FfmpegBinaries,
  input: string,
  output: string,
  options: {
    sampleRate: number;
    threads: number;
    signal?: AbortSignal;
    onProgress?: (progress: ExtractionProgress) => void;
  },
): Promise<ExtractedAudio> {
  const silences: Silence[] = [];
  let openSilence: number | undefined;
  let inputDuration = 0;
  const args = extractArgs(input, output, options.sampleRate, options.threads);
  args.splice(args.indexOf("-c:a"), 0, "-af", `silencedetect=noise=${SILENCE_NOISE_DB}dB:d=${SILENCE_MIN_SECONDS}`);
  // Progress five times as often as the default, so the first chunks are planned (and sent) sooner.
  if (supportsStatsPeriod(bins.version)) args.unshift("-stats_period", "0.1");
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
      if (time && options.onProgress) {
        const at = hms(time);
        const ongoing = openSilence === undefined ? [] : [{ start: openSilence, end: at }];
        options.onProgress({ time: at, estimatedDuration: inputDuration, silences: [...silences, ...ongoing] });
      }
    },
  });
  const { size } = await stat(output);
  const duration = size / (2 * options.sampleRate);
  if (!(duration > 0)) throw new AiError("MEDIA_ERROR", "The audio track is empty", false);
  if (openSilence !== undefined) silences.push({ start: openSilence, end: duration });
  return { path: output, duration, silences };
}

/** Resolves once `file` holds at least `bytes` (ffmpeg is still writing it), or when `done()` says it never will. */
export async function waitForBytes(
  file: string,
  bytes: number,
  done: () => boolean,
  signal?: AbortSignal,
): Promise<void> {
  for (;;) {
    if (signal?.aborted) throw new AiError("ABORTED", "The request was aborted", false);
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (size >= bytes || done()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Encodes one window of the PCM in the chosen codec and checks it against the bound it was chosen by. */
export async function encodeChunk(
  bins: FfmpegBinaries,
  pcmPath: string,
  chunk: AudioChunk,
  output: string,
  options: { codec: ChunkCodec; sampleRate: number; signal?: AbortSignal },
): Promise<{ path: string; size: number }> {
  await spawnFfmpeg(
    bins,
    [
      ...["-f", "s16le", "-ar", String(options.sampleRate), "-ac", "1"],
      ...["-ss", chunk.start.toFixed(3), "-t", chunk.duration.toFixed(3), "-i", pcmPath],
      "-map_metadata",
      "-1",
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
      `Audio chunk ${chunk.index + 1} is ${size} bytes, over its ${bound}-byte budget`,
      false,
    );
  }
  return { path: output, size };
}
