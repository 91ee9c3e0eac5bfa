import type { OpenAPIHono } from "@hono/zod-openapi";
import { putGlossary } from "../../ai/glossary";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { GlossaryRequestSchema, GlossarySchema, glossaryResponse } from "./transcript-schema";

const route = defineRoute({
  method: "put",
  path: "/projects/{project_id}/glossary",
  operationId: "putGlossary",
  summary: "Replace the project's glossary: subject terms transcription should spell right",
  description:
    "The terms go into Whisper's prompt for every later `transcription` job of the project (after the job's own " +
    "`prompt`, as many as fit its 2,000 characters), so that words like 'chlorophyll' are spelled as listed.",
  tags: ["AI"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    body: { required: true, content: { "application/json": { schema: GlossaryRequestSchema } } },
  },
  responses: {
    200: { description: "The glossary as stored", content: { "application/json": { schema: GlossarySchema } } },
  },
});

export function registerPutGlossary(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { terms } = c.req.valid("json");
    const { db } = c.get("services");
    return c.json(glossaryResponse(await putGlossary(db, projectId, terms)), 200);
  });
}
