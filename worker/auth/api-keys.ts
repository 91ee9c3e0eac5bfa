import { and, asc, eq, isNull } from "drizzle-orm";
import { sha256Hex } from "../bytes";
import type { Database } from "../db/client";
import { type ApiKey, apiKeys } from "../db/schema";
import { constantTimeEqual, randomToken } from "./hmac";

/** `emk_` + 32 random bytes in base64url: 256 bits of entropy, so a plain SHA-256 is a sound hash. */
export const API_KEY_PATTERN = /^emk_[A-Za-z0-9_-]{43}$/;
const VISIBLE_PREFIX_LENGTH = 12;
// last_used_at is a convenience, not an audit log: write it at most this often per key.
const LAST_USED_RESOLUTION_MS = 5 * 60 * 1000;

export interface CreatedApiKey {
  record: ApiKey;
  /** The plaintext key. It exists only in this value; D1 keeps its hash. */
  key: string;
}

export async function createApiKey(
  db: Database,
  input: { projectId: string; name: string; now?: Date },
): Promise<CreatedApiKey> {
  const key = `emk_${randomToken(32)}`;
  const record: ApiKey = {
    id: `key_${crypto.randomUUID().replaceAll("-", "")}`,
    projectId: input.projectId,
    name: input.name,
    prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
    keyHash: await sha256Hex(key),
    createdAt: (input.now ?? new Date()).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.insert(apiKeys).values(record);
  return { record, key };
}

/** Active (unrevoked) keys of a project, oldest first. */
export function listActiveApiKeys(db: Database, projectId: string): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.projectId, projectId), isNull(apiKeys.revokedAt)))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

/** Revokes an active key of the project. Returns false when there is no such active key. */
export async function revokeApiKey(db: Database, projectId: string, keyId: string, now = new Date()): Promise<boolean> {
  const revoked = await db
    .update(apiKeys)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiKeys.id, keyId), eq(apiKeys.projectId, projectId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return revoked.length > 0;
}

/**
 * The active key matching a presented plaintext key, or null. Looked up in D1 on every call (no cache),
 * so a revocation takes effect on the very next request.
 */
export async function findActiveApiKey(db: Database, presented: string): Promise<ApiKey | null> {
  if (!API_KEY_PATTERN.test(presented)) return null;
  const hash = await sha256Hex(presented);
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)))
    .limit(1);
  // The index lookup already matched; the constant-time check keeps the final comparison timing-safe.
  if (!row || !(await constantTimeEqual(row.keyHash, hash))) return null;
  return row;
}

/** Records use of a key, throttled so a busy key does not write to D1 on every request. */
export async function markApiKeyUsed(db: Database, key: ApiKey, now = new Date()): Promise<void> {
  if (key.lastUsedAt && now.getTime() - Date.parse(key.lastUsedAt) < LAST_USED_RESOLUTION_MS) return;
  await db.update(apiKeys).set({ lastUsedAt: now.toISOString() }).where(eq(apiKeys.id, key.id));
}
