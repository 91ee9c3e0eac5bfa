import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { tokenSigningSecret } from "../../auth/auth-mode";
import { LEARNER_TOKEN_DEFAULT_TTL_SECONDS, mintLearnerToken } from "../../auth/learner-token";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { jsonBodyLimit } from "../../middleware/json-body-limit";
import { requireQuiz } from "../../quizzes/quiz-store";
import { defineRoute } from "../define-route";
import { QuizParamsSchema } from "../quizzes/schema";
import { CreateLearnerTokenRequestSchema, LearnerTokenSchema } from "./schema";

const route = defineRoute({
  method: "post",
  path: "/projects/{project_id}/quizzes/{quiz_id}/learner-tokens",
  operationId: "createLearnerToken",
  summary: "Mint a short-lived token for one learner on one published quiz",
  description:
    "The token opens this quiz's attempt routes for this learner, and the lesson's media: the video's content " +
    "(with Range), thumbnail, storyboard, captions (transcript as vtt/srt) and the quiz's VTT cue track. Media " +
    "reads also take it as `?token=`. Anything else answers 403; an expired or altered token 401.",
  tags: ["Learners"],
  middleware: [requireProjectAccess, jsonBodyLimit],
  security: [{ bearerAuth: [] }],
  request: {
    params: QuizParamsSchema,
    body: { required: true, content: { "application/json": { schema: CreateLearnerTokenRequestSchema } } },
  },
  errors: [404, 409],
  responses: {
    201: { description: "The token", content: { "application/json": { schema: LearnerTokenSchema } } },
  },
});

export function registerCreateLearnerToken(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { learner_id: learnerId, expires_in: ttl = LEARNER_TOKEN_DEFAULT_TTL_SECONDS } = c.req.valid("json");
    const { quiz } = await requireQuiz(c.get("services").db, projectId, quizId);
    if (quiz.status !== "published") {
      throw new ApiError("CONFLICT", `Quiz ${quizId} is a draft: publish it before learners take it`);
    }
    const secret = await tokenSigningSecret(c.get("services").settings);
    // The middleware already answered 503 when auth is misconfigured; this guards the invariant.
    if (!secret) throw new ApiError("SERVICE_UNAVAILABLE", "Token signing is not configured");
    const minted = await mintLearnerToken(secret, { projectId, quizId, assetId: quiz.assetId, learnerId }, ttl);
    const body = LearnerTokenSchema.parse({
      token: minted.token,
      project_id: projectId,
      quiz_id: quizId,
      learner_id: learnerId,
      expires_at: minted.expiresAt.toISOString(),
      expires_in: ttl,
    });
    return c.json(body, 201);
  });
}
