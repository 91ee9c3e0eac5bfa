import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { FfprobeError, ffprobe } from "../ffmpeg/ffprobe";
import { checkMp4Structure } from "../media/mp4-structure";
import { explainProbeFailure, type ProbeFields, probeFields } from "../media/probe-fields";
import { makeStoryboard } from "../media/storyboard";
import { frameDecodesNearEnd } from "../media/tail-check";
import { makeThumbnail } from "../media/thumbnail";
import { defineOp, OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import {
  type ProbeResultData,
  ProbeResultDataSchema,
  STORYBOARD_MAP_FILE_NAME,
  STORYBOARD_SPRITE_FILE_NAME,
  THUMBNAIL_FILE_NAME,
} from "../protocol/probe-contract";

export const ProbeOptionsSchema = z.object({
  thumbnail: z.boolean().default(true),
  /** Off unless asked: a sprite of evenly spaced frames (`storyboard.jpg`) and its map (`storyboard.json`). */
  storyboard: z
    .union([
      z.literal(false),
      z.object({
        tiles: z.number().int().min(1).max(100).default(25),
        columns: z.number().int().min(1).max(20).default(5),
        tile_width: z.number().int().min(32).max(640).default(160),
      }),
    ])
    .default(false),
});
export type ProbeOptions = z.infer<typeof ProbeOptionsSchema>;

/** POST /v1/probe: input `video`; probe fields plus a 640 px poster JPEG. */
export const probeOp = defineOp({
  name: "probe",
  optionsSchema: ProbeOptionsSchema,
  requiredInputs: ["video"],
  // Starts on the first bytes: the box walk, ffprobe and the poster need the index and a few frames, not the file.
  streamsInputs: true,
  async run({ options, inputs, workspace, signal, events, deps }): Promise<Record<string, unknown>> {
    const video = inputs.video!;
    await events.progress(0);
    if (video.size === 0) throw new OpError(MediaErrorCode.invalidMedia, "The file is empty (0 bytes).", false);

    const structure = await checkMp4Structure(video.path, video.size, video.waitFor);
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

    let fields: ProbeFields;
    try {
      fields = probeFields(await ffprobe(deps.ffmpeg, video.source, signal), video.size);
    } catch (error) {
      if (error instanceof FfprobeError) throw explainProbeFailure(error);
      throw error;
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
    await events.progress(30);
    await events.log("info", "Probed video", { ...fields });

    let thumbnail: ProbeResultData["thumbnail"] = null;
    let storyboard: ProbeResultData["storyboard"] = null;
    if (options.thumbnail) {
      const made = await makeThumbnail(
        deps.ffmpeg,
        video.source,
        workspace.file(THUMBNAIL_FILE_NAME),
        fields.duration,
        {
          threads: deps.config.FFMPEG_THREADS,
          signal,
        },
      );
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
    return ProbeResultDataSchema.parse({ probe: fields, thumbnail, storyboard });
  },
});
