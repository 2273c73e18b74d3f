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

interface Entry<T> {
  value: Promise<T>;
  /** The value resolved (a stale one may be served while a refresh runs). */
  settled: boolean;
  /** Until then the value is fresh. */
  expires: number;
  /** Until then the value may be served while a refresh runs. */
  staleUntil: number;
  refreshing: boolean;
}

/**
 * Reuses a value computed for one caller (and key) for a short while, so
 * catalog permissions keep applying per caller: one caller never gets a value
 * computed with another caller's credentials.
 *
 * - Fresh for `ttlMs` from the start of its computation.
 * - Then stale for up to another `ttlMs`: the next request starts one
 *   refresh in the background and gets the stale value at once, so callers
 *   do not queue behind a rebuild; the refreshed value replaces it when
 *   ready. A value is therefore at most twice the TTL old.
 * - Older than that (or never computed): the request waits for a new one.
 *
 * Concurrent requests share one computation; a failed computation is not
 * kept (a failed refresh keeps the stale value until it is too old). At most
 * `maxEntries` entries are kept, the oldest dropped first. A TTL of 0, or a
 * caller without a stable key, turns caching off.
 */
export class PrincipalCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

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
    return this.getByKey(JSON.stringify([key, who]), compute);
  }

  /**
   * The cached value for `key` whoever asks, or a fresh one from `compute`:
   * for values that `key` determines whatever the caller's credentials (as
   * the entities a permission policy's conditions select).
   */
  getShared(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.options.ttlMs <= 0) return compute();
    return this.getByKey(JSON.stringify([key]), compute);
  }

  private getByKey(fullKey: string, compute: () => Promise<T>): Promise<T> {
    const now = this.options.now();
    this.prune(now);
    const cached = this.entries.get(fullKey);
    if (cached && now < cached.expires) {
      return cached.value;
    }
    if (cached && cached.settled && now < cached.staleUntil) {
      if (!cached.refreshing) this.refresh(fullKey, cached, compute, now);
      return cached.value;
    }
    return this.start(fullKey, compute, now).value;
  }

  private start(fullKey: string, compute: () => Promise<T>, now: number) {
    const entry = this.entry(compute(), now);
    this.entries.delete(fullKey);
    this.entries.set(fullKey, entry);
    entry.value.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.entries.get(fullKey) === entry) this.entries.delete(fullKey);
      },
    );
    return entry;
  }

  private refresh(
    fullKey: string,
    stale: Entry<T>,
    compute: () => Promise<T>,
    now: number,
  ) {
    stale.refreshing = true;
    const next = this.entry(compute(), now);
    next.value.then(
      () => {
        next.settled = true;
        if (this.entries.get(fullKey) === stale) {
          this.entries.delete(fullKey);
          this.entries.set(fullKey, next);
        }
      },
      () => {
        stale.refreshing = false;
      },
    );
  }

  private entry(value: Promise<T>, now: number): Entry<T> {
    return {
      value,
      settled: false,
      expires: now + this.options.ttlMs,
      staleUntil: now + 2 * this.options.ttlMs,
      refreshing: false,
    };
  }

  private prune(now: number) {
    for (const [key, entry] of this.entries) {
      if (entry.staleUntil <= now && !entry.refreshing) {
        this.entries.delete(key);
      }
    }
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
