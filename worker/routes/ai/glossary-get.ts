import type { OpenAPIHono } from "@hono/zod-openapi";
import { getGlossary } from "../../ai/glossary";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { GlossarySchema, glossaryResponse } from "./transcript-schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/glossary",
  operationId: "getGlossary",
  summary: "The project's glossary (empty until set)",
  tags: ["AI"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: ProjectParamsSchema },
  responses: {
    200: { description: "The glossary", content: { "application/json": { schema: GlossarySchema } } },
  },
});

export function registerGetGlossary(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    return c.json(glossaryResponse(await getGlossary(c.get("services").db, projectId)), 200);
  });
}
