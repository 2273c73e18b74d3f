/*
 * The two backend replicas scripts/replicas.sh started, as the suite sees
 * them: their URLs, process ids and logs, the guide they read, and calls to
 * their APIs as the guest user.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** One running backend process. */
export interface Replica {
  /** `a` or `b`. */
  name: string;
  url: string;
  pid: number;
  log: string;
}

/** What scripts/replicas.sh hands to the suite. */
export interface Cluster {
  replicas: Replica[];
  /** The copy of the guide both replicas read (the suite edits it). */
  guide: string;
  /** The guide's schedule. */
  frequencySeconds: number;
  timeoutSeconds: number;
}

/** The cluster from the environment, or undefined when the script did not start one. */
export function clusterFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Cluster | undefined {
  const urls = env.TS_REPLICA_URLS?.split(',');
  const pids = env.TS_REPLICA_PIDS?.split(',');
  const logs = env.TS_REPLICA_LOGS?.split(',');
  if (!urls || !pids || !logs || !env.TS_REPLICA_GUIDE) {
    return undefined;
  }
  return {
    replicas: urls.map((url, i) => ({
      name: String.fromCharCode(97 + i),
      url,
      pid: Number(pids[i]),
      log: logs[i],
    })),
    guide: env.TS_REPLICA_GUIDE,
    frequencySeconds: Number(env.TS_REPLICA_FREQUENCY_SECONDS ?? 20),
    timeoutSeconds: Number(env.TS_REPLICA_TIMEOUT_SECONDS ?? 15),
  };
}

/** One completed ingestion of the guide, from a replica's log. */
export interface IngestionRun {
  replica: string;
  /** When the suite saw the line appear (ms since the epoch). */
  at: number;
  technologies: number;
}

const INGESTED = "Tech stack guide 'main' read from ";

/**
 * The technology count of a provider info line "Tech stack guide 'main' read
 * from <target>: N technologies ...", or undefined for any other log line. The
 * backend logs JSON lines (NODE_ENV=production).
 */
export function ingestedCount(line: string): number | undefined {
  if (!line.startsWith('{') || !line.includes(INGESTED)) {
    return undefined;
  }
  let entry: { message?: unknown };
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  const message = String(entry.message ?? '');
  if (!message.startsWith(INGESTED)) {
    return undefined;
  }
  const count = Number.parseInt(
    message.slice(message.lastIndexOf(': ') + 2),
    10,
  );
  return Number.isNaN(count) ? undefined : count;
}

/**
 * Follows the replicas' logs from the moment it is created, and stamps each
 * completed ingestion with the time it appeared (the backend's JSON log lines
 * carry no timestamp). Polls every 200 ms, and on every {@link LogWatch.runs}.
 */
export class LogWatch {
  readonly #files: Array<{ replica: Replica; offset: number; rest: string }>;
  readonly #runs: IngestionRun[] = [];
  readonly #timer: NodeJS.Timeout;

  constructor(replicas: Replica[]) {
    this.#files = replicas.map(replica => ({
      replica,
      offset: statSync(replica.log).size,
      rest: '',
    }));
    this.#timer = setInterval(() => this.#poll(), 200);
    this.#timer.unref();
  }

  /** The ingestions seen so far, in time order. */
  runs(): IngestionRun[] {
    this.#poll();
    return [...this.#runs];
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #poll(): void {
    const now = Date.now();
    for (const file of this.#files) {
      const size = statSync(file.replica.log).size;
      if (size <= file.offset) {
        continue;
      }
      const buffer = Buffer.alloc(size - file.offset);
      const fd = openSync(file.replica.log, 'r');
      try {
        readSync(fd, buffer, 0, buffer.length, file.offset);
      } finally {
        closeSync(fd);
      }
      file.offset = size;
      const lines = (file.rest + buffer.toString('utf8')).split('\n');
      file.rest = lines.pop() ?? '';
      for (const line of lines) {
        const technologies = ingestedCount(line);
        if (technologies !== undefined) {
          this.#runs.push({
            replica: file.replica.name,
            at: now,
            technologies,
          });
        }
      }
    }
  }
}

/** Whether the process is still running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const tokens = new Map<string, string>();

/** A guest token issued by the replica (cached per replica). */
export async function guestToken(replica: Replica): Promise<string> {
  const cached = tokens.get(replica.url);
  if (cached) {
    return cached;
  }
  const res = await fetch(`${replica.url}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in on replica ${replica.name}: ${res.status}`);
  }
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  tokens.set(replica.url, body.backstageIdentity.token);
  return body.backstageIdentity.token;
}

/** Calls a replica as the guest user; the body is parsed JSON, if any. */
export async function call(
  replica: Replica,
  pathname: string,
  method = 'GET',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${replica.url}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${await guestToken(replica)}` },
  });
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

/** Polls `check` (every `intervalMs`) until it returns a value; throws after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    }
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
