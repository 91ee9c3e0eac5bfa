import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { listProjectAssets } from "../../storage/assets";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { AssetListSchema, type AssetRouteConfig, ListAssetsQuerySchema, toAssetResponse } from "./schema";

/** `GET /projects/{project_id}/<segment>`: a category's assets, newest first, cursor-paginated. */
export function registerListRoute(
  app: OpenAPIHono<AppEnv>,
  config: AssetRouteConfig,
  options: { operationId: string; summary: string },
) {
  const route = defineRoute({
    method: "get",
    path: `/projects/{project_id}/${config.segment}`,
    operationId: options.operationId,
    summary: options.summary,
    tags: [config.tag],
    middleware: [requireProjectAccess],
    security: [{ bearerAuth: [] }],
    request: { params: ProjectParamsSchema, query: ListAssetsQuerySchema },
    responses: {
      200: {
        description: `A page of the project's ${config.noun}s, newest first`,
        content: { "application/json": { schema: AssetListSchema } },
      },
    },
  });

  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { limit, cursor } = c.req.valid("query");
    const page = await listProjectAssets(c.get("services").db, {
      projectId,
      category: config.category,
      limit,
      cursor,
    });
    return c.json(AssetListSchema.parse({ items: page.items.map(toAssetResponse), next_cursor: page.nextCursor }), 200);
  });
}
