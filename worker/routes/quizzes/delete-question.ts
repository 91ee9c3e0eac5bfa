import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { deleteQuestion } from "../../quizzes/question-edits";
import { defineRoute } from "../define-route";
import { QuestionParamsSchema } from "./schema";

const route = defineRoute({
  method: "delete",
  path: "/projects/{project_id}/quizzes/{quiz_id}/questions/{question_id}",
  operationId: "deleteQuizQuestion",
  summary: "Delete a question (kept or rejected); the questions after it move up",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: QuestionParamsSchema },
  errors: [404],
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteQuizQuestion(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId, question_id: questionId } = c.req.valid("param");
    await deleteQuestion(c.get("services").db, projectId, quizId, questionId);
    return c.body(null, 204);
  });
}
