import { z } from "zod";
import { OUTPUT_FORMATS } from "../../../container/src/render/spec";
import { ExportOutputs } from "../../exports/export-outputs";
import { ExportPayloadSchema } from "../../exports/export-payload";
import { renderTimeline } from "../../exports/render-timeline";
import { resolveExportTimeline } from "../../exports/resolve-timeline";
import { JobPayloadError, PermanentJobError } from "../handler";
import { defineJobType } from "../job-type";

const ExportResultSchema = z.object({
  duration: z.number().describe("Seconds of the planned timeline"),
  clips: z.number().int(),
  source_asset_ids: z.array(z.string()),
  scene_run_id: z.string().nullable(),
  outputs: z.array(
    z.object({
      asset_id: z.string().describe("The export asset holding this output"),
      template: z.string(),
      format: z.enum(OUTPUT_FORMATS),
      width: z.number().int(),
      height: z.number().int(),
      duration: z.number(),
      size_bytes: z.number().int(),
      download_path: z.string(),
      thumbnail_path: z.string().nullable(),
    }),
  ),
});

// Job progress: resolving and opening inputs take the first few percent, registration the last few.
const RENDER_FROM = 3;
const RENDER_TO = 97;

/**
 * Renders a timeline in the media service: sources stream in from R2, every output streams back into R2 under
 * exports/, and the outputs become export assets only once the render has finished and all bytes are stored.
 */
export const exportJob = defineJobType({
  type: "export",
  payloadSchema: ExportPayloadSchema,
  async validate(payload, { db, projectId }) {
    const { issues } = await resolveExportTimeline(db, projectId, payload);
    if (issues.length > 0) throw new JobPayloadError(422, issues[0]?.message ?? "Invalid timeline", issues);
  },
  assetId: (payload) => (payload.from_scenes ? payload.asset_id : payload.timeline.clips[0]?.asset_id),
  resultSchema: ExportResultSchema,
  // Its data is the job's result: every output with its export asset id and download path.
  events: { completed: { type: "export.ready" } },
  async run(ctx) {
    const { db, bucket } = ctx.services;
    const projectId = ctx.job.projectId;
    const { timeline, issues } = await resolveExportTimeline(db, projectId, ctx.job.payload);
    if (!timeline) {
      throw new PermanentJobError(
        `The timeline is no longer valid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      );
    }
    const outputs = new ExportOutputs({ db, bucket }, projectId);
    try {
      const rendered = await renderTimeline(ctx, timeline, outputs, {
        from: RENDER_FROM,
        to: RENDER_TO,
        onPlanned: (seconds) =>
          ctx.progress(1, `Rendering ${timeline.clips.length} clips (${seconds.toFixed(2)} s planned)`),
      });

      const sourceAssetIds = [...new Set(timeline.clips.map((clip) => clip.asset.id))];
      for (const extra of [timeline.music, timeline.watermark]) if (extra) sourceAssetIds.push(extra.id);
      const assets = await outputs.register(rendered.outputs, sourceAssetIds);
      // A cancel that arrived while registering must not leave exports behind either.
      ctx.checkpoint();
      return {
        duration: rendered.duration,
        clips: timeline.clips.length,
        source_asset_ids: sourceAssetIds,
        scene_run_id: timeline.sceneRunId,
        outputs: rendered.outputs.map((output, i) => ({
          asset_id: assets[i]!.id,
          template: output.template,
          format: output.format,
          width: output.width,
          height: output.height,
          duration: output.duration,
          size_bytes: output.size,
          download_path: `/projects/${projectId}/exports/${assets[i]!.id}/content`,
          thumbnail_path: assets[i]!.thumbnailKey ? `/projects/${projectId}/exports/${assets[i]!.id}/thumbnail` : null,
        })),
      };
    } catch (error) {
      await outputs
        .discard()
        .catch((cleanup) => ctx.services.logger.error("export_cleanup_failed", { error: String(cleanup) }));
      throw error;
    }
  },
});
