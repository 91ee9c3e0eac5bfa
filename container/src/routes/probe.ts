import { stat } from "node:fs/promises";
import { z } from "zod";
import { FfprobeError, ffprobe } from "../ffmpeg/ffprobe";
import { checkMp4Structure } from "../media/mp4-structure";
import { explainProbeFailure, type ProbeFields, probeFields } from "../media/probe-fields";
import { frameDecodesNearEnd } from "../media/tail-check";
import { makeThumbnail } from "../media/thumbnail";
import { defineOp, OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";

export const ProbeOptionsSchema = z.object({
  thumbnail: z.boolean().default(true),
});
export type ProbeOptions = z.infer<typeof ProbeOptionsSchema>;

/** `result.data` of POST /v1/probe. The poster arrives earlier as the `file` event named `thumbnail.jpg`. */
export interface ProbeResultData {
  probe: ProbeFields;
  thumbnail: { name: string; content_type: "image/jpeg"; width: number; height: number; at_seconds: number } | null;
}

export const THUMBNAIL_FILE_NAME = "thumbnail.jpg";

/** POST /v1/probe: input `video`; probe fields plus a 640 px poster JPEG. */
export const probeOp = defineOp({
  name: "probe",
  optionsSchema: ProbeOptionsSchema,
  requiredInputs: ["video"],
  async run({ options, inputs, workspace, signal, events, deps }): Promise<Record<string, unknown>> {
    const video = inputs.video!;
    await events.progress(0);
    if (video.size === 0) throw new OpError(MediaErrorCode.invalidMedia, "The file is empty (0 bytes).", false);

    const structure = await checkMp4Structure(video.path);
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
      fields = probeFields(await ffprobe(deps.ffmpeg, video.path, signal), (await stat(video.path)).size);
    } catch (error) {
      if (error instanceof FfprobeError) throw explainProbeFailure(error);
      throw error;
    }
    // MP4/MOV truncation was already caught from the box structure; other containers get a decode probe at the end.
    if (
      structure.kind === "not-mp4" &&
      !(await frameDecodesNearEnd(deps.ffmpeg, video.path, fields.duration, signal))
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
    if (options.thumbnail) {
      const made = await makeThumbnail(deps.ffmpeg, video.path, workspace.file(THUMBNAIL_FILE_NAME), fields.duration, {
        threads: deps.config.FFMPEG_THREADS,
        signal,
      });
      await events.progress(90);
      await events.file(THUMBNAIL_FILE_NAME, made.path, "image/jpeg");
      thumbnail = {
        name: THUMBNAIL_FILE_NAME,
        content_type: "image/jpeg",
        width: made.width,
        height: made.height,
        at_seconds: made.at_seconds,
      };
    }
    await events.progress(100);
    return { probe: fields, thumbnail } satisfies ProbeResultData;
  },
});
