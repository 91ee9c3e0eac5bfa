import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { updateQuestion } from "../../quizzes/question-edits";
import { defineRoute } from "../define-route";
import { UpdateQuestionBodySchema } from "./question-body";
import { QuestionParamsSchema, QuizQuestionSchema, questionResponse } from "./schema";

const route = defineRoute({
  method: "patch",
  path: "/projects/{project_id}/quizzes/{quiz_id}/questions/{question_id}",
  operationId: "updateQuizQuestion",
  summary: "Edit any field of a question; `position` reorders the quiz",
  description:
    "The question as it will be is checked with the same rules as generated ones (422 with field errors). " +
    "Evidence sent with the edit is checked against the video's current transcript. A rejected question that " +
    "passes after the edit joins the quiz.",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: QuestionParamsSchema,
    body: { required: true, content: { "application/json": { schema: UpdateQuestionBodySchema } } },
  },
  errors: [404, 409],
  responses: {
    200: {
      description: "The question after the edit",
      content: { "application/json": { schema: QuizQuestionSchema } },
    },
  },
});

export function registerUpdateQuizQuestion(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId, question_id: questionId } = c.req.valid("param");
    const { db } = c.get("services");
    const { question, quiz } = await updateQuestion(db, projectId, quizId, questionId, c.req.valid("json"));
    return c.json(QuizQuestionSchema.parse(questionResponse(question, quiz.currentTranscriptId)), 200);
  });
}
