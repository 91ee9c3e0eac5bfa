import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { SUBTITLE_CONTENT_TYPES, toVtt } from "../../../container/src/subtitles/format";
import { latestChapterRun } from "../../ai/chapter-store";
import { getCurrentTranscript } from "../../ai/transcript-store";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage";
import { AssetParamsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { ChapterRunSchema, chapterRunResponse } from "./transcript-schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/ai/chapters",
  operationId: "getVideoChapters",
  summary: "The video's chapters and lesson summary, as JSON or a WebVTT chapters track",
  description:
    "Made by `chapters` jobs from the current transcript; this is the newest run. `format=vtt` answers a WebVTT " +
    'file with one cue per chapter (its title), for `<track kind="chapters">`. 404 until a run exists.',
  tags: ["AI"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: AssetParamsSchema,
    query: z.object({
      format: z
        .enum(["json", "vtt"])
        .default("json")
        .openapi({ param: { name: "format", in: "query" }, description: "Response format", example: "vtt" }),
    }),
  },
  errors: [404],
  responses: {
    200: {
      description: "The chapters and summary",
      content: {
        "application/json": { schema: ChapterRunSchema },
        "text/vtt": { schema: z.string().openapi({ example: "WEBVTT\n\n00:00:00.000 --> 00:05:12.400\nIntro\n" }) },
      },
    },
  },
});

export function registerGetChapters(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const { db } = c.get("services");
    const asset = await getProjectAsset(db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const transcript = await getCurrentTranscript(db, projectId, asset.id);
    if (!transcript) throw new ApiError("NOT_FOUND", `Video ${assetId} has no transcript yet, so no chapters`);
    const run = await latestChapterRun(db, { projectId, assetId: asset.id, transcriptId: transcript.id });
    if (!run) throw new ApiError("NOT_FOUND", `Video ${assetId} has no chapters yet; run a chapters job`);
    if (format === "json") return c.json(chapterRunResponse(run), 200);
    const cues = run.chapters.map((chapter) => ({ start: chapter.start, end: chapter.end, text: chapter.title }));
    return new Response(toVtt(cues), {
      headers: {
        "Content-Type": SUBTITLE_CONTENT_TYPES.vtt,
        "Content-Disposition": `inline; filename="${asset.id}.chapters.vtt"`,
      },
    }) as never;
  });
}
