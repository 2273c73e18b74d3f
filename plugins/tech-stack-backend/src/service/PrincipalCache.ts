import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * A stable key for the caller: `user:<entity ref>` or `service:<subject>`;
 * undefined for anyone else (never cached).
 */
export function principalKey(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return `user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  return undefined;
}

/**
 * Reuses a value computed for one caller (and key) for a short while, so
 * catalog permissions keep applying per caller. Concurrent requests share one
 * computation; a failed one is not kept.
 */
export class PrincipalCache<T> {
  private readonly entries = new Map<
    string,
    { expires: number; value: Promise<T> }
  >();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now: () => number;
    },
  ) {}

  /** The cached value for the caller and key, or a fresh one from `compute`. */
  get(
    credentials: BackstageCredentials,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    const who = principalKey(credentials);
    if (this.options.ttlMs <= 0 || who === undefined) {
      return compute();
    }
    const fullKey = JSON.stringify([key, who]);
    const now = this.options.now();
    this.prune(now);
    const cached = this.entries.get(fullKey);
    if (cached && cached.expires > now) {
      return cached.value;
    }
    const value = compute();
    this.entries.set(fullKey, { expires: now + this.options.ttlMs, value });
    value.catch(() => this.entries.delete(fullKey));
    return value;
  }

  private prune(now: number) {
    for (const [key, entry] of this.entries) {
      if (entry.expires <= now) this.entries.delete(key);
    }
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
