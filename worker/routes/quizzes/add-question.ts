import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { addQuestion } from "../../quizzes/question-edits";
import { defineRoute } from "../define-route";
import { CreateQuestionBodySchema } from "./question-body";
import { QuizParamsSchema, QuizQuestionSchema, questionResponse } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/quizzes/{quiz_id}/questions",
  operationId: "addQuizQuestion",
  summary: "Add a question written by the teacher (evidence optional), last or at `position`",
  description:
    "Checked with the rules generated questions pass: a question that breaks one (a multiple choice question " +
    "without exactly one correct option, a quote that is not in the cited segments, a repeat of another " +
    "question) is a 422 with field errors. Evidence is checked against the video's current transcript.",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: QuizParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateQuestionBodySchema } } },
  },
  errors: [404, 409],
  responses: {
    201: { description: "The new question", content: { "application/json": { schema: QuizQuestionSchema } } },
  },
});

export function registerAddQuizQuestion(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { question, quiz } = await addQuestion(c.get("services").db, projectId, quizId, c.req.valid("json"));
    return c.json(QuizQuestionSchema.parse(questionResponse(question, quiz.currentTranscriptId)), 201);
  });
}
