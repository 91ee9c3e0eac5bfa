import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { EventOutbox } from "../../events/outbox";
import { requireProjectAccess } from "../../middleware/auth";
import { deleteAssetWithDerived } from "../../storage/assets";
import { defineRoute } from "../define-route";
import { AssetParamsSchema, type AssetRouteConfig } from "./schema";

/** `DELETE /projects/{project_id}/<segment>/{asset_id}`: the file, its derived files and its rows. */
export function registerDeleteRoute(
  app: OpenAPIHono<AppEnv>,
  config: AssetRouteConfig,
  options: { operationId: string; summary: string },
) {
  const route = defineRoute({
    method: "delete",
    path: `/projects/{project_id}/${config.segment}/{asset_id}`,
    operationId: options.operationId,
    summary: options.summary,
    tags: [config.tag],
    middleware: [requireProjectAccess],
    security: [{ bearerAuth: [] }],
    request: { params: AssetParamsSchema },
    errors: [404],
    responses: {
      204: { description: `The ${config.noun} and everything derived from it are gone` },
    },
  });

  app.openapi(route, async (c) => {
    const { project_id: projectId, asset_id: assetId } = c.req.valid("param");
    const { db, logger } = c.get("services");
    const outbox = new EventOutbox(db, c.env.PROJECT_EVENTS, logger);
    const deleted = await deleteAssetWithDerived(
      { db, bucket: c.env.BUCKET, outbox },
      projectId,
      assetId,
      config.category,
    );
    if (!deleted) throw new ApiError("NOT_FOUND", `No ${config.noun} ${assetId} in project ${projectId}`);
    logger.info("asset_deleted", { project_id: projectId, asset_id: assetId, ...deleted });
    return c.body(null, 204);
  });
}
