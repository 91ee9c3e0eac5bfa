import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { saveAnswer } from "../../quizzes/attempt-answers";
import { requireAttemptIdentity, requireVersion } from "../../quizzes/attempt-store";
import { defineRoute } from "../define-route";
import { BEARER_OR_LEARNER_TOKEN } from "../security";
import { assertOwnAttempt, requireAttemptAccess } from "./attempt-access";
import { AnswerParamsSchema, GivenAnswerSchema } from "./schema";

const route = defineRoute({
  method: "put",
  path: "/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/answers/{question_id}",
  operationId: "saveQuizAnswer",
  summary: "Save one answer of an attempt in progress; a later save replaces it",
  description:
    "`{option_ids}` for multiple_choice and true_false (exactly one) and multiple_response (one or more), " +
    "`{text}` for short_answer. An unknown question is 404, an unknown option or the wrong shape 422, an " +
    "attempt already submitted 409.",
  tags: ["Learners"],
  middleware: [requireAttemptAccess, jsonBodyLimit],
  security: BEARER_OR_LEARNER_TOKEN,
  request: {
    params: AnswerParamsSchema,
    body: { required: true, content: { "application/json": { schema: GivenAnswerSchema } } },
  },
  errors: [404, 409],
  responses: { 204: { description: "Saved" } },
});

export function registerSaveQuizAnswer(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId, attempt_id: attemptId, question_id } = c.req.valid("param");
    const { db } = c.get("services");
    const attempt = await requireAttemptIdentity(db, projectId, quizId, attemptId);
    assertOwnAttempt(c, attempt);
    await saveAnswer(db, attempt, await requireVersion(db, attempt), question_id, c.req.valid("json"));
    return c.body(null, 204);
  });
}
