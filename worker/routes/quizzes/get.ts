import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { requireQuiz } from "../../quizzes/quiz-store";
import { defineRoute } from "../define-route";
import { QuizParamsSchema, QuizSchema, quizResponse } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes/{quiz_id}",
  operationId: "getQuiz",
  summary: "A quiz with its questions (in order) and the questions the checks rejected, with their reasons",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: QuizParamsSchema },
  errors: [404],
  responses: {
    200: { description: "The quiz", content: { "application/json": { schema: QuizSchema } } },
  },
});

export function registerGetQuiz(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    return c.json(quizResponse(await requireQuiz(c.get("services").db, projectId, quizId)), 200);
  });
}
