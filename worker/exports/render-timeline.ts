import type { RenderResultData } from "../../container/src/render/result";
import type { JobContext } from "../jobs/handler";
import { PermanentJobError, RetryableJobError } from "../jobs/handler";
import { type MediaInput, MediaServiceError, r2Input } from "../media/media-client";
import type { ExportOutputs } from "./export-outputs";
import { buildRenderRequest } from "./render-request";
import type { ResolvedTimeline } from "./resolve-timeline";

/**
 * One render of a resolved timeline through the media service's `render` op: the sources stream in from R2,
 * every output streams into `outputs` (not yet registered), and the op's progress is mapped onto the job's
 * `from`..`to` percent. Shared by the export job and the quiz review clips job. Media failures become
 * retryable or permanent job errors; the caller discards `outputs` on any failure.
 */
export async function renderTimeline(
  ctx: JobContext<unknown>,
  timeline: ResolvedTimeline,
  outputs: ExportOutputs,
  span: { from: number; to: number; onPlanned?: (seconds: number) => Promise<void> },
): Promise<RenderResultData> {
  const { bucket, media, settings } = ctx.services;
  const request = buildRenderRequest(timeline, settings.VIDEO_OUTPUT_FORMAT);
  await span.onPlanned?.(request.duration);
  const opened: MediaInput[] = [];
  try {
    for (const { name, asset } of request.inputs) {
      const object = await bucket.head(asset.r2Key);
      if (!object) throw new PermanentJobError(`The file of asset ${asset.id} is missing from storage`);
      opened.push(await r2Input(name, bucket, object));
    }
    let reported = span.from;
    return await media.call("render", {
      options: request.header,
      inputs: opened,
      signal: ctx.signal,
      onProgress: async (percent) => {
        const value = Math.floor(span.from + (percent * (span.to - span.from)) / 100);
        if (value <= reported) return;
        reported = value;
        await ctx.progress(value);
      },
      onLog: (event) => (event.level === "debug" ? undefined : ctx.log(event.level, event.message, event.details)),
      onFile: (file) => outputs.store(file),
    });
  } catch (error) {
    await Promise.all(opened.map((input) => input.body.cancel().catch(() => undefined)));
    if (ctx.signal.aborted) throw error;
    if (error instanceof MediaServiceError) {
      throw error.retryable ? new RetryableJobError(error.message) : new PermanentJobError(error.message);
    }
    throw error;
  }
}
