import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectAccess } from "../../middleware/auth";
import { ALPHA_MIN_ATTEMPTS, quizStats } from "../../quizzes/quiz-stats";
import { requireQuiz } from "../../quizzes/quiz-store";
import { latestVersion, loadVersion } from "../../quizzes/quiz-versions";
import { defineRoute } from "../define-route";
import { QuestionTypeSchema, QuizParamsSchema } from "../quizzes/schema";

const QuizStatsSchema = z
  .object({
    quiz_id: z.string(),
    version: z.number().int().nullable().openapi({ description: "The version asked for; null for all versions" }),
    versions: z.array(z.number().int()).openapi({ description: "Versions with submitted attempts in scope" }),
    attempts: z.number().int().openapi({ description: "Submitted attempts", example: 120 }),
    mean_percent: z.number().nullable().openapi({ example: 71.25 }),
    median_percent: z.number().nullable().openapi({ example: 75 }),
    cronbach_alpha: z
      .number()
      .nullable()
      .openapi({
        description: `With ${ALPHA_MIN_ATTEMPTS}+ attempts on a single version in scope, and varying scores`,
        example: 0.74,
      }),
    questions: z.array(
      z.object({
        question_id: z.string(),
        position: z.number().int(),
        type: QuestionTypeSchema,
        stem: z.string(),
        attempts: z.number().int(),
        correct: z.number().int().openapi({ description: "Attempts with full credit" }),
        difficulty: z.number().nullable().openapi({ description: "Proportion correct (mean credit)", example: 0.64 }),
        discrimination: z.number().nullable().openapi({
          description: "Point-biserial correlation with the rest of the attempt's score",
          example: 0.38,
        }),
        options: z.array(
          z.object({ option_id: z.string(), text: z.string(), correct: z.boolean(), chosen: z.number().int() }),
        ),
        flags: z.array(z.enum(["too_easy", "too_hard", "negative_discrimination", "distractor_never_chosen"])),
      }),
    ),
  })
  .openapi("QuizStats");

const route = defineRoute({
  method: "get",
  path: "/projects/{project_id}/quizzes/{quiz_id}/stats",
  operationId: "getQuizStats",
  summary: "Item statistics of a quiz's submitted attempts, of one version or all",
  description:
    "Questions are those of `version` (default: the latest). Flags: too_easy (difficulty > 0.9), too_hard " +
    "(< 0.2), negative_discrimination (point-biserial < 0), distractor_never_chosen (a wrong option nobody chose).",
  tags: ["Learners"],
  middleware: [requireProjectAccess],
  security: [{ bearerAuth: [] }],
  request: {
    params: QuizParamsSchema,
    query: z.object({
      version: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ param: { name: "version", in: "query" }, example: 2 }),
    }),
  },
  errors: [404],
  responses: {
    200: { description: "The statistics", content: { "application/json": { schema: QuizStatsSchema } } },
  },
});

export function registerGetQuizStats(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { project_id: projectId, quiz_id: quizId } = c.req.valid("param");
    const { version } = c.req.valid("query");
    const { db } = c.get("services");
    await requireQuiz(db, projectId, quizId);
    const described = version === undefined ? await latestVersion(db, quizId) : await loadVersion(db, quizId, version);
    if (version !== undefined && !described)
      throw new ApiError("NOT_FOUND", `Quiz ${quizId} has no version ${version}`);
    const stats = await quizStats(
      db,
      quizId,
      version ?? null,
      described ?? { quizId, version: 0, questions: [], createdAt: "" },
    );
    const body = QuizStatsSchema.parse({
      quiz_id: quizId,
      version: stats.version,
      versions: stats.versions,
      attempts: stats.attempts,
      mean_percent: stats.meanPercent,
      median_percent: stats.medianPercent,
      cronbach_alpha: stats.cronbachAlpha,
      questions: stats.questions.map(({ sums: _sums, ...q }) => q),
    });
    return c.json(body, 200);
  });
}
