import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { learnerQuestions } from "../../quizzes/attempt-questions";
import { startAttempt } from "../../quizzes/attempt-store";
import { requireQuiz } from "../../quizzes/quiz-store";
import { defineRoute } from "../define-route";
import { QuizParamsSchema } from "../quizzes/schema";
import { BEARER_OR_LEARNER_TOKEN } from "../security";
import { requireAttemptAccess, tokenLearner } from "./attempt-access";
import { AttemptStartSchema, IdempotencyHeadersSchema, StartAttemptRequestSchema, startResponse } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/quizzes/{quiz_id}/attempts",
  operationId: "startQuizAttempt",
  summary: "Start an attempt on a published quiz: its current version's questions, without keys",
  tags: ["Learners"],
  middleware: [requireAttemptAccess, jsonBodyLimit],
  security: BEARER_OR_LEARNER_TOKEN,
  request: {
    params: QuizParamsSchema,
    headers: IdempotencyHeadersSchema,
    body: { required: false, content: { "application/json": { schema: StartAttemptRequestSchema } } },
  },
  errors: [404, 409],
  responses: {
    200: {
      description: "The attempt an earlier start with the same Idempotency-Key made",
      content: { "application/json": { schema: AttemptStartSchema } },
    },
    201: { description: "The new attempt", content: { "application/json": { schema: AttemptStartSchema } } },
  },
});

export function registerStartQuizAttempt(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { learner_id: named } = c.req.valid("json");
    const fromToken = tokenLearner(c);
    if (fromToken !== null && named !== undefined && named !== fromToken) {
      throw new ApiError("FORBIDDEN", "A learner token starts attempts for its own learner only");
    }
    const learnerId = fromToken ?? named;
    if (learnerId === undefined) {
      const message = "learner_id is required with a project key";
      throw new ApiError("VALIDATION_ERROR", message, { details: [{ path: "learner_id", message, code: "required" }] });
    }
    const { db } = c.get("services");
    const quiz = await requireQuiz(db, projectId, quizId);
    const key = c.req.valid("header")["idempotency-key"] ?? null;
    const { attempt, version, created } = await startAttempt(db, quiz, learnerId, key);
    const body = startResponse(attempt, learnerQuestions(attempt.id, version.questions));
    return created ? c.json(body, 201) : c.json(body, 200);
  });
}
