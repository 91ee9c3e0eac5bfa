import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { DomainError } from "../../domain-error";
import { requireProjectAccess } from "../../middleware/auth";
import { deleteQuiz } from "../../quizzes/quiz-store";
import { deleteReviewClips } from "../../quizzes/review-clips";
import { defineRoute } from "../define-route";
import { QuizParamsSchema } from "./schema";

const route = defineRoute({
  method: "delete",
  path: "/projects/{project_id}/quizzes/{quiz_id}",
  operationId: "deleteQuiz",
  summary: "Delete a quiz with its questions and review clips (the video and its transcript stay)",
  tags: ["Quizzes"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: QuizParamsSchema },
  errors: [404],
  responses: { 204: { description: "Deleted" } },
});

export function registerDeleteQuiz(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { db } = c.get("services");
    // Clips first: a failure leaves the quiz, which a retried delete finishes, never clips of no quiz.
    await deleteReviewClips({ db, bucket: c.env.BUCKET }, projectId, [quizId]);
    if (!(await deleteQuiz(db, projectId, quizId))) {
      throw new DomainError("NOT_FOUND", `No quiz ${quizId} in project ${projectId}`);
    }
    return c.body(null, 204);
  });
}
