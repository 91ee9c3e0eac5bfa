import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { getProjectAsset } from "../../storage/assets";
import { defineRoute } from "../define-route";
import { AssetParamsSchema, type AssetRouteConfig, AssetSchema, toAssetResponse } from "./schema";

/** `GET /projects/{project_id}/<segment>/{asset_id}`: one asset's metadata and links. */
export function registerGetRoute(
  app: OpenAPIHono<AppEnv>,
  config: AssetRouteConfig,
  options: { operationId: string; summary: string },
) {
  const route = defineRoute({
    method: "get",
    path: `/projects/{project_id}/${config.segment}/{asset_id}`,
    operationId: options.operationId,
    summary: options.summary,
    tags: [config.tag],
    middleware: [requireProjectAccess],
    security: [{ bearerAuth: [] }],
    request: { params: AssetParamsSchema },
    errors: [404],
    responses: {
      200: { description: `The ${config.noun}`, content: { "application/json": { schema: AssetSchema } } },
    },
  });

  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, config.category);
    if (!asset) throw new ApiError("NOT_FOUND", `No ${config.noun} ${assetId} in project ${projectId}`);
    return c.json(toAssetResponse(asset), 200);
  });
}
