import { z } from "zod";
import {
  ASPECT_RATIOS,
  type AspectRatio,
  OUTPUT_FORMATS,
  RESOLUTIONS,
  type Resolution,
  TRANSITION_TYPES,
  WATERMARK_POSITIONS,
} from "../../container/src/render/spec";
import { AssetIdSchema } from "../storage/asset-id";

/**
 * The export job's payload in the original service's timeline vocabulary. Times are seconds on the source
 * asset's own clock; the job maps them onto the output timeline. Checks against stored assets, transcripts
 * and scene runs live in resolve-timeline.ts; the export job type (worker/jobs/types/export.ts) runs them.
 */
const seconds = z.number().finite().nonnegative().max(86_400);

export const ExportTransitionSchema = z
  .strictObject({
    type: z.enum(TRANSITION_TYPES).default("cut").describe("How this clip hands over to the next one"),
    duration: z.number().finite().min(0).max(10).default(0).describe("Seconds; a crossfade shortens the output by it"),
  })
  .refine((t) => t.type === "cut" || t.duration > 0, {
    message: "A crossfade or fade needs a duration above 0",
    path: ["duration"],
  });

/** A cue on the clip's source clock (like the transcript's segments). */
export const SourceCueSchema = z
  .strictObject({ start: seconds, end: seconds, text: z.string().trim().min(1).max(2000) })
  .refine((cue) => cue.end > cue.start, { message: "end must be after start", path: ["end"] });

export const ExportClipSchema = z
  .strictObject({
    asset_id: AssetIdSchema.describe("A ready video of this project"),
    in_point: seconds.default(0),
    out_point: seconds.optional().describe("Omitted means the end of the source"),
    include_audio: z.boolean().default(true),
    transition: ExportTransitionSchema.default({ type: "cut", duration: 0 }),
    subtitles: z.array(SourceCueSchema).max(1000).optional().describe("Extra cues on the source clock"),
  })
  .refine((clip) => clip.out_point === undefined || clip.out_point > clip.in_point, {
    message: "out_point must be greater than in_point",
    path: ["out_point"],
  });

export const ExportDuckingSchema = z.strictObject({
  enabled: z.boolean().default(false),
  threshold: z.number().min(-60).max(0).default(-26).describe("dBFS of speech above which the music is lowered"),
  ratio: z.number().min(1).max(20).default(8),
  attack: z.number().min(0.01).max(2000).default(20).describe("Milliseconds"),
  release: z.number().min(0.01).max(9000).default(400).describe("Milliseconds"),
});

export const ExportMusicSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("A music upload of this project"),
  volume: z.number().min(0).max(4).default(0.3).describe("Linear gain"),
  offset: seconds.default(0).describe("Where playback starts inside the music file"),
  fade_in: seconds.default(0),
  fade_out: seconds.default(0),
  loop: z.boolean().default(false),
  ducking: ExportDuckingSchema.default({ enabled: false, threshold: -26, ratio: 8, attack: 20, release: 400 }),
});

export const ExportWatermarkSchema = z.strictObject({
  asset_id: AssetIdSchema.describe("An image upload of this project"),
  position: z.enum(WATERMARK_POSITIONS).default("bottom-right"),
  scale: z.number().gt(0).max(1).default(0.15).describe("Watermark width as a share of the frame width"),
  opacity: z.number().min(0).max(1).default(1),
});

/** `true`, or `{enabled, asset_id?}` to burn only that source asset's transcript. */
export const GlobalSubtitlesSchema = z.union([
  z.boolean(),
  z.strictObject({ enabled: z.boolean().default(true), asset_id: AssetIdSchema.optional() }),
]);
export type GlobalSubtitles = z.infer<typeof GlobalSubtitlesSchema>;

const BitrateSchema = z.union([
  z.number().int().min(8_000).max(100_000_000),
  z.string().regex(/^\d+(\.\d+)?[kKmM]?$/, "A bitrate like 2500k, 5M or bits per second"),
]);

export const ExportTemplateSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "Letters, digits, _ and -, at most 64"),
  format: z.enum(OUTPUT_FORMATS).default("mp4"),
  width: z.number().int().min(16).max(4096).multipleOf(2),
  height: z.number().int().min(16).max(4096).multipleOf(2),
  video_bitrate: BitrateSchema.optional(),
  audio_bitrate: BitrateSchema.optional(),
});

const framing = {
  aspect_ratio: z.enum(Object.keys(ASPECT_RATIOS) as [AspectRatio, ...AspectRatio[]]).default("16:9"),
  resolution: z.enum(Object.keys(RESOLUTIONS) as [Resolution, ...Resolution[]]).default("720p"),
  fit: z.enum(["contain", "cover"]).default("contain"),
  background_music: ExportMusicSchema.optional(),
  default_watermark: ExportWatermarkSchema.optional(),
  global_subtitles: GlobalSubtitlesSchema.optional(),
  export_templates: z.array(ExportTemplateSchema).max(10).optional(),
  generate_thumbnails: z.boolean().default(true),
};

type Framing = { aspect_ratio: AspectRatio; export_templates?: { name: string; width: number; height: number }[] };

/** Templates must match the aspect ratio (1% slack for even sizes) and have unique names. */
function checkTemplates(options: Framing, ctx: z.RefinementCtx) {
  const [rw, rh] = ASPECT_RATIOS[options.aspect_ratio];
  const templates = options.export_templates ?? [];
  templates.forEach((template, index) => {
    if (Math.abs((template.width * rh) / (template.height * rw) - 1) > 0.01) {
      ctx.addIssue({
        code: "custom",
        path: ["export_templates", index, "width"],
        message: `${template.width}x${template.height} does not match aspect ratio ${options.aspect_ratio}`,
      });
    }
  });
  if (new Set(templates.map((t) => t.name)).size !== templates.length) {
    ctx.addIssue({ code: "custom", path: ["export_templates"], message: "Template names must be unique" });
  }
}

export const TimelineSchema = z
  .strictObject({ clips: z.array(ExportClipSchema).min(1).max(100), ...framing })
  .superRefine(checkTemplates);
export type Timeline = z.infer<typeof TimelineSchema>;

export const TimelinePayloadSchema = z.strictObject({
  from_scenes: z.literal(false).optional(),
  timeline: TimelineSchema,
});

/** The shortcut: one clip per scene of the asset's latest scene run (optionally the run for this tone/criteria). */
export const ScenesPayloadSchema = z
  .strictObject({
    from_scenes: z.literal(true),
    asset_id: AssetIdSchema.describe("The video whose scene run becomes the timeline"),
    tone: z.string().trim().min(1).max(200).optional(),
    criteria: z.string().trim().min(1).max(2000).optional(),
    include_audio: z.boolean().default(true),
    transition: ExportTransitionSchema.default({ type: "cut", duration: 0 }),
    ...framing,
  })
  .superRefine(checkTemplates);

export const ExportPayloadSchema = z.discriminatedUnion("from_scenes", [TimelinePayloadSchema, ScenesPayloadSchema]);
export type ExportPayload = z.infer<typeof ExportPayloadSchema>;
