import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { requireProjectAccess } from "../../middleware/auth";
import { requireQuiz } from "../../quizzes/quiz-store";
import { listReviewClips } from "../../quizzes/review-clips";
import { defineRoute } from "../define-route";
import { publicUrl } from "../public-url";
import { QuizParamsSchema } from "./schema";

export const ReviewClipSchema = z
  .object({
    question_id: z.string(),
    asset_id: z.string().openapi({ description: "The export asset holding the clip" }),
    start: z.number().openapi({ description: "Seconds on the lesson video's clock", example: 36 }),
    end: z.number().openapi({ example: 54 }),
    clip_url: z.string().url().openapi({ description: "The clip's content URL (Range works)" }),
    job_id: z.string().openapi({ description: "The quiz_review_clips job that rendered it" }),
    created_at: z.string(),
  })
  .openapi("QuizReviewClip");

export const ReviewClipListSchema = z.object({ items: z.array(ReviewClipSchema) }).openapi("QuizReviewClipList");

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes/{quiz_id}/review-clips",
  operationId: "listQuizReviewClips",
  summary: 'The quiz\'s "review this moment" clips (made by a quiz_review_clips job), one per question',
  tags: ["Quizzes"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: { params: QuizParamsSchema },
  errors: [404],
  responses: {
    200: { description: "The clips, by start time", content: { "application/json": { schema: ReviewClipListSchema } } },
  },
});

export function registerListQuizReviewClips(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { db } = c.get("services");
    await requireQuiz(db, projectId, quizId);
    const items = await listReviewClips(db, quizId, (path) => publicUrl(c, path).toString());
    return c.json({ items }, 200);
  });
}
