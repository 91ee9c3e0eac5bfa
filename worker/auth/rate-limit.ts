import type { Principal } from "../app-env";

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds a rejected caller should wait: one full window, since the binding reports no reset time. */
  retryAfterSeconds: number;
}

/**
 * The counter a principal spends: each project key has its own budget, stream tokens share one per
 * project, each learner of a project has one. The admin key is an operator credential and is not limited (a leaked admin key is a
 * rotation problem, not a throughput one); open mode has no keys to count.
 */
export function rateLimitKey(principal: Principal): string | null {
  if (principal.kind === "project") return `key:${principal.keyId}`;
  if (principal.kind === "stream_token") return `stream:${principal.projectId}`;
  if (principal.kind === "learner_token") return `learner:${principal.projectId}:${principal.learnerId}`;
  return null;
}

/** One request against the Workers Rate Limiting binding, which counts across isolates per location. */
export async function consumeRateLimit(
  limiter: RateLimit,
  principal: Principal,
  periodSeconds: number,
): Promise<RateLimitDecision> {
  const key = rateLimitKey(principal);
  if (key === null) return { allowed: true, retryAfterSeconds: 0 };
  const { success } = await limiter.limit({ key });
  return { allowed: success, retryAfterSeconds: success ? 0 : periodSeconds };
}
