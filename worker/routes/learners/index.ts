import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { registerCreateLearnerToken } from "./create-token";
import { registerGetQuizAttempt } from "./get-attempt";
import { registerListQuizAttempts } from "./list-attempts";
import { registerGetQuizStats } from "./quiz-stats";
import { registerSaveQuizAnswer } from "./save-answer";
import { registerStartQuizAttempt } from "./start-attempt";
import { registerSubmitQuizAttempt } from "./submit-attempt";

/** Learners taking published quizzes, and the teacher's view of how the questions work. */
export function registerLearnerRoutes(app: OpenAPIHono<AppEnv>) {
  registerCreateLearnerToken(app);
  registerStartQuizAttempt(app);
  registerListQuizAttempts(app);
  registerGetQuizAttempt(app);
  registerSaveQuizAnswer(app);
  registerSubmitQuizAttempt(app);
  registerGetQuizStats(app);
}
