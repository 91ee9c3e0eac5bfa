import type { OpenAPIHono } from "@hono/zod-openapi";
import { getCurrentTranscript } from "../../ai/transcript-store";
import { listTranslations } from "../../ai/translation-store";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage";
import { AssetParamsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { TranscriptLanguagesSchema } from "./transcript-schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/ai/transcript/languages",
  operationId: "listTranscriptLanguages",
  summary: "The languages the video's current transcript can be read in: its own and its translations",
  description: "Each can be fetched with `GET …/ai/transcript?language=`. 404 until a transcript exists.",
  tags: ["AI"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: AssetParamsSchema },
  errors: [404],
  responses: {
    200: { description: "The languages", content: { "application/json": { schema: TranscriptLanguagesSchema } } },
  },
});

export function registerListTranscriptLanguages(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const { db } = c.get("services");
    const asset = await getProjectAsset(db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const transcript = await getCurrentTranscript(db, projectId, asset.id);
    if (!transcript) throw new ApiError("NOT_FOUND", `Video ${assetId} has no transcript yet`);
    const translations = await listTranslations(db, { projectId, transcriptId: transcript.id });
    const original = transcript.language
      ? [
          {
            language: transcript.language,
            original: true,
            segment_count: transcript.segments.length,
            created_at: transcript.createdAt,
          },
        ]
      : [];
    const body = TranscriptLanguagesSchema.parse({
      asset_id: asset.id,
      transcript_id: transcript.id,
      original_language: transcript.language,
      languages: [
        ...original,
        ...translations.map((t) => ({
          language: t.language,
          original: false,
          segment_count: t.segmentCount,
          created_at: t.createdAt,
        })),
      ],
    });
    return c.json(body, 200);
  });
}
