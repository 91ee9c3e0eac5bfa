import { rm, stat, writeFile } from "node:fs/promises";
import { FfprobeError, ffprobe } from "../ffmpeg/ffprobe";
import { FfmpegError } from "../ffmpeg/run-ffmpeg";
import { explainProbeFailure, probeFields } from "../media/probe-fields";
import { makeThumbnail } from "../media/thumbnail";
import { defineOp, type OpContextOf, OpError } from "../operation";
import { MediaErrorCode } from "../protocol/contract";
import { renderContract } from "../protocol/render-contract";
import { buildRenderCommand } from "../render/command";
import { probeRenderInputs } from "../render/input-media";
import { OUTPUT_CONTENT_TYPES } from "../render/output-encoding";
import type { RenderOutput } from "../render/result";
import { runRenderFfmpeg } from "../render/run-render-ffmpeg";
import type { RenderSpec, Template } from "../render/spec";
import { collectCues } from "../render/subtitles";
import { type InputMedia, layoutTimeline, RenderSpecError, resolveTemplates, type Timeline } from "../render/timeline";
import { toSrt } from "../subtitles/format";

/**
 * POST /v1/render: composes the clips into one video per template. Each output is streamed as a `file`
 * event (then its thumbnail, if asked for) as soon as it is done; `result` lists them all.
 */
export const renderOp = defineOp({
  contract: renderContract,
  async run(ctx) {
    const { options: spec, workspace, signal, deps } = ctx;
    await ctx.events.progress(0);
    const media = await probeInputs(ctx);
    const timeline = planTimeline(spec, media);
    const cues = collectCues(spec.global_subtitles, timeline);
    let subtitlesPath: string | undefined;
    if (cues.length > 0) {
      subtitlesPath = workspace.file("subtitles.srt");
      await writeFile(subtitlesPath, toSrt(cues));
    }
    await ctx.events.log("info", "Render planned", {
      clips: timeline.clips.length,
      duration: timeline.duration,
      subtitle_cues: cues.length,
      ffmpeg: deps.ffmpeg.version,
    });

    const templates = resolveTemplates(spec);
    const outputs: RenderOutput[] = [];
    for (const [index, template] of templates.entries()) {
      const share = (percent: number) => ctx.events.progress((index * 100 + percent) / templates.length);
      outputs.push(await renderTemplate(ctx, { timeline, template, media, subtitlesPath, progress: share }));
      if (signal.aborted) throw signal.reason;
    }
    await ctx.events.progress(100);
    return { outputs, duration: round3(timeline.duration) };
  },
});

async function probeInputs(ctx: OpContextOf<typeof renderContract>): Promise<Record<string, InputMedia>> {
  try {
    return await probeRenderInputs(ctx.deps.ffmpeg, ctx.options, ctx.inputs, ctx.signal);
  } catch (error) {
    if (error instanceof RenderSpecError) throw invalidSpec(error);
    if (error instanceof FfprobeError) throw explainProbeFailure(error);
    throw error;
  }
}

function planTimeline(spec: RenderSpec, media: Record<string, InputMedia>): Timeline {
  try {
    return layoutTimeline(spec, media);
  } catch (error) {
    if (error instanceof RenderSpecError) throw invalidSpec(error);
    throw error;
  }
}

const invalidSpec = (error: RenderSpecError) =>
  new OpError(MediaErrorCode.invalidOptions, `Option ${error.path.join(".")}: ${error.message}`, false);

interface TemplateJob {
  timeline: Timeline;
  template: Template;
  media: Record<string, InputMedia>;
  subtitlesPath: string | undefined;
  progress: (percent: number) => Promise<void>;
}

/** Renders, probes and streams one template's output; a failed or aborted render leaves no file behind. */
async function renderTemplate(ctx: OpContextOf<typeof renderContract>, job: TemplateJob): Promise<RenderOutput> {
  const { template } = job;
  const { deps, signal, workspace } = ctx;
  const name = `${template.name}.${template.format}`;
  const outputPath = workspace.file(`output-${name}`);
  const command = buildRenderCommand({
    spec: ctx.options,
    timeline: job.timeline,
    template,
    media: job.media,
    subtitlesPath: job.subtitlesPath,
    outputPath,
    threads: deps.config.FFMPEG_THREADS,
    crossfade: deps.ffmpeg.hasXfade ? "xfade" : "blend",
  });
  // Encoding is most of the work; probing and the thumbnail take the last few percent.
  const encodeShare = ctx.options.generate_thumbnails ? 90 : 95;
  try {
    await runRenderFfmpeg(deps.ffmpeg, command.args, {
      durationSeconds: command.duration,
      signal,
      onProgress: (percent) => void job.progress((percent * encodeShare) / 100).catch(() => {}),
    });
  } catch (error) {
    await rm(outputPath, { force: true });
    if (error instanceof FfmpegError) {
      throw new OpError("RENDER_FAILED", `Rendering ${name} failed: ${error.message}`, false, { cause: error });
    }
    throw error;
  }

  try {
    const { size } = await stat(outputPath);
    const probe = probeFields(await ffprobe(deps.ffmpeg, outputPath, signal), size);
    let thumbnail: RenderOutput["thumbnail"] = null;
    let thumbnailPath: string | undefined;
    if (ctx.options.generate_thumbnails) {
      const thumbnailName = `${template.name}.jpg`;
      const made = await makeThumbnail(
        deps.ffmpeg,
        outputPath,
        workspace.file(`thumbnail-${thumbnailName}`),
        probe.duration,
        {
          threads: deps.config.FFMPEG_THREADS,
          signal,
        },
      );
      thumbnailPath = made.path;
      thumbnail = { name: thumbnailName, content_type: "image/jpeg", width: made.width, height: made.height };
    }
    await job.progress(encodeShare + 4);
    const contentType = OUTPUT_CONTENT_TYPES[template.format];
    await ctx.events.file(name, outputPath, contentType);
    if (thumbnail && thumbnailPath) await ctx.events.file(thumbnail.name, thumbnailPath, thumbnail.content_type);
    await job.progress(100);
    return {
      name,
      template: template.name,
      format: template.format,
      content_type: contentType,
      width: probe.width,
      height: probe.height,
      duration: probe.duration,
      size,
      probe: { ...probe },
      thumbnail,
    };
  } finally {
    // Sent (or failed): either way the workspace copy is no longer needed, and several templates add up.
    await rm(outputPath, { force: true });
  }
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
