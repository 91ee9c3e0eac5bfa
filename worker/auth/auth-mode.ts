import { BoundedCache } from "../bounded-cache";
import type { Settings } from "../env";
import { hmacSign } from "./hmac";

/**
 * How requests are authenticated, from settings alone:
 * - `enforced`: ADMIN_API_KEY is set; every protected route needs a credential.
 * - `open`: development without ADMIN_API_KEY; auth is off so local work needs no setup.
 * - `misconfigured`: production or test without ADMIN_API_KEY; protected routes fail closed.
 */
export type AuthMode = { kind: "enforced"; adminKey: string } | { kind: "open" } | { kind: "misconfigured" };

export function resolveAuthMode(settings: Pick<Settings, "ADMIN_API_KEY" | "DEPLOY_ENV">): AuthMode {
  if (settings.ADMIN_API_KEY) return { kind: "enforced", adminKey: settings.ADMIN_API_KEY };
  return settings.DEPLOY_ENV === "development" ? { kind: "open" } : { kind: "misconfigured" };
}

// The derivation is a pure function of the admin key; each learner request would otherwise sign once more for it.
const derivedSecrets = new BoundedCache<string, Promise<string>>(4);

function derivedSigningSecret(adminKey: string): Promise<string> {
  const cached = derivedSecrets.get(adminKey);
  if (cached) return cached;
  const secret = hmacSign(adminKey, "edge-media:token-signing:v1");
  derivedSecrets.set(adminKey, secret);
  secret.catch(() => derivedSecrets.delete(adminKey));
  return secret;
}

// Only ever used in open mode, where every route is public anyway, so a fixed key grants nothing.
const OPEN_MODE_SIGNING_SECRET = "edge-media:open-development-mode";

/**
 * The secret for HMAC-signed tokens (stream tokens, one-time upload URLs): TOKEN_SIGNING_SECRET if set,
 * otherwise a key derived from ADMIN_API_KEY (so one secret is enough to deploy; rotating the admin key
 * invalidates outstanding tokens, which live at most minutes). Null when auth is misconfigured.
 */
export async function tokenSigningSecret(
  settings: Pick<Settings, "ADMIN_API_KEY" | "DEPLOY_ENV" | "TOKEN_SIGNING_SECRET">,
): Promise<string | null> {
  if (settings.TOKEN_SIGNING_SECRET) return settings.TOKEN_SIGNING_SECRET;
  const mode = resolveAuthMode(settings);
  if (mode.kind === "enforced") return derivedSigningSecret(mode.adminKey);
  return mode.kind === "open" ? OPEN_MODE_SIGNING_SECRET : null;
}
