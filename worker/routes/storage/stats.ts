import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireAdmin } from "../../middleware/auth";
import { storageStats } from "../../storage/project";
import { defineRoute } from "../define-route";
import { StorageStatsSchema, toStatsResponse } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/storage/stats",
  operationId: "getStorageStats",
  summary: "Storage use across all projects, per category, with totals and the number of projects (admin)",
  tags: ["Storage"],
  middleware: [requireAdmin],
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: "Storage statistics", content: { "application/json": { schema: StorageStatsSchema } } },
  },
});

export function registerGetStorageStats(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => c.json(toStatsResponse(await storageStats(c.get("services").db)), 200));
}
