/** The contract of POST /v1/probe, shared by the service and the Worker. Runtime-neutral. */
import { z } from "zod";
import { defineOpContract } from "./op-contract";

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

export const ProbeFieldsSchema = z.object({
  duration: z.number().positive(),
  /** Display size: rotation already applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().min(0),
  /** Clockwise degrees a player turns the coded picture. */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  video_codec: z.string(),
  audio_codec: z.string().nullable(),
  has_audio: z.boolean(),
  /** Bits per second over the whole file. */
  bitrate: z.number().int().min(0),
  /** Short container name: mp4, mov, webm, mkv, ... */
  container: z.string(),
  size: z.number().int().min(0),
});
export type ProbeFields = z.infer<typeof ProbeFieldsSchema>;

export const THUMBNAIL_FILE_NAME = "thumbnail.jpg";
export const STORYBOARD_SPRITE_FILE_NAME = "storyboard.jpg";
export const STORYBOARD_MAP_FILE_NAME = "storyboard.json";

export const ProbeThumbnailSchema = z.object({
  name: z.literal(THUMBNAIL_FILE_NAME),
  content_type: z.literal("image/jpeg"),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  at_seconds: z.number().min(0),
});

/** The storyboard map (also sent as the `storyboard.json` file): where each evenly spaced frame sits in the sprite. */
export const StoryboardMapSchema = z.object({
  sprite: z.literal(STORYBOARD_SPRITE_FILE_NAME),
  duration: z.number().positive(),
  tile_width: z.number().int().positive(),
  tile_height: z.number().int().positive(),
  columns: z.number().int().positive(),
  rows: z.number().int().positive(),
  tiles: z.array(z.object({ start: z.number().min(0), x: z.number().int().min(0), y: z.number().int().min(0) })),
});
export type StoryboardMap = z.infer<typeof StoryboardMapSchema>;

export const ProbeResultDataSchema = z.object({
  probe: ProbeFieldsSchema,
  thumbnail: ProbeThumbnailSchema.nullable(),
  storyboard: StoryboardMapSchema.omit({ tiles: true })
    .extend({ map: z.literal(STORYBOARD_MAP_FILE_NAME), tile_count: z.number().int().positive() })
    .nullable(),
});
export type ProbeResultData = z.infer<typeof ProbeResultDataSchema>;

/** Input `video`; probe fields, the poster (`thumbnail.jpg`) and optionally a storyboard, each as a `file` event. */
export const probeContract = defineOpContract({
  name: "probe",
  optionsSchema: ProbeOptionsSchema,
  requiredInputs: ["video"],
  optionalInputs: [],
  events: {},
  resultSchema: ProbeResultDataSchema,
});
