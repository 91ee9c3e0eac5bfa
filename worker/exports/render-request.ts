import type { z } from "zod";
import { RENDER_SOURCE_INPUTS, type RenderSpec, RenderSpecSchema } from "../../container/src/render/spec";
import { frameSize } from "../../container/src/render/timeline";
import type { Asset } from "../db/schema/assets";
import { layoutClips, remapCues } from "./output-timeline";
import type { ResolvedTimeline } from "./resolve-timeline";

export interface RenderRequest {
  /** The render header without `inputs` (the media client adds them). */
  header: z.input<typeof RenderSpecSchema>;
  /** Header input name -> the asset whose file is streamed in under it, in upload order. */
  inputs: { name: string; asset: Asset }[];
  /** Planned output length in seconds. */
  duration: number;
}

/** The payload's ducking threshold is dBFS (as editors set it); sidechaincompress wants a linear amplitude. */
export const dbToLinear = (db: number) => Math.max(0.000976563, Math.min(1, 10 ** (db / 20)));

/**
 * Translates a resolved timeline into the render op's header: asset ids become input names, transcript and
 * clip cues move onto the output clock, `export_templates` becomes `templates` (one template in
 * VIDEO_OUTPUT_FORMAT at the chosen framing when there are none).
 */
export function buildRenderRequest(
  timeline: ResolvedTimeline,
  defaultFormat: RenderSpec["templates"][number]["format"],
) {
  const { clips, options, music, watermark } = timeline;
  const inputs: RenderRequest["inputs"] = [];
  const inputOf = new Map<string, string>();
  for (const clip of clips) {
    if (inputOf.has(clip.asset.id)) continue;
    const name = RENDER_SOURCE_INPUTS[inputOf.size];
    if (!name) throw new Error("More source videos than the render op takes");
    inputOf.set(clip.asset.id, name);
    inputs.push({ name, asset: clip.asset });
  }
  if (music) inputs.push({ name: "music", asset: music });
  if (watermark) inputs.push({ name: "watermark", asset: watermark });

  const { windows, duration } = layoutClips(clips);
  const globalCues = clips.flatMap((clip, i) => remapCues(clip.transcript, clip, windows[i]!));
  const templates = options.export_templates?.length
    ? options.export_templates
    : [{ name: "default", format: defaultFormat, ...frameSize(options.aspect_ratio, options.resolution) }];
  const bgm = options.background_music;
  const mark = options.default_watermark;

  const header: RenderRequest["header"] = {
    clips: clips.map((clip, i) => ({
      input: inputOf.get(clip.asset.id)!,
      in_point: clip.inPoint,
      out_point: clip.outPoint,
      include_audio: clip.includeAudio,
      transition: clip.transition,
      subtitles: remapCues(clip.cues, clip, windows[i]!),
    })),
    aspect_ratio: options.aspect_ratio,
    resolution: options.resolution,
    fit: options.fit,
    background_music: bgm && {
      input: "music",
      volume: bgm.volume,
      offset: bgm.offset,
      fade_in: bgm.fade_in,
      fade_out: bgm.fade_out,
      loop: bgm.loop,
      ducking: { ...bgm.ducking, threshold: dbToLinear(bgm.ducking.threshold) },
    },
    default_watermark: mark && {
      input: "watermark",
      position: mark.position,
      scale: mark.scale,
      opacity: mark.opacity,
    },
    global_subtitles: globalCues,
    templates,
    generate_thumbnails: options.generate_thumbnails,
  };
  // The service validates too; checking here turns a mapping bug into a clear permanent failure, not a 400.
  RenderSpecSchema.parse(header);
  return { header, inputs, duration } satisfies RenderRequest;
}
