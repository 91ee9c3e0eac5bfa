import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { savedAnswers } from "../../quizzes/attempt-answers";
import { learnerQuestions } from "../../quizzes/attempt-questions";
import { withReviewClips } from "../../quizzes/attempt-review-clips";
import { requireAttempt, requireVersion } from "../../quizzes/attempt-store";
import { defineRoute } from "../define-route";
import { publicUrl } from "../public-url";
import { BEARER_OR_LEARNER_TOKEN } from "../security";
import { assertOwnAttempt, requireAttemptAccess } from "./attempt-access";
import { AttemptParamsSchema, AttemptSchema, attemptSummary } from "./schema";

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}",
  operationId: "getQuizAttempt",
  summary: "An attempt with its questions (in its order), saved answers and, once submitted, its result",
  tags: ["Learners"],
  middleware: [requireAttemptAccess],
  security: BEARER_OR_LEARNER_TOKEN,
  request: { params: AttemptParamsSchema },
  errors: [404],
  responses: {
    200: { description: "The attempt", content: { "application/json": { schema: AttemptSchema } } },
  },
});

export function registerGetQuizAttempt(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId, attempt_id: attemptId } = c.req.valid("param");
    const { db } = c.get("services");
    const attempt = await requireAttempt(db, projectId, quizId, attemptId);
    assertOwnAttempt(c, attempt);
    const [version, answers] = await Promise.all([requireVersion(db, attempt), savedAnswers(db, attempt.id)]);
    const body = AttemptSchema.parse({
      ...attemptSummary(attempt),
      questions: learnerQuestions(attempt.id, version.questions),
      answers: [...answers].flatMap(([question_id, given]) => (given ? [{ question_id, given }] : [])),
      result:
        attempt.result && (await withReviewClips(db, quizId, attempt.result, (path) => publicUrl(c, path).toString())),
    });
    return c.json(body, 200);
  });
}
