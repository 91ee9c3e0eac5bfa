import { z } from "zod";

/**
 * The render header (`POST /v1/render`), minus `inputs`. It mirrors the export timeline's vocabulary
 * so the Worker can translate a timeline payload field by field: asset ids become input names,
 * `export_templates` becomes `templates`, and subtitles arrive as cue lists on the output timeline.
 * Times are seconds, volumes and opacities are linear factors.
 */

/**
 * Named inputs a render header may carry: clip sources, one music track and one watermark image.
 * (The framing protocol carries at most MAX_INPUTS files per request in total.)
 */
export const RENDER_SOURCE_INPUTS = Array.from({ length: 8 }, (_, i) => `source_${i}`);
export const RENDER_INPUT_NAMES = [...RENDER_SOURCE_INPUTS, "music", "watermark"] as const;

const seconds = z.number().finite().nonnegative();

export const CueSchema = z
  .object({
    start: seconds,
    end: seconds,
    text: z.string().min(1).max(2000),
  })
  .refine((cue) => cue.end > cue.start, { message: "end must be after start", path: ["end"] });
export type Cue = z.infer<typeof CueSchema>;

export const TRANSITION_TYPES = ["cut", "crossfade", "fade_to_black", "fade_to_white"] as const;
export type TransitionType = (typeof TRANSITION_TYPES)[number];

export const TransitionSchema = z.object({
  type: z.enum(TRANSITION_TYPES).default("cut"),
  duration: z.number().finite().nonnegative().max(10).default(0),
});

export const RenderClipSchema = z
  .object({
    /** Name of the header input holding the clip's source media. */
    input: z.string().min(1),
    in_point: seconds.default(0),
    /** Omitted means the end of the source. */
    out_point: seconds.optional(),
    include_audio: z.boolean().default(true),
    /** How this clip hands over to the next one; on the last clip a fade_to_* fades the ending out. */
    transition: TransitionSchema.default({ type: "cut", duration: 0 }),
    /** Cues already on the output timeline; they are shown only while this clip is on screen. */
    subtitles: z.array(CueSchema).default([]),
  })
  .refine((clip) => clip.out_point === undefined || clip.out_point > clip.in_point, {
    message: "out_point must be greater than in_point",
    path: ["out_point"],
  });
export type RenderClip = z.infer<typeof RenderClipSchema>;

export const ASPECT_RATIOS = { "16:9": [16, 9], "9:16": [9, 16], "1:1": [1, 1] } as const;
export type AspectRatio = keyof typeof ASPECT_RATIOS;
export const RESOLUTIONS = { "540p": 540, "720p": 720, "1080p": 1080 } as const;
export type Resolution = keyof typeof RESOLUTIONS;

export const DuckingSchema = z.object({
  enabled: z.boolean().default(false),
  /** Linear amplitude (0.001-1) of the speech level above which the music is compressed. */
  threshold: z.number().min(0.000976563).max(1).default(0.05),
  ratio: z.number().min(1).max(20).default(8),
  /** Milliseconds. */
  attack: z.number().min(0.01).max(2000).default(20),
  /** Milliseconds. */
  release: z.number().min(0.01).max(9000).default(400),
});

export const BackgroundMusicSchema = z.object({
  input: z.string().min(1).default("music"),
  volume: z.number().min(0).max(4).default(1),
  /** Where in the music file playback starts. */
  offset: seconds.default(0),
  fade_in: seconds.default(0),
  fade_out: seconds.default(0),
  loop: z.boolean().default(false),
  ducking: DuckingSchema.default({ enabled: false, threshold: 0.05, ratio: 8, attack: 20, release: 400 }),
});
export type BackgroundMusic = z.infer<typeof BackgroundMusicSchema>;

export const WATERMARK_POSITIONS = ["top-left", "top-right", "bottom-left", "bottom-right"] as const;
export type WatermarkPosition = (typeof WATERMARK_POSITIONS)[number];

export const WatermarkSchema = z.object({
  input: z.string().min(1).default("watermark"),
  position: z.enum(WATERMARK_POSITIONS).default("bottom-right"),
  /** Watermark width as a fraction of the frame width. */
  scale: z.number().gt(0).max(1).default(0.15),
  opacity: z.number().min(0).max(1).default(1),
});
export type Watermark = z.infer<typeof WatermarkSchema>;

export const OUTPUT_FORMATS = ["mp4", "mov", "webm"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** ffmpeg-style rate ("2500k", "5M") or bits per second. */
const BitrateSchema = z.union([
  z.number().int().min(8_000).max(100_000_000),
  z.string().regex(/^\d+(\.\d+)?[kKmM]?$/, "bitrate like 2500k, 5M or bits per second"),
]);

export const TemplateSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "letters, digits, _ and -, at most 64")
    .default("default"),
  format: z.enum(OUTPUT_FORMATS).default("mp4"),
  width: z.number().int().min(16).max(4096).multipleOf(2),
  height: z.number().int().min(16).max(4096).multipleOf(2),
  video_bitrate: BitrateSchema.optional(),
  audio_bitrate: BitrateSchema.optional(),
});
export type Template = z.infer<typeof TemplateSchema>;

export const RenderSpecSchema = z
  .object({
    clips: z.array(RenderClipSchema).min(1).max(100),
    aspect_ratio: z.enum(Object.keys(ASPECT_RATIOS) as [AspectRatio, ...AspectRatio[]]).default("16:9"),
    resolution: z.enum(Object.keys(RESOLUTIONS) as [Resolution, ...Resolution[]]).default("720p"),
    fit: z.enum(["contain", "cover"]).default("contain"),
    fps: z.number().int().min(1).max(60).default(30),
    background_music: BackgroundMusicSchema.optional(),
    default_watermark: WatermarkSchema.optional(),
    global_subtitles: z.array(CueSchema).default([]),
    /** Empty means one mp4 at the chosen aspect ratio and resolution. */
    templates: z.array(TemplateSchema).max(10).default([]),
    generate_thumbnails: z.boolean().default(false),
  })
  .superRefine((spec, ctx) => {
    const [rw, rh] = ASPECT_RATIOS[spec.aspect_ratio];
    spec.templates.forEach((template, index) => {
      // 1% slack, because sizes are even numbers (854x480 is 16:9).
      if (Math.abs((template.width * rh) / (template.height * rw) - 1) > 0.01) {
        ctx.addIssue({
          code: "custom",
          path: ["templates", index, "width"],
          message: `${template.width}x${template.height} does not match aspect ratio ${spec.aspect_ratio}`,
        });
      }
    });
    const names = spec.templates.map((template) => template.name);
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: "custom", path: ["templates"], message: "template names must be unique" });
    }
  });
export type RenderSpec = z.infer<typeof RenderSpecSchema>;
