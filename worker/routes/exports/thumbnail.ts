import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { getProjectAsset } from "../../storage/assets";
import { registerDownloadRoute } from "../assets/download-route";
import { serveDerivedObject } from "../assets/serve-object";

/** `GET|HEAD /projects/{project_id}/exports/{asset_id}/thumbnail` */
export function registerGetExportThumbnail(app: OpenAPIHono<AppEnv>) {
  const spec = {
    path: "/projects/{project_id}/exports/{asset_id}/thumbnail",
    operationId: "getExportThumbnail",
    summary: "The export's poster image; 404 when the export was rendered without thumbnails",
    tag: "Exports",
    what: "thumbnail",
    contentTypes: ["image/jpeg"],
  } as const;
  registerDownloadRoute(app, spec, async (c, { project_id: projectId, asset_id: assetId }) => {
    const asset = await getProjectAsset(c.get("services").db, projectId, assetId, "export");
    if (!asset) throw new ApiError("NOT_FOUND", `No export ${assetId} in project ${projectId}`);
    return serveDerivedObject(c, asset.thumbnailKey, `Export ${assetId} has no thumbnail`);
  });
}
