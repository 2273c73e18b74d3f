import type { Dependency, DependencyEntry } from './dependencies/types';

/** How long one check may take before the dependency counts as down. */
export const CHECK_TIMEOUT_MS = Number(
  process.env.READINESS_TIMEOUT_MS ?? 2000,
);

/** A dependency the service created at start. */
export interface Connected {
  technology: string;
  /** Its address without credentials, for logs. */
  address: string;
  client: Dependency;
}

/** The state of one dependency in /readyz. */
export interface DependencyState {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

/** Hides the password of a connection URL. */
export function redact(address: string): string {
  return address.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Rejects after `ms` unless the promise settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Creates every registered dependency from its environment variable. A
 * missing variable is a configuration error: it is named and the process
 * stops, rather than answering /readyz for a dependency it cannot reach.
 */
export function createDependencies(entries: DependencyEntry[]): Connected[] {
  const missing = entries.filter(([, env]) => !process.env[env]);
  if (missing.length > 0) {
    throw new Error(
      `missing environment: ${missing
        .map(([technology, env]) => `${env} (${technology})`)
        .join(', ')}; see .env.example`,
    );
  }
  return entries.map(([technology, env, create]) => {
    const address = process.env[env] as string;
    return { technology, address: redact(address), client: create(address) };
  });
}

/** Checks one dependency within the timeout. */
export async function checkOne(
  dependency: Connected,
): Promise<DependencyState> {
  const started = Date.now();
  try {
    await withTimeout(dependency.client.check(), CHECK_TIMEOUT_MS);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Date.now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Checks every dependency at once: ready when all are up. */
export async function readiness(dependencies: Connected[]) {
  const states = await Promise.all(dependencies.map(checkOne));
  const byTechnology = Object.fromEntries(
    dependencies.map((dependency, index) => [
      dependency.technology,
      states[index],
    ]),
  );
  return {
    ready: states.every(state => state.status === 'up'),
    dependencies: byTechnology,
  };
}
