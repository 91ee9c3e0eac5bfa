import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { StoryboardMapSchema } from "../../../container/src/protocol/probe-contract";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { getProjectAsset } from "../../storage";
import { AssetParamsSchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { BEARER_LEARNER_OR_STREAM_TOKEN } from "../security";
import { requireVideoOrLearnerAccess } from "./learner-video-access";

// Maps are ~40 bytes per tile and at most 100 tiles; anything far larger is not one ingest wrote.
const MAX_MAP_BYTES = 256 * 1024;

export const StoryboardSchema = z
  .object({
    sprite: z.string().openapi({
      description: "Path of the sprite image (JPEG) holding every tile",
      example: "/projects/lesson-app/videos/3f0c…/storyboard/sprite",
    }),
    duration: z.number().openapi({ description: "Video duration in seconds", example: 312.4 }),
    tile_width: z.number().int().openapi({ example: 160 }),
    tile_height: z.number().int().openapi({ example: 90 }),
    columns: z.number().int().openapi({ example: 5 }),
    rows: z.number().int().openapi({ example: 5 }),
    tiles: z
      .array(
        z.object({
          start: z.number().openapi({ description: "Time (s) the tile shows", example: 6.248 }),
          x: z.number().int().openapi({ description: "Left edge in the sprite (px)", example: 160 }),
          y: z.number().int().openapi({ description: "Top edge in the sprite (px)", example: 0 }),
        }),
      )
      .openapi({ description: "Evenly spaced frames, in time order" }),
  })
  .openapi("Storyboard");
export type StoryboardResponse = z.infer<typeof StoryboardSchema>;

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/videos/{asset_id}/storyboard",
  operationId: "getVideoStoryboard",
  summary: "The video's storyboard map for scrubbing previews; 404 until ingest has made one",
  tags: ["Videos"],
  middleware: [requireVideoOrLearnerAccess],
  security: BEARER_LEARNER_OR_STREAM_TOKEN,
  request: { params: AssetParamsSchema },
  errors: [404],
  responses: {
    200: {
      description: "Where each tile sits in the sprite",
      content: { "application/json": { schema: StoryboardSchema } },
    },
  },
});

export function registerGetVideoStoryboard(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, "video");
    if (!asset) throw new ApiError("NOT_FOUND", `No video ${assetId} in project ${projectId}`);
    const object = asset.storyboardKey ? await c.env.BUCKET.get(asset.storyboardKey) : null;
    if (!object) throw new ApiError("NOT_FOUND", `Video ${assetId} has no storyboard yet`);
    if (object.size > MAX_MAP_BYTES) {
      await object.body.cancel();
      throw new Error(`Storyboard map ${object.key} is ${object.size} bytes`);
    }
    const map = StoryboardMapSchema.parse(await object.json());
    const body = StoryboardSchema.parse({
      ...map,
      sprite: `/projects/${projectId}/videos/${assetId}/storyboard/sprite`,
    });
    return c.json(body, 200);
  });
}
