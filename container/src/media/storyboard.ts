import type { FfmpegBinaries } from "../ffmpeg/binaries";
import { FfmpegError, runFfmpeg } from "../ffmpeg/run-ffmpeg";
import { OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import { STORYBOARD_SPRITE_FILE_NAME, type StoryboardMap } from "../protocol/probe-contract";

export interface StoryboardOptions {
  tiles: number;
  columns: number;
  tile_width: number;
}

/** Evenly spaced sample times: the middle of each of `tiles` equal slices of the video. */
export function storyboardTimes(duration: number, tiles: number): number[] {
  return Array.from({ length: tiles }, (_, i) => Math.round(((i + 0.5) * duration * 1000) / tiles) / 1000);
}

/**
 * A sprite of evenly spaced frames plus the map editors use for scrubbing previews. One ffmpeg run: each tile
 * is its own input seeked to the keyframe before its time (no decoding of the stretches between tiles).
 */
export async function makeStoryboard(
  bins: FfmpegBinaries,
  input: string,
  output: string,
  video: { duration: number; width: number; height: number },
  options: StoryboardOptions & { threads: number; signal: AbortSignal },
): Promise<StoryboardMap> {
  const tiles = Math.max(1, Math.min(options.tiles, Math.floor(video.duration * 2) || 1));
  const columns = Math.min(options.columns, tiles);
  const rows = Math.ceil(tiles / columns);
  const tileWidth = options.tile_width;
  const tileHeight = Math.max(2, Math.round((tileWidth * video.height) / video.width / 2) * 2);
  const times = storyboardTimes(video.duration, tiles);

  const labels = times.map((_, i) => `[t${i}]`).join("");
  const filter = [
    ...times.map(
      (_, i) =>
        `[${i}:v:0]trim=end_frame=1,setpts=PTS-STARTPTS,scale=${tileWidth}:${tileHeight},setsar=1,format=yuvj420p[t${i}]`,
    ),
    `${labels}concat=n=${tiles}:v=1:a=0,tile=${columns}x${rows}[sprite]`,
  ].join(";");
  try {
    await runFfmpeg(
      bins,
      {
        inputs: times.map((time) => ({ path: input, options: ["-noaccurate_seek", "-ss", time.toFixed(3)] })),
        complexFilter: filter,
        output,
        outputOptions: ["-map", "[sprite]", "-frames:v", "1", "-q:v", "4"],
      },
      { threads: options.threads, signal: options.signal },
    );
  } catch (error) {
    if (error instanceof FfmpegError) {
      const last = error.stderr.trim().split("\n").filter(Boolean).pop() ?? error.message;
      throw new OpError(MediaErrorCode.invalidMedia, `The storyboard frames could not be decoded: ${last}`, false);
    }
    throw error;
  }
  return {
    sprite: STORYBOARD_SPRITE_FILE_NAME,
    duration: video.duration,
    tile_width: tileWidth,
    tile_height: tileHeight,
    columns,
    rows,
    tiles: times.map((start, i) => ({ start, x: (i % columns) * tileWidth, y: Math.floor(i / columns) * tileHeight })),
  };
}
