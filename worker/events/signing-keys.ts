import type { EndpointRecord } from "./endpoint-store";
import { openSecret } from "./secret-box";
import { importSigningKey } from "./webhook-signature";

interface CachedKeys {
  sealed: string;
  previousSealed: string | null;
  keys: Promise<{ current: CryptoKey; previous: CryptoKey | null }>;
}

/**
 * The HMAC keys an endpoint's deliveries are signed with, opened from their sealed form once per instance and
 * kept only in memory (as non-extractable keys). A rotation changes the sealed values, which replaces the entry.
 */
export class SigningKeys {
  private readonly cache = new Map<string, CachedKeys>();

  constructor(private readonly boxKey: () => Promise<CryptoKey>) {}

  /** The current key, then the previous one while the rotation overlap lasts. */
  async for(endpoint: EndpointRecord, now: number): Promise<CryptoKey[]> {
    let cached = this.cache.get(endpoint.id);
    if (!cached || cached.sealed !== endpoint.secret || cached.previousSealed !== endpoint.previousSecret) {
      cached = { sealed: endpoint.secret, previousSealed: endpoint.previousSecret, keys: this.open(endpoint) };
      this.cache.set(endpoint.id, cached);
      // A failure (a changed TOKEN_SIGNING_SECRET) is not cached: the next attempt tries again.
      cached.keys.catch(() => this.cache.delete(endpoint.id));
    }
    const { current, previous } = await cached.keys;
    const overlap = previous && endpoint.previousSecretUntil !== null && endpoint.previousSecretUntil > now;
    return overlap ? [current, previous] : [current];
  }

  forget(endpointId: string): void {
    this.cache.delete(endpointId);
  }

  private async open(endpoint: EndpointRecord) {
    const box = await this.boxKey();
    const current = await importSigningKey(await openSecret(box, endpoint.secret, endpoint.id));
    const previous = endpoint.previousSecret
      ? await importSigningKey(await openSecret(box, endpoint.previousSecret, endpoint.id))
      : null;
    return { current, previous };
  }
}
