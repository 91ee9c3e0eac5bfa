import { z } from "zod";
import { OUTPUT_FORMATS } from "./spec";

/**
 * `result.data` of POST /v1/render. Runtime-neutral (zod only) so the Worker can parse the stream with it.
 * Each output's bytes arrive earlier as the `file` event with the same `name`.
 */
export const RenderOutputSchema = z.object({
  /** File event name: `<template>.<format>`. */
  name: z.string().min(1),
  template: z.string().min(1),
  format: z.enum(OUTPUT_FORMATS),
  content_type: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Probed seconds. */
  duration: z.number().positive(),
  /** Bytes. */
  size: z.number().int().positive(),
  /** The probe fields the probe op reports for an upload (duration, width, height, fps, codecs, ...). */
  probe: z.looseObject({ duration: z.number(), width: z.number(), height: z.number(), video_codec: z.string() }),
  /** Poster JPEG sent as its own `file` event, when generate_thumbnails was set. */
  thumbnail: z
    .object({ name: z.string().min(1), content_type: z.literal("image/jpeg"), width: z.number(), height: z.number() })
    .nullable(),
});
export type RenderOutput = z.infer<typeof RenderOutputSchema>;

export const RenderResultDataSchema = z.object({
  outputs: z.array(RenderOutputSchema).min(1),
  /** Planned timeline length in seconds. */
  duration: z.number().positive(),
});
export type RenderResultData = z.infer<typeof RenderResultDataSchema>;
