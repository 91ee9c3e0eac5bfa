/**
 * Test media made on the spot with ffmpeg's lavfi sources (testsrc2 / color + sine), plus deliberately broken files.
 * General on purpose: probe, render and AI tests all build their inputs here.
 */
import { execFile } from "node:child_process";
import { open, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { ConfigSchema } from "../../container/src/config";
import { type FfmpegBinaries, type FfmpegSource, resolveBinaries } from "../../container/src/ffmpeg/binaries";

const run = promisify(execFile);
let binaries: Promise<FfmpegBinaries> | undefined;

/**
 * FFMPEG_SOURCE read as the media service reads it: the one switch for the service, fixtures, the fake OpenAI
 * and benchmarks. CI runs the media tests once more with `npm` and no ffmpeg on PATH.
 */
export function testFfmpegSource(): FfmpegSource {
  return ConfigSchema.shape.FFMPEG_SOURCE.parse(process.env.FFMPEG_SOURCE || undefined);
}

/** The ffmpeg/ffprobe the service would use under the same FFMPEG_SOURCE. */
export const testBinaries = () => {
  binaries ??= resolveBinaries({ prefer: testFfmpegSource() });
  return binaries;
};

export async function ffmpeg(args: string[]): Promise<void> {
  const bins = await testBinaries();
  await run(bins.ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args], { maxBuffer: 16 * 1024 * 1024 });
}

export async function ffprobeJson(file: string): Promise<{
  streams: Record<string, unknown>[];
  format: Record<string, unknown>;
}> {
  const bins = await testBinaries();
  const { stdout } = await run(bins.ffprobe, [
    "-v",
    "error",
    "-print_format",
    "json",
    "-show_format",
    "-show_streams",
    file,
  ]);
  return JSON.parse(stdout);
}

export interface VideoSpec {
  /** Default 3. */
  seconds?: number;
  /** Coded size; default 320x240. */
  width?: number;
  height?: number;
  /** Default 25. */
  fps?: number;
  /** `testsrc2` (moving test card, the default) or a flat colour. */
  pattern?: "testsrc2" | "color";
  /** For `pattern: "color"`; any ffmpeg colour name or 0xRRGGBB. */
  colour?: string;
  /** Sine tone in Hz, or false for no audio stream. Default 440. */
  tone?: number | false;
  sampleRate?: number;
  /** Clockwise display rotation stored in the container's display matrix. */
  rotation?: 0 | 90 | 180 | 270;
  /** Default mp4 (H.264 + AAC); webm uses VP8 + Opus. */
  container?: "mp4" | "mov" | "webm" | "mkv";
  /** x264 preset; default ultrafast. */
  preset?: string;
  /** Target video bitrate such as "800k"; default: the encoder's CRF default. */
  videoBitrate?: string;
  /** Keyframe interval in frames; default 2 s worth. */
  gop?: number;
  /** Fade in from black over this many seconds (a black first frame, like most real intros). */
  fadeInSeconds?: number;
  /** Put the MP4 index first (default true, like most uploads from phones and editors). */
  faststart?: boolean;
}

/** Generates `name` in `dir` and returns its path. */
export async function generateVideo(dir: string, name: string, spec: VideoSpec = {}): Promise<string> {
  const seconds = spec.seconds ?? 3;
  const width = spec.width ?? 320;
  const height = spec.height ?? 240;
  const fps = spec.fps ?? 25;
  const container = spec.container ?? "mp4";
  const out = path.join(dir, name);
  const source =
    spec.pattern === "color"
      ? `color=c=${spec.colour ?? "blue"}:s=${width}x${height}:r=${fps}:d=${seconds}`
      : `testsrc2=s=${width}x${height}:r=${fps}:d=${seconds}`;
  const args = ["-f", "lavfi", "-i", source];
  if (spec.tone !== false) {
    const sampleRate = spec.sampleRate ?? 48000;
    // AAC starts with 1024 priming samples. FFmpeg 4.0 (the npm-shipped build) counts them in the MP4 movie
    // header (3.022 s for 3 s), newer builds hide them in an edit list; a tone shorter by the priming gives
    // both builds a header of exactly `seconds`.
    const priming = container === "webm" ? 0 : 1024 / sampleRate;
    args.push("-f", "lavfi", "-i", `sine=f=${spec.tone ?? 440}:d=${seconds - priming}:sample_rate=${sampleRate}`);
  }
  if (spec.fadeInSeconds) args.push("-vf", `fade=t=in:st=0:d=${spec.fadeInSeconds}`);
  if (container === "webm") {
    args.push("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", spec.videoBitrate ?? "500k");
    if (spec.tone !== false) args.push("-c:a", "libopus", "-b:a", "64k");
  } else {
    args.push("-c:v", "libx264", "-preset", spec.preset ?? "ultrafast", "-pix_fmt", "yuv420p");
    if (spec.videoBitrate)
      args.push("-b:v", spec.videoBitrate, "-maxrate", spec.videoBitrate, "-bufsize", spec.videoBitrate);
    if (spec.tone !== false) args.push("-c:a", "aac", "-b:a", "64k");
  }
  args.push("-g", String(spec.gop ?? fps * 2), "-t", String(seconds));
  if ((container === "mp4" || container === "mov") && spec.faststart !== false) args.push("-movflags", "+faststart");
  const rotation = spec.rotation ?? 0;
  if (rotation === 0) {
    await ffmpeg([...args, out]);
    return out;
  }
  // Encoders drop a `rotate` tag; a stream copy turns it into the display matrix players honour. Its direction
  // differs between ffmpeg versions, so the result is checked and the tag flipped if it came out mirrored.
  const upright = path.join(dir, `upright-${name}`);
  await ffmpeg([...args, upright]);
  for (const tag of [rotation, (360 - rotation) % 360]) {
    await ffmpeg(["-i", upright, "-c", "copy", "-metadata:s:v:0", `rotate=${tag}`, out]);
    if ((await displayRotation(out)) === rotation) return out;
  }
  throw new Error(`could not store a ${rotation} degree rotation with this ffmpeg`);
}

/** Clockwise display rotation of the first video stream (ffprobe reports the matrix counter-clockwise). */
export async function displayRotation(file: string): Promise<number> {
  const { streams } = await ffprobeJson(file);
  const video = streams.find((stream) => stream.codec_type === "video") as
    | { side_data_list?: { rotation?: number }[]; tags?: { rotate?: string } }
    | undefined;
  const ccw = video?.side_data_list?.find((side) => typeof side.rotation === "number")?.rotation;
  const clockwise = ccw === undefined ? Number(video?.tags?.rotate ?? 0) : -ccw;
  return ((clockwise % 360) + 360) % 360;
}

/** An audio-only file (no video stream): m4a (AAC), wav or mp3. */
export async function generateAudio(
  dir: string,
  name: string,
  spec: { seconds?: number; tone?: number; sampleRate?: number } = {},
): Promise<string> {
  const out = path.join(dir, name);
  const tone = `sine=f=${spec.tone ?? 440}:d=${spec.seconds ?? 3}:sample_rate=${spec.sampleRate ?? 44100}`;
  const codec = name.endsWith(".wav") ? [] : name.endsWith(".mp3") ? ["-c:a", "libmp3lame"] : ["-c:a", "aac"];
  await ffmpeg(["-f", "lavfi", "-i", tone, ...codec, out]);
  return out;
}

/** A still PNG (e.g. a watermark or an image upload). */
export async function generateImage(
  dir: string,
  name: string,
  spec: { width?: number; height?: number; colour?: string } = {},
): Promise<string> {
  const out = path.join(dir, name);
  const size = `${spec.width ?? 64}x${spec.height ?? 32}`;
  await ffmpeg(["-f", "lavfi", "-i", `color=c=${spec.colour ?? "yellow"}:s=${size}:d=1`, "-frames:v", "1", out]);
  return out;
}

/** The first `keepBytes` (or fraction) of `source`: an upload cut short. */
export async function truncatedCopy(source: string, out: string, keep: number): Promise<string> {
  const bytes = await readFile(source);
  const keepBytes = keep < 1 ? Math.floor(bytes.length * keep) : keep;
  await writeFile(out, bytes.subarray(0, keepBytes));
  return out;
}

/** Deterministic pseudo-random bytes (xorshift), so a "garbage" fixture is the same on every run. */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * A file whose header lies: the real MP4 `ftyp` box (so it claims to be an MP4), then noise of the
 * original's length where the index and media data should be.
 */
export async function lyingHeaderCopy(source: string, out: string): Promise<string> {
  const bytes = await readFile(source);
  const ftypSize = bytes.readUInt32BE(0);
  if (bytes.toString("latin1", 4, 8) !== "ftyp") throw new Error(`${source} does not start with an ftyp box`);
  const lie = Buffer.concat([bytes.subarray(0, ftypSize), noise(bytes.length - ftypSize)]);
  await writeFile(out, lie);
  return out;
}

/** An MP4 with no frames at all (duration 0). */
export async function zeroDurationVideo(dir: string, name = "zero.mp4"): Promise<string> {
  const out = path.join(dir, name);
  await ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-frames:v", "0", "-c:v", "libx264", out]);
  return out;
}

/** Bytes that are not media at all. */
export async function notMediaFile(dir: string, name = "notes.mp4", length = 4096): Promise<string> {
  const out = path.join(dir, name);
  await writeFile(out, noise(length, 42));
  return out;
}

/** Size on disk, for framing inputs. */
export async function fileSize(file: string): Promise<number> {
  const handle = await open(file, "r");
  try {
    return (await handle.stat()).size;
  } finally {
    await handle.close();
  }
}
