import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { latestSceneRun } from "../../ai/scene-store";
import { getCurrentTranscript } from "../../ai/transcript-store";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage";
import { AssetParamsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { SceneRunSchema, sceneRunResponse } from "./schema";

// Same normalisation as the scene_detection payload, so a query names the run its job stored.
const parameter = (name: string, max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .openapi({ param: { name, in: "query" } });

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/ai/scenes",
  operationId: "getVideoScenes",
  summary: "The video's highlight scenes: the latest run, or the cached run for a tone and criteria",
  description:
    "Made by `scene_detection` jobs from the current transcript. Without `tone` and `criteria` this is the newest " +
    "run. With either, it is the run made with exactly that tone and criteria (an absent or empty one means none " +
    "was given); 404 when there is no such run.",
  tags: ["AI"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: AssetParamsSchema,
    query: z.object({ tone: parameter("tone", 200), criteria: parameter("criteria", 2000) }),
  },
  errors: [404],
  responses: {
    200: { description: "A scene run", content: { "application/json": { schema: SceneRunSchema } } },
  },
});

export function registerGetScenes(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const { tone, criteria } = c.req.valid("query");
    const { db } = c.get("services");
    const asset = await getProjectAsset(db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const transcript = await getCurrentTranscript(db, projectId, asset.id);
    if (!transcript) throw new ApiError("NOT_FOUND", `Video ${assetId} has no transcript yet, so no scenes`);
    const selected = tone !== undefined || criteria !== undefined;
    const run = await latestSceneRun(
      db,
      { projectId, assetId: asset.id, transcriptId: transcript.id },
      selected ? { tone: tone || null, criteria: criteria || null } : undefined,
    );
    if (!run) {
      throw new ApiError(
        "NOT_FOUND",
        selected
          ? `No scene run of video ${assetId} with this tone and criteria`
          : `Video ${assetId} has no scene runs yet`,
      );
    }
    return c.json(sceneRunResponse(run), 200);
  });
}
