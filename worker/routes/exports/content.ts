import type { OpenAPIHono } from "@hono/zod-openapi";
import { OUTPUT_CONTENT_TYPES } from "../../../container/src/render/output-encoding";
import type { AppEnv } from "../../app-env";
import { requireProjectOrLearnerAccess } from "../../middleware/learner-access";
import { registerContentRoute } from "../assets/content-route";
import { EXPORT_ROUTES } from "../assets/schema";

/** `GET|HEAD /projects/{project_id}/exports/{asset_id}/content` */
export function registerGetExportContent(app: OpenAPIHono<AppEnv>) {
  registerContentRoute(app, EXPORT_ROUTES, {
    operationId: "getExportContent",
    summary: "Download a rendered export (Range requests, conditional requests)",
    contentTypes: Object.values(OUTPUT_CONTENT_TYPES),
    // A learner token of a quiz downloads that quiz's review clips (with `?token=` in a player).
    access: requireProjectOrLearnerAccess((c) => ({ kind: "review_clip", assetId: c.req.param("asset_id") ?? "" })),
  });
}
