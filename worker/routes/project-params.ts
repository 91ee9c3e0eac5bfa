import { z } from "@hono/zod-openapi";
import { PROJECT_ID_PATTERN } from "../storage/layout";

/**
 * The `{project_id}` path parameter every project route shares. The auth middleware has already
 * rejected a malformed id with 400 by the time this schema validates it; it is here for the document.
 */
export const ProjectIdSchema = z
  .string()
  .regex(PROJECT_ID_PATTERN)
  .openapi({
    param: { name: "project_id", in: "path" },
    description: "Project (tenant) id: 1-64 letters, digits, '_' or '-', starting with a letter or digit",
    example: "lesson-app",
  });

export const ProjectParamsSchema = z.object({ project_id: ProjectIdSchema });
