import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { LanguageCodeSchema } from "../../../container/src/protocol/language";
import {
  type CaptionRules,
  captionCues,
  DEFAULT_CAPTION_RULES,
  MAX_LINE_CHARS_LIMITS,
} from "../../../container/src/subtitles/captions";
import { formatSubtitles, SUBTITLE_CONTENT_TYPES } from "../../../container/src/subtitles/format";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { readTranscriptWords } from "../../ai/transcript-words";
import { findTranslation } from "../../ai/translation-store";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectOrLearnerAccess } from "../../middleware/learner-access";
import { getProjectAsset } from "../../storage";
import { AssetParamsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { BEARER_OR_LEARNER_TOKEN } from "../security";
import { TranscriptSchema, transcriptResponse, translationResponse } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/ai/transcript",
  operationId: "getVideoTranscript",
  summary: "The video's latest transcript, or a translation of it, as JSON, SRT or WebVTT",
  description:
    "Made by a `transcription` job; translations by `translation` jobs. `format=srt` answers `application/x-subrip`, " +
    "`format=vtt` answers `text/vtt`, one cue per segment. `granularity=word` adds every word with its timing to " +
    "the JSON answer, and makes SRT/VTT cues from the word timings as caption guidelines ask: at most two lines " +
    "of `max_line_chars` characters, at most 7 seconds, cut where the speaker pauses. 404 until a transcript (or a " +
    "translation into `language`) exists.",
  tags: ["AI"],
  // A learner token of a quiz on this video reads its captions (vtt, srt).
  middleware: [
    requireProjectOrLearnerAccess((c) => ({
      kind: "captions",
      assetId: c.req.param("asset_id") ?? "",
      format: c.req.query("format"),
    })),
  ],
  security: BEARER_OR_LEARNER_TOKEN,
  request: {
    params: AssetParamsSchema,
    query: z.object({
      format: z
        .enum(["json", "srt", "vtt"])
        .default("json")
        .openapi({ param: { name: "format", in: "query" }, description: "Response format", example: "srt" }),
      granularity: z
        .enum(["segment", "word"])
        .default("segment")
        .openapi({
          param: { name: "granularity", in: "query" },
          description:
            "`word`: `words` in the JSON answer, caption-sized SRT/VTT cues from word timings (the transcript's own language only)",
          example: "word",
        }),
      language: LanguageCodeSchema.optional().openapi({
        param: { name: "language", in: "query" },
        description:
          "ISO 639-1: a translation made by a `translation` job; the transcript's own language is the original",
        example: "de",
      }),
      max_line_chars: z.coerce
        .number()
        .int()
        .min(MAX_LINE_CHARS_LIMITS.min)
        .max(MAX_LINE_CHARS_LIMITS.max)
        .default(DEFAULT_CAPTION_RULES.maxLineChars)
        .openapi({
          param: { name: "max_line_chars", in: "query" },
          description: "Characters a caption line may hold (SRT/VTT with `granularity=word`)",
          example: 42,
        }),
    }),
  },
  errors: [404],
  responses: {
    200: {
      description: "The transcript",
      content: {
        "application/json": { schema: TranscriptSchema },
        "application/x-subrip": { schema: z.string().openapi({ example: "1\n00:00:00,000 --> 00:00:04,200\n..." }) },
        "text/vtt": { schema: z.string().openapi({ example: "WEBVTT\n\n00:00:00.000 --> 00:00:04.200\n..." }) },
      },
    },
  },
});

export function registerGetTranscript(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const { format, granularity, language, max_line_chars: maxLineChars } = c.req.valid("query");
    const { db } = c.get("services");
    const bucket = c.env.BUCKET;
    const asset = await getProjectAsset(db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const transcript = await getCurrentTranscript(db, projectId, asset.id);
    if (!transcript) throw new ApiError("NOT_FOUND", `Video ${assetId} has no transcript yet`);
    const rules: CaptionRules = { ...DEFAULT_CAPTION_RULES, maxLineChars };
    const subtitles = (body: string) =>
      new Response(body, {
        headers: {
          "Content-Type": SUBTITLE_CONTENT_TYPES[format as "srt" | "vtt"],
          // The asset id is a stored UUID by now, so it is safe inside the header.
          "Content-Disposition": `inline; filename="${asset.id}${language ? `.${language}` : ""}.${format}"`,
        },
      }) as never;

    if (language && language !== transcript.language) {
      if (granularity === "word") {
        throw new ApiError("VALIDATION_ERROR", "Word timings exist only in the transcript's own language", {
          details: [
            { path: "query.granularity", message: "Use granularity=segment with a translation", code: "custom" },
          ],
        });
      }
      const translation = await findTranslation(db, { projectId, transcriptId: transcript.id }, language);
      if (!translation) {
        throw new ApiError(
          "NOT_FOUND",
          `Video ${assetId} has no ${language} translation of its current transcript; run a translation job`,
        );
      }
      if (format === "json") return c.json(translationResponse(transcript, translation), 200);
      return subtitles(formatSubtitles(captionCues(translation.segments, null, rules), format));
    }

    if (granularity === "segment") {
      if (format === "json") return c.json(transcriptResponse(transcript), 200);
      return subtitles(formatSubtitles(captionCues(transcript.segments, null, rules), format));
    }
    const words = await readTranscriptWords(bucket, transcript);
    if (!words) {
      throw new ApiError("NOT_FOUND", `The transcript of video ${assetId} has no word timings (its model gave none)`);
    }
    if (format === "json") return c.json(transcriptResponse(transcript, words), 200);
    return subtitles(formatSubtitles(captionCues(transcript.segments, words, rules), format));
  });
}
