import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerAddQuizQuestion } from "./add-question";
import { registerDeleteQuiz } from "./delete";
import { registerDeleteQuizQuestion } from "./delete-question";
import { registerExportQuiz } from "./export";
import { registerGetQuiz } from "./get";
import { registerListQuizzes } from "./list";
import { registerListQuizReviewClips } from "./review-clips";
import { registerUpdateQuiz } from "./update";
import { registerUpdateQuizQuestion } from "./update-question";

export function registerQuizRoutes(app: OpenAPIHono<AppEnv>) {
  registerListQuizzes(app);
  registerGetQuiz(app);
  registerUpdateQuiz(app);
  registerDeleteQuiz(app);
  registerAddQuizQuestion(app);
  registerUpdateQuizQuestion(app);
  registerDeleteQuizQuestion(app);
  registerExportQuiz(app);
  registerListQuizReviewClips(app);
}
