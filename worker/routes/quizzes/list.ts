import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { listQuizzes } from "../../quizzes/quiz-store";
import { ListAssetsQuerySchema } from "../assets/schema";
import { defineRoute } from "../define-route";
import { ProjectParamsSchema } from "../project-params";
import { QuizListSchema, summaryFieldsOf } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes",
  operationId: "listQuizzes",
  summary: "List a project's quizzes, newest first (cursor pagination), optionally of one video",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: ProjectParamsSchema,
    query: ListAssetsQuerySchema.extend({
      asset_id: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,128}$/, "Asset ids contain only letters, digits, '-' and '_'")
        .optional()
        .openapi({
          param: { name: "asset_id", in: "query" },
          description: "Only the quizzes of this video",
        }),
    }),
  },
  responses: {
    200: {
      description: "A page of quizzes, without their questions",
      content: { "application/json": { schema: QuizListSchema } },
    },
  },
});

export function registerListQuizzes(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId } = c.req.valid("param");
    const { limit, cursor, asset_id: assetId } = c.req.valid("query");
    const page = await listQuizzes(c.get("services").db, { projectId, assetId, limit, cursor });
    return c.json(
      QuizListSchema.parse({
        items: page.items.map((item) => ({
          ...summaryFieldsOf(item.quiz, item.evidenceStale),
          question_count: item.questionCount,
        })),
        next_cursor: page.nextCursor,
      }),
      200,
    );
  });
}
