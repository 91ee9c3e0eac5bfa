import { writeFile } from "node:fs/promises";
import { FfprobeError, ffprobe } from "../ffmpeg/ffprobe";
import { checkMp4Structure, type Mp4Structure } from "../media/mp4-structure";
import { explainProbeFailure, type ProbeFields, probeFields } from "../media/probe-fields";
import { makeStoryboard } from "../media/storyboard";
import { frameDecodesNearEnd } from "../media/tail-check";
import { makeThumbnail, type Thumbnail } from "../media/thumbnail";
import { defineOp, OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import {
  type ProbeResultData,
  probeContract,
  STORYBOARD_MAP_FILE_NAME,
  STORYBOARD_SPRITE_FILE_NAME,
  THUMBNAIL_FILE_NAME,
} from "../protocol/probe-contract";

/** POST /v1/probe: input `video`; probe fields plus a 640 px poster JPEG. */
export const probeOp = defineOp({
  contract: probeContract,
  // Starts on the first bytes: the box walk, ffprobe and the poster need the index and a few frames, not the file.
  streamsInputs: true,
  async run({ options, inputs, workspace, signal, events, deps }) {
    const video = inputs.video!;
    await events.progress(0);
    if (video.size === 0) throw new OpError(MediaErrorCode.invalidMedia, "The file is empty (0 bytes).", false);

    // ffprobe, and for MP4/MOV the poster, run beside the box walk instead of after it. Their failures are read
    // only in that order, though: the walk explains a broken file best, then ffprobe, then the poster.
    const sideWork = new AbortController();
    const sideSignal = AbortSignal.any([signal, sideWork.signal]);
    const poster = (duration: number, posterSignal: AbortSignal) =>
      makeThumbnail(deps.ffmpeg, video.source, workspace.file(THUMBNAIL_FILE_NAME), duration, {
        threads: deps.config.FFMPEG_THREADS,
        signal: posterSignal,
      });
    let fields: ProbeFields;
    let earlyPoster: Promise<Thumbnail> | undefined;
    try {
      const probed = background(ffprobe(deps.ffmpeg, video.source, sideSignal));
      const structure = await checkMp4Structure(video.path, video.size, video.waitFor);
      assertIntact(structure);
      // The movie header's duration is enough to pick the poster frame, so the poster need not wait for ffprobe.
      if (options.thumbnail && structure.kind === "ok" && structure.duration) {
        earlyPoster = background(poster(structure.duration, sideSignal));
      }
      try {
        fields = probeFields(await probed, video.size);
      } catch (error) {
        throw error instanceof FfprobeError ? explainProbeFailure(error) : error;
      }
      // MP4/MOV truncation was already caught from the box structure; other containers get a decode probe at the end.
      if (
        structure.kind === "not-mp4" &&
        !(await frameDecodesNearEnd(deps.ffmpeg, video.source, fields.duration, signal))
      ) {
        throw new OpError(
          MediaErrorCode.truncatedMedia,
          `The file is incomplete: its header says the video lasts ${fields.duration} s, but the data ends well before that.`,
          false,
        );
      }
    } catch (error) {
      sideWork.abort(error);
      throw error;
    }
    await events.progress(30);
    await events.log("info", "Probed video", { ...fields });

    let thumbnail: ProbeResultData["thumbnail"] = null;
    let storyboard: ProbeResultData["storyboard"] = null;
    if (options.thumbnail) {
      const made = await (earlyPoster ?? poster(fields.duration, signal));
      await events.progress(options.storyboard ? 60 : 90);
      await events.file(THUMBNAIL_FILE_NAME, made.path, "image/jpeg");
      thumbnail = {
        name: THUMBNAIL_FILE_NAME,
        content_type: "image/jpeg",
        width: made.width,
        height: made.height,
        at_seconds: made.at_seconds,
      };
    }
    if (options.storyboard) {
      const sprite = workspace.file(STORYBOARD_SPRITE_FILE_NAME);
      const map = await makeStoryboard(deps.ffmpeg, video.source, sprite, fields, {
        ...options.storyboard,
        threads: deps.config.FFMPEG_THREADS,
        signal,
      });
      const mapFile = workspace.file(STORYBOARD_MAP_FILE_NAME);
      await writeFile(mapFile, JSON.stringify(map));
      await events.file(STORYBOARD_SPRITE_FILE_NAME, sprite, "image/jpeg");
      await events.file(STORYBOARD_MAP_FILE_NAME, mapFile, "application/json");
      const { tiles, ...summary } = map;
      storyboard = { ...summary, map: STORYBOARD_MAP_FILE_NAME, tile_count: tiles.length };
    }
    await events.progress(100);
    return { probe: fields, thumbnail, storyboard };
  },
});

/** A truncated or damaged MP4/MOV fails here, in plain words, before anything else is believed about it. */
function assertIntact(structure: Mp4Structure): void {
  if (structure.kind === "truncated") {
    throw new OpError(
      MediaErrorCode.truncatedMedia,
      `The file is truncated: its MP4 structure needs ${structure.neededBytes} bytes but the file has only ${structure.actualBytes}.`,
      false,
    );
  }
  if (structure.kind === "invalid") {
    throw new OpError(
      MediaErrorCode.invalidMedia,
      `The file is damaged: its header says MP4/MOV but it has ${structure.reason}.`,
      false,
    );
  }
}

/** Work started now and awaited later: its failure is read then, not reported as unhandled in between. */
function background<T>(work: Promise<T>): Promise<T> {
  work.catch(() => {});
  return work;
}
