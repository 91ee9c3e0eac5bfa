import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import type { Asset } from "../../db/schema/assets";
import { EventOutbox } from "../../events/outbox";
import { requireProjectAccess } from "../../middleware/auth";
import { acceptedExtensions } from "../../storage/media-types";
import { type UploadCategory, uploadAsset } from "../../storage/upload";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { type AssetRouteConfig, AssetSchema, toAssetResponse } from "./schema";

export interface UploadRouteOptions {
  operationId: string;
  summary: string;
  /**
   * Runs after the asset is registered and before the response is sent, e.g. to start the ingest job
   * for a video; the asset it returns (with its ingest_job_id) is the response body.
   */
  onRegistered?: (c: Context<AppEnv>, asset: Asset) => Promise<Asset>;
}

/** `POST /projects/{project_id}/<segment>`: the shared upload endpoint, one per uploadable category. */
export function registerUploadRoute(
  app: OpenAPIHono<AppEnv>,
  config: AssetRouteConfig & { category: UploadCategory },
  options: UploadRouteOptions,
) {
  const extensions = acceptedExtensions(config.category);
  const route = defineRoute({
    method: "post",
    path: `/projects/{project_id}/${config.segment}`,
    operationId: options.operationId,
    summary: options.summary,
    description: `Streams the multipart field \`file\` (${extensions.map((e) => `.${e}`).join(", ")}) into storage. The content must match the extension. At most UPLOAD_MAX_SIZE bytes.`,
    tags: [config.tag],
    middleware: [requireProjectAccess],
    security: [{ bearerAuth: [] }],
    request: {
      params: ProjectParamsSchema,
      body: {
        required: true,
        // A plain OpenAPI schema rather than zod on purpose: a zod form schema makes the router parse
        // the whole body with formData() before the handler runs, which buffers the upload.
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary", description: `The ${config.noun} to upload` } },
            },
          },
        },
      },
    },
    errors: [400, 413, 415, 422],
    responses: {
      201: {
        description: `The ${config.noun} was stored and registered`,
        headers: { Location: { schema: { type: "string" }, description: "The new asset's path" } },
        content: { "application/json": { schema: AssetSchema } },
      },
    },
  });

  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { db, settings, logger } = c.get("services");
    const length = Number(c.req.header("content-length"));
    let asset = await uploadAsset(
      { db, bucket: c.env.BUCKET, outbox: new EventOutbox(db, c.env.PROJECT_EVENTS, logger) },
      {
        projectId,
        category: config.category,
        body: c.req.raw.body,
        contentType: c.req.header("content-type"),
        contentLength: Number.isSafeInteger(length) && length > 0 ? length : undefined,
        maxSize: settings.UPLOAD_MAX_SIZE,
      },
    );
    c.get("logger").info("asset_uploaded", {
      project_id: projectId,
      asset_id: asset.id,
      category: asset.category,
      size_bytes: asset.sizeBytes,
    });
    if (options.onRegistered) asset = await options.onRegistered(c, asset);
    const body = toAssetResponse(asset);
    return c.json(body, 201, { Location: `/projects/${projectId}/${config.segment}/${asset.id}` });
  });
}
