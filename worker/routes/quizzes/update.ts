import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { requireQuiz, updateQuiz } from "../../quizzes/quiz-store";
import { recordVersion } from "../../quizzes/quiz-versions";
import { defineRoute } from "../define-route";
import { UpdateQuizBodySchema } from "./question-body";
import { QuizParamsSchema, QuizSchema, quizResponse } from "./schema";

const route = defineRoute({
  method: "patch",
  path: "/projects/{project_id}/quizzes/{quiz_id}",
  operationId: "updateQuiz",
  summary: "Rename a quiz or change its status (draft, published)",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: QuizParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateQuizBodySchema } } },
  },
  errors: [404],
  responses: {
    200: { description: "The quiz after the change", content: { "application/json": { schema: QuizSchema } } },
  },
});

export function registerUpdateQuiz(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireQuiz(db, projectId, quizId);
    await updateQuiz(db, projectId, quizId, c.req.valid("json"));
    const updated = await requireQuiz(db, projectId, quizId);
    // Publishing freezes the questions learners will get as a version (a no-op when the latest holds them).
    await recordVersion(db, updated.quiz, updated.questions);
    return c.json(quizResponse(updated), 200);
  });
}
