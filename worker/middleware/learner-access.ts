import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { isLearnerToken } from "../auth/learner-token";
import { ApiError } from "../errors";
import { type LearnerResource, learnerMayAccess } from "../quizzes/learner-access";
import {
  authenticateLearnerToken,
  authMode,
  enforceRateLimit,
  PROJECT_ACCESS_DOCS,
  projectIdParam,
  requireProjectAccess,
  requireProjectStreamAccess,
} from "./auth";
import { documented } from "./documented";

/** A learner token as `Authorization: Bearer elt_…`, or as `?token=` (players cannot set headers); else null. */
function learnerCredential(c: Context<AppEnv>): string | null {
  const header = c.req.header("authorization");
  if (header === undefined) return c.req.query("token") ?? null;
  const bearer = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header)?.[1];
  return bearer && isLearnerToken(bearer) ? bearer : null;
}

/**
 * Like requireProjectAccess, and also opens the route to a learner token when learnerMayAccess grants it the
 * resource `resolve` names: a token of another quiz or video is 403, an expired or altered one 401.
 * `allowStreamToken` also opens it to the project's stream tokens in `?access_token=` (media a player reads).
 */
export function requireProjectOrLearnerAccess(
  resolve: (c: Context<AppEnv>) => LearnerResource,
  { allowStreamToken = false }: { allowStreamToken?: boolean } = {},
) {
  const projectAccess = allowStreamToken ? requireProjectStreamAccess : requireProjectAccess;
  const middleware = createMiddleware<AppEnv>(async (c, next) => {
    const token = learnerCredential(c);
    if (token === null) return projectAccess(c, next);
    const projectId = projectIdParam(c);
    authMode(c);
    const claims = await authenticateLearnerToken(c, token);
    const principal = { kind: "learner_token" as const, ...claims };
    await enforceRateLimit(c, principal);
    if (claims.projectId !== projectId || !(await learnerMayAccess(c.get("services").db, claims, resolve(c)))) {
      throw new ApiError("FORBIDDEN", "This learner token does not grant access to this resource");
    }
    c.set("principal", principal);
    await next();
  });
  return documented(middleware, PROJECT_ACCESS_DOCS.errorStatuses, {
    checkedParams: PROJECT_ACCESS_DOCS.checkedParams,
  });
}
