import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { listAttempts } from "../../quizzes/attempt-store";
import { requireQuiz } from "../../quizzes/quiz-store";
import { defineRoute } from "../define-route";
import { QuizParamsSchema } from "../quizzes/schema";
import { AttemptListSchema, attemptSummary, LearnerIdSchema } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes/{quiz_id}/attempts",
  operationId: "listQuizAttempts",
  summary: "Attempts on a quiz with their scores, newest first (of one learner with learner_id)",
  tags: ["Learners"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: QuizParamsSchema,
    query: z.object({
      learner_id: LearnerIdSchema.optional().openapi({ param: { name: "learner_id", in: "query" } }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .openapi({ param: { name: "limit", in: "query" }, example: 50 }),
    }),
  },
  errors: [404],
  responses: {
    200: { description: "The attempts", content: { "application/json": { schema: AttemptListSchema } } },
  },
});

export function registerListQuizAttempts(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { learner_id: learnerId, limit } = c.req.valid("query");
    const { db } = c.get("services");
    await requireQuiz(db, projectId, quizId);
    const attempts = await listAttempts(db, { projectId, quizId, learnerId, limit });
    return c.json(AttemptListSchema.parse({ items: attempts.map(attemptSummary) }), 200);
  });
}
