import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { formatSubtitles, SUBTITLE_CONTENT_TYPES } from "../../../container/src/subtitles/format";
import { getCurrentTranscript } from "../../ai/transcript-store";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage";
import { AssetParamsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { TranscriptSchema, transcriptResponse } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/ai/transcript",
  operationId: "getVideoTranscript",
  summary: "The video's latest transcript as JSON, SRT or WebVTT",
  description:
    "Made by a `transcription` job. `format=srt` answers `application/x-subrip`, `format=vtt` answers `text/vtt`; " +
    "404 until a transcript exists.",
  tags: ["AI"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: AssetParamsSchema,
    query: z.object({
      format: z
        .enum(["json", "srt", "vtt"])
        .default("json")
        .openapi({ param: { name: "format", in: "query" }, description: "Response format", example: "srt" }),
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
    const { format } = c.req.valid("query");
    const { db } = c.get("services");
    const asset = await getProjectAsset(db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const transcript = await getCurrentTranscript(db, projectId, asset.id);
    if (!transcript) throw new ApiError("NOT_FOUND", `Video ${assetId} has no transcript yet`);
    if (format === "json") return c.json(transcriptResponse(transcript), 200);
    return new Response(formatSubtitles(transcript.segments, format), {
      headers: {
        "Content-Type": SUBTITLE_CONTENT_TYPES[format],
        // The asset id is a stored UUID by now, so it is safe inside the header.
        "Content-Disposition": `inline; filename="${asset.id}.${format}"`,
      },
    }) as never;
  });
}
