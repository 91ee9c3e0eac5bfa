import { z } from "zod";

/** One timed line of a transcript: the original service's SubtitleSegment, times in seconds. */
export const SubtitleSegmentSchema = z.object({
  index: z.number().int().min(0),
  start: z.number().min(0),
  end: z.number().min(0),
  duration: z.number().min(0),
  text: z.string().min(1),
  confidence: z.number().min(0).max(1).optional(),
  language: z.string().optional(),
  speaker: z.string().optional(),
});

export type SubtitleSegment = z.infer<typeof SubtitleSegmentSchema>;
