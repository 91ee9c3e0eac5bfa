import { BoundedCache } from "../bounded-cache";
import { signToken, TokenError, verifyToken } from "./signed-token";

/**
 * A learner's pass to one quiz: its attempt routes and what the lesson needs to play. The `elt_` prefix lets the
 * auth middleware tell it from an API key without trying one as the other.
 */
export const LEARNER_TOKEN_PREFIX = "elt_";
const LEARNER_TOKEN_PURPOSE = "learner";
export const LEARNER_TOKEN_DEFAULT_TTL_SECONDS = 3600;
/** A lesson with its quiz fits in a sitting; a day covers a long one without making the token a credential. */
export const LEARNER_TOKEN_MAX_TTL_SECONDS = 86_400;
const CLOCK_SKEW_SECONDS = 60;

export interface LearnerClaims {
  projectId: string;
  quizId: string;
  /** The quiz's video: the one video the token may play. */
  assetId: string;
  learnerId: string;
}

export const isLearnerToken = (credential: string) => credential.startsWith(LEARNER_TOKEN_PREFIX);

export async function mintLearnerToken(
  secret: string,
  claims: LearnerClaims,
  ttlSeconds: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const signed = await signToken(secret, {
    purpose: LEARNER_TOKEN_PURPOSE,
    exp,
    project_id: claims.projectId,
    quiz_id: claims.quizId,
    asset_id: claims.assetId,
    learner_id: claims.learnerId,
  });
  return { token: `${LEARNER_TOKEN_PREFIX}${signed}`, expiresAt: new Date(exp * 1000) };
}

// A learner sends the same token with every answer; one whose signature this isolate checked under the same
// secret needs only its expiry checked again. Only verified tokens are kept.
const verified = new BoundedCache<string, { secret: string; exp: number; claims: LearnerClaims }>(4096);

/** The scope of a valid learner token; throws TokenError otherwise. */
export async function verifyLearnerToken(
  secret: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<LearnerClaims> {
  const known = verified.get(token);
  if (known && known.secret === secret) {
    if (known.exp <= nowSeconds) throw new TokenError("expired");
    return known.claims;
  }
  const claims = await checkLearnerToken(secret, token, nowSeconds);
  verified.set(token, { secret, exp: claims.exp, claims: claims.scope });
  return claims.scope;
}

async function checkLearnerToken(
  secret: string,
  token: string,
  nowSeconds: number,
): Promise<{ exp: number; scope: LearnerClaims }> {
  if (!isLearnerToken(token)) throw new TokenError("malformed");
  const claims = await verifyToken(secret, LEARNER_TOKEN_PURPOSE, token.slice(LEARNER_TOKEN_PREFIX.length), nowSeconds);
  const { project_id, quiz_id, asset_id, learner_id } = claims;
  if (![project_id, quiz_id, asset_id, learner_id].every((v) => typeof v === "string")) {
    throw new TokenError("malformed");
  }
  if (claims.exp > nowSeconds + LEARNER_TOKEN_MAX_TTL_SECONDS + CLOCK_SKEW_SECONDS) throw new TokenError("malformed");
  const scope: LearnerClaims = Object.freeze({
    projectId: project_id as string,
    quizId: quiz_id as string,
    assetId: asset_id as string,
    learnerId: learner_id as string,
  });
  return { exp: claims.exp, scope };
}
