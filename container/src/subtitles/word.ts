import { z } from "zod";

/** One spoken word with its timing on the video's timeline, and the transcript segment it belongs to. */
export const TranscriptWordSchema = z.object({
  start: z.number().min(0),
  end: z.number().min(0),
  word: z.string().min(1),
  /** Index of the segment (in the merged transcript) the word was spoken in. */
  segment_index: z.number().int().min(0),
});

export type TranscriptWord = z.infer<typeof TranscriptWordSchema>;
