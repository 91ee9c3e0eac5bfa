import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { submitAttempt } from "../../quizzes/attempt-answers";
import { withReviewClips } from "../../quizzes/attempt-review-clips";
import { requireAttemptIdentity, requireVersion } from "../../quizzes/attempt-store";
import { defineRoute } from "../define-route";
import { publicUrl } from "../public-url";
import { BEARER_OR_LEARNER_TOKEN } from "../security";
import { assertOwnAttempt, requireAttemptAccess } from "./attempt-access";
import { AttemptParamsSchema, AttemptResultSchema, IdempotencyHeadersSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/quizzes/{quiz_id}/attempts/{attempt_id}/submit",
  operationId: "submitQuizAttempt",
  summary: "Score an attempt on the version it was started on; a repeated submit returns the same result",
  description:
    "Multiple choice and true/false score all or nothing; multiple response (right chosen - wrong chosen) / " +
    "number right, at least 0; a short answer matches ignoring case, whitespace, punctuation and accents, with " +
    "one typo (insertion, deletion, substitution or adjacent swap) allowed in answers of six letters or more. " +
    "Every answer save that returned 204 is scored; saves still arriving are waited out, and an attempt whose " +
    "answers keep changing throughout is 409 (submit again).",
  tags: ["Learners"],
  middleware: [requireAttemptAccess],
  security: BEARER_OR_LEARNER_TOKEN,
  request: { params: AttemptParamsSchema, headers: IdempotencyHeadersSchema },
  errors: [404, 409],
  responses: {
    200: {
      description: "The score and each question's result",
      content: { "application/json": { schema: AttemptResultSchema } },
    },
  },
});

export function registerSubmitQuizAttempt(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId, attempt_id: attemptId } = c.req.valid("param");
    const { db } = c.get("services");
    const attempt = await requireAttemptIdentity(db, projectId, quizId, attemptId);
    assertOwnAttempt(c, attempt);
    const result = await submitAttempt(db, attempt, await requireVersion(db, attempt));
    const withClips = await withReviewClips(db, quizId, result, (path) => publicUrl(c, path).toString());
    return c.json(AttemptResultSchema.parse(withClips), 200);
  });
}
