import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../errors";
import { requireProjectOrLearnerAccess } from "../../middleware/learner-access";
import type { StoredAttempt } from "../../quizzes/attempt-store";

/** The attempt routes of a quiz: a project key, or a learner token of that quiz. */
export const requireAttemptAccess = requireProjectOrLearnerAccess((c) => ({
  kind: "attempts",
  quizId: c.req.param("quiz_id") ?? "",
}));

/** The learner a learner token speaks for; null for a project key (which may act for any learner). */
export function tokenLearner(c: Context<AppEnv>): string | null {
  const principal = c.get("principal");
  return principal.kind === "learner_token" ? principal.learnerId : null;
}

/** A learner token reaches only its own learner's attempts. */
export function assertOwnAttempt(c: Context<AppEnv>, attempt: Pick<StoredAttempt, "learnerId">) {
  const learner = tokenLearner(c);
  if (learner !== null && learner !== attempt.learnerId) {
    throw new ApiError("FORBIDDEN", "This attempt belongs to another learner");
  }
}
