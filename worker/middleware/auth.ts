import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Principal } from "../app-env";
import { findActiveApiKey, markApiKeyUsed } from "../auth/api-keys";
import { type AuthMode, resolveAuthMode, tokenSigningSecret } from "../auth/auth-mode";
import { constantTimeEqual } from "../auth/hmac";
import { isLearnerToken, type LearnerClaims, verifyLearnerToken } from "../auth/learner-token";
import { consumeRateLimit } from "../auth/rate-limit";
import { TokenError } from "../auth/signed-token";
import { verifyStreamToken } from "../auth/stream-token";
import { ApiError } from "../errors";
import { isValidProjectId } from "../storage/layout";
import { documented } from "./documented";

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="edge-media"' };
const INVALID_TOKEN = { "WWW-Authenticate": 'Bearer realm="edge-media", error="invalid_token"' };

// One line per isolate is enough to notice that auth is off or misconfigured, without flooding the logs.
let openModeWarned = false;
let misconfiguredLogged = false;

export function unauthorized(message: string, headers: Record<string, string> = CHALLENGE): ApiError {
  return new ApiError("UNAUTHORIZED", message, { headers });
}

// Deliberately the same message whatever the reason, so a 403 never says whether the other project exists.
function forbiddenForProject(): ApiError {
  return new ApiError("FORBIDDEN", "These credentials do not grant access to this project");
}

/** Resolves the auth mode; throws the fail-closed 503, and logs the open-mode warning once. */
export function authMode(c: Context<AppEnv>): Exclude<AuthMode, { kind: "misconfigured" }> {
  const mode = resolveAuthMode(c.get("services").settings);
  if (mode.kind === "misconfigured") {
    if (!misconfiguredLogged) {
      misconfiguredLogged = true;
      c.get("logger").error("auth_misconfigured", { reason: "ADMIN_API_KEY is not set outside development" });
    }
    throw new ApiError(
      "SERVICE_UNAVAILABLE",
      "Authentication is not configured: set the ADMIN_API_KEY secret. Protected routes stay closed until it is set.",
    );
  }
  if (mode.kind === "open" && !openModeWarned) {
    openModeWarned = true;
    c.get("logger").warn("auth_disabled", {
      reason: "DEPLOY_ENV is development and ADMIN_API_KEY is not set: every route is open",
    });
  }
  return mode;
}

/** The `{project_id}` path parameter, or 400: it becomes an R2 key segment, so it is checked before anything runs. */
export function projectIdParam(c: Context<AppEnv>): string {
  const projectId = c.req.param("project_id");
  if (!projectId || !isValidProjectId(projectId)) {
    throw new ApiError(
      "BAD_REQUEST",
      "Invalid project_id: use 1-64 letters, digits, '_' or '-', starting with a letter or digit",
    );
  }
  return projectId;
}

/** Parses `Authorization: Bearer <credential>`; null when the header is absent. */
function bearerCredential(c: Context<AppEnv>): string | null {
  const header = c.req.header("authorization");
  if (header === undefined) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  if (!match?.[1]) throw unauthorized("Malformed Authorization header: expected 'Bearer <key>'", INVALID_TOKEN);
  return match[1];
}

/** The scope of a learner token; 401 when it is expired, altered or not one. */
export async function authenticateLearnerToken(c: Context<AppEnv>, token: string): Promise<LearnerClaims> {
  const secret = await tokenSigningSecret(c.get("services").settings);
  if (!secret) throw unauthorized("Learner tokens cannot be verified", INVALID_TOKEN);
  try {
    return await verifyLearnerToken(secret, token);
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    throw unauthorized(error.reason === "expired" ? "Learner token expired" : "Invalid learner token", INVALID_TOKEN);
  }
}

/** Authenticates a bearer credential as the admin key or an active project key. */
async function authenticateBearer(
  c: Context<AppEnv>,
  mode: Extract<AuthMode, { kind: "enforced" }>,
  credential: string,
): Promise<Principal> {
  if (await constantTimeEqual(credential, mode.adminKey)) return { kind: "admin" };
  if (isLearnerToken(credential)) {
    // A genuine learner token on a route it does not open is a scope refusal, not a bad credential.
    await authenticateLearnerToken(c, credential);
    throw new ApiError("FORBIDDEN", "A learner token opens only its quiz's learner routes and lesson media");
  }
  const { db } = c.get("services");
  const key = await findActiveApiKey(db, credential);
  if (!key) throw unauthorized("Invalid or revoked API key", INVALID_TOKEN);
  await markApiKeyUsed(db, key);
  return { kind: "project", projectId: key.projectId, keyId: key.id };
}

async function authenticateStreamToken(c: Context<AppEnv>, token: string): Promise<Principal> {
  const secret = await tokenSigningSecret(c.get("services").settings);
  if (!secret) throw unauthorized("Stream tokens cannot be verified", INVALID_TOKEN);
  try {
    return { kind: "stream_token", projectId: await verifyStreamToken(secret, token) };
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    const message = error.reason === "expired" ? "Stream token expired" : "Invalid stream token";
    throw unauthorized(message, INVALID_TOKEN);
  }
}

export async function enforceRateLimit(c: Context<AppEnv>, principal: Principal) {
  const period = c.get("services").settings.RATE_LIMIT_PERIOD_SECONDS;
  const decision = await consumeRateLimit(c.env.API_RATE_LIMITER, principal, period);
  if (!decision.allowed) {
    throw new ApiError("RATE_LIMITED", `Too many requests for this key; retry after ${decision.retryAfterSeconds} s`, {
      headers: { "Retry-After": String(decision.retryAfterSeconds) },
    });
  }
}

function assertProjectScope(principal: Principal, projectId: string) {
  if (principal.kind === "project" || principal.kind === "stream_token") {
    if (principal.projectId !== projectId) throw forbiddenForProject();
  }
}

async function projectAccess(c: Context<AppEnv>, allowStreamToken: boolean): Promise<void> {
  const projectId = projectIdParam(c);
  const mode = authMode(c);
  if (mode.kind === "open") {
    c.set("principal", { kind: "open" });
    return;
  }
  const credential = bearerCredential(c);
  let principal: Principal;
  if (credential !== null) {
    principal = await authenticateBearer(c, mode, credential);
  } else {
    const token = allowStreamToken ? c.req.query("access_token") : undefined;
    if (!token) throw unauthorized("Missing credentials: send 'Authorization: Bearer <key>'");
    principal = await authenticateStreamToken(c, token);
  }
  await enforceRateLimit(c, principal);
  assertProjectScope(principal, projectId);
  c.set("principal", principal);
}

// 400 a malformed project id, 401/403 credentials, 429 the key's rate limit, 503 auth not configured.
const PROJECT_ACCESS_ERRORS = [400, 401, 403, 429, 503] as const;
const PROJECT_ID_CHECKED = { checkedParams: ["project_id"] };

const projectAccessMiddleware = (allowStreamToken: boolean) =>
  documented(
    createMiddleware<AppEnv>(async (c, next) => {
      await projectAccess(c, allowStreamToken);
      await next();
    }),
    PROJECT_ACCESS_ERRORS,
    PROJECT_ID_CHECKED,
  );

/** `/projects/{project_id}/...` routes: the admin key or a key of that project. */
export const requireProjectAccess = projectAccessMiddleware(false);

export const PROJECT_ACCESS_DOCS = {
  errorStatuses: PROJECT_ACCESS_ERRORS,
  checkedParams: PROJECT_ID_CHECKED.checkedParams,
};

/** Event streams (SSE, WebSocket): like requireProjectAccess, or a stream token in `?access_token=`. */
export const requireProjectStreamAccess = projectAccessMiddleware(true);

const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.param("project_id") !== undefined) projectIdParam(c);
  const mode = authMode(c);
  if (mode.kind === "open") {
    c.set("principal", { kind: "open" });
    return next();
  }
  const credential = bearerCredential(c);
  if (credential === null) throw unauthorized("Missing credentials: send 'Authorization: Bearer <admin key>'");
  const principal = await authenticateBearer(c, mode, credential);
  await enforceRateLimit(c, principal);
  if (principal.kind !== "admin") throw new ApiError("FORBIDDEN", "This route requires the admin key");
  c.set("principal", principal);
  await next();
});

/** Admin-only routes: project keys get 403. Validates `project_id` too when the route has one. */
export const requireAdmin = documented(
  adminOnly,
  (route) => (route.path.includes("{project_id}") ? [...PROJECT_ACCESS_ERRORS] : [401, 403, 429, 503]),
  PROJECT_ID_CHECKED,
);
