import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, chmod } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** FFMPEG_SOURCE: `auto` takes PATH when both binaries are there, else the npm-shipped builds. */
export const FFMPEG_SOURCES = ["auto", "path", "npm"] as const;
export type FfmpegSource = (typeof FFMPEG_SOURCES)[number];

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  /** `path`: the system's (e.g. Debian's in the image); `npm`: the static builds shipped by the installer packages. */
  source: "path" | "npm";
  version: string;
  /** Whether this build has the `xfade` filter (FFmpeg 4.3+); the npm-shipped 2018 build does not. */
  hasXfade: boolean;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string, searchPath: string): Promise<string | undefined> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

// npm 11 skips these packages' postinstall chmod, so the shipped binary may lack the execute bit.
export async function ensureExecutable(file: string): Promise<string> {
  if (await isExecutable(file)) return file;
  try {
    await chmod(file, 0o755);
  } catch (error) {
    throw new Error(`${file} is not executable and chmod failed: ${(error as Error).message}`);
  }
  return file;
}

function npmBinaries(): { ffmpeg: string; ffprobe: string } {
  const require = createRequire(import.meta.url);
  const ffmpeg = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  const ffprobe = (require("@ffprobe-installer/ffprobe") as { path: string }).path;
  return { ffmpeg, ffprobe };
}

/**
 * ffmpeg and ffprobe from PATH when both are there, else the npm-shipped builds (so `npm install` alone works).
 * `prefer` is FFMPEG_SOURCE: `npm` forces the fallback, `path` refuses it.
 */
export async function resolveBinaries(
  options: { searchPath?: string; prefer?: FfmpegSource } = {},
): Promise<FfmpegBinaries> {
  const prefer = options.prefer ?? "auto";
  const searchPath = options.searchPath ?? process.env.PATH ?? "";
  let found: Omit<FfmpegBinaries, "version" | "hasXfade"> | undefined;
  if (prefer !== "npm") {
    const ffmpeg = await findOnPath("ffmpeg", searchPath);
    const ffprobe = await findOnPath("ffprobe", searchPath);
    if (ffmpeg && ffprobe) found = { ffmpeg, ffprobe, source: "path" };
    else if (prefer === "path") throw new Error("ffmpeg and ffprobe are not both on PATH");
  }
  if (!found) {
    const shipped = npmBinaries();
    found = {
      ffmpeg: await ensureExecutable(shipped.ffmpeg),
      ffprobe: await ensureExecutable(shipped.ffprobe),
      source: "npm",
    };
  }
  const { stdout } = await execFileAsync(found.ffmpeg, ["-hide_banner", "-version"], { timeout: 15_000 });
  const version = /ffmpeg version (\S+)/.exec(stdout)?.[1] ?? "unknown";
  const filters = await execFileAsync(found.ffmpeg, ["-hide_banner", "-filters"], { timeout: 15_000 });
  return { ...found, version, hasXfade: /^\s*\S+\s+xfade\s/m.test(filters.stdout) };
}
