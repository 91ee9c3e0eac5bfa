import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerGetExportContent } from "./content";
import { registerDeleteExport } from "./delete";
import { registerListExports } from "./list";
import { registerGetExportThumbnail } from "./thumbnail";

export function registerExportRoutes(app: OpenAPIHono<AppEnv>) {
  registerListExports(app);
  registerGetExportContent(app);
  registerGetExportThumbnail(app);
  registerDeleteExport(app);
}
