import { resolveExportTimeline } from "../../exports/resolve-timeline";
import { ExportPayloadSchema } from "../../exports/timeline-schema";
import { JobPayloadError, type JobPayloadSpec } from "../handler";

/** The export job's payload: a timeline, or the shortcut from a scene run (worker/exports/timeline-schema.ts). */
export const exportPayload = {
  type: "export",
  schema: ExportPayloadSchema,
  async validate(payload, { db, projectId }) {
    const { issues } = await resolveExportTimeline(db, projectId, payload);
    if (issues.length > 0) throw new JobPayloadError(422, issues[0]?.message ?? "Invalid timeline", issues);
  },
  assetId: (payload) => (payload.from_scenes ? payload.asset_id : payload.timeline.clips[0]?.asset_id),
} satisfies JobPayloadSpec<typeof ExportPayloadSchema>;
