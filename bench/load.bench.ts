/*
 * Load benchmark of the Tech Stack backend API on the example portal.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/load.bench.ts [seconds] [connections]
 *
 * Starts the example backend alone (packages/backend, app-config.yaml: the
 * example guide and organisation, in-memory SQLite, guest sign-in) as a child
 * process on a spare port (TS_LOAD_PORT, default 7027; never :7007), waits
 * until the guide is ingested and the example components are processed, signs
 * in as guest, then drives each endpoint in turn with autocannon: 50
 * concurrent connections (default) for 30 s (default) on loopback:
 *
 *   baseline  GET /api/catalog/entities?limit=1 (the catalog, same auth path)
 *   radar     GET /api/tech-stack/radar
 *   adoption  GET /api/tech-stack/adoption
 *   stack     GET /api/tech-stack/stack?entityRef=component:default/orders-service
 *
 * Requests carry the guest's token and `Accept-Encoding: gzip`, as the
 * portal's pages send them.
 *
 * Prints requests/s, p50, p99, errors (socket errors, timeouts and non-2xx
 * answers) per endpoint and the ratio to the baseline, then checks the
 * targets (0 errors, p99 under 250 ms). The backend is stopped at the end,
 * also when the run fails. Every wait is bounded; autocannon's own per-request
 * timeout is 10 s.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The part of autocannon's result this benchmark reads. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;

// autocannon ships no type declarations; only the call above is used
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

const DURATION_S = readPositiveInt(process.argv[2], 30, 'seconds', 600);
const CONNECTIONS = readPositiveInt(process.argv[3], 50, 'connections', 1000);
const PORT = readPositiveInt(
  process.env.TS_LOAD_PORT,
  7027,
  'TS_LOAD_PORT',
  65535,
);
const BASE = `http://localhost:${PORT}`;
const STACK_ENTITY = 'component:default/orders-service';
const START_TIMEOUT_MS = 5 * 60_000;
const TARGET_P99_MS = 250;
const REPO = path.resolve(__dirname, '..');

const ENDPOINTS: Array<{ name: string; path: string }> = [
  { name: 'baseline', path: '/api/catalog/entities?limit=1' },
  { name: 'radar', path: '/api/tech-stack/radar' },
  { name: 'adoption', path: '/api/tech-stack/adoption' },
  {
    name: 'stack',
    path: `/api/tech-stack/stack?entityRef=${encodeURIComponent(STACK_ENTITY)}`,
  },
];

function readPositiveInt(
  value: string | undefined,
  fallback: number,
  name: string,
  max: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(
      `${name} must be an integer from 1 to ${max}, got '${value}'`,
    );
  }
  return n;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `check` every second until it returns a value or the time is up. */
async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  backend: ChildProcess,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    if (backend.exitCode !== null) {
      throw new Error(
        `the backend exited (code ${backend.exitCode}) while waiting for ${what}`,
      );
    }
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last}` : ''}`,
      );
    }
    await sleep(1000);
  }
}

async function getJson(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, {
    ...init,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`${init?.method ?? 'GET'} ${url}: HTTP ${response.status}`);
  }
  return response.json();
}

/** A guest user's Backstage token (the sign-in the example portal offers). */
async function guestToken(): Promise<string> {
  const url = `${BASE}/api/auth/guest/refresh`;
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  let body: any;
  try {
    body = await getJson(url, { method: 'POST', headers });
  } catch {
    body = await getJson(url, { headers });
  }
  const token = body?.backstageIdentity?.token;
  if (typeof token !== 'string') {
    throw new Error(
      'the guest refresh answered without backstageIdentity.token',
    );
  }
  return token;
}

function startBackend(logFile: string): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
    ],
    {
      cwd: path.join(REPO, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'development',
        // the scaffolder's sandbox needs it on Node 20+; as an environment
        // option it stays out of process.execArgv, which workers inherit
        NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-node-snapshot']
          .filter(Boolean)
          .join(' '),
        APP_CONFIG_backend_listen_port: String(PORT),
        APP_CONFIG_backend_baseUrl: BASE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function stopBackend(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(15_000)]);
  if (!stopped) child.kill('SIGKILL');
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

async function main() {
  const logFile = path.join(
    os.tmpdir(),
    `tech-stack-load-backend-${process.pid}.log`,
  );
  console.log(
    `bench:load — ${CONNECTIONS} connections × ${DURATION_S} s per endpoint, backend on :${PORT} (log ${logFile})`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );
  const backend = startBackend(logFile);
  const stop = () => {
    void stopBackend(backend).then(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const started = Date.now();
    await waitFor(
      'the backend to be ready',
      async () => {
        const r = await fetch(`${BASE}/.backstage/health/v1/readiness`, {
          signal: AbortSignal.timeout(5000),
        });
        return r.ok ? true : undefined;
      },
      START_TIMEOUT_MS,
      backend,
    );
    const token = await guestToken();
    // as the portal's pages ask: signed in, accepting gzip
    const headers = {
      Authorization: `Bearer ${token}`,
      'Accept-Encoding': 'gzip',
    };
    // ingested: the radar has the guide, and the example component's usages are processed
    const entries = await waitFor(
      'the guide to be ingested',
      async () => {
        const radar = await getJson(`${BASE}/api/tech-stack/radar`, {
          headers,
        });
        return radar.entries.length > 0 ? radar.entries.length : undefined;
      },
      START_TIMEOUT_MS,
      backend,
    );
    const usages = await waitFor(
      `the usages of ${STACK_ENTITY}`,
      async () => {
        const stack = await getJson(`${BASE}${ENDPOINTS[3].path}`, { headers });
        return stack.technologies.length > 0
          ? stack.technologies.length
          : undefined;
      },
      START_TIMEOUT_MS,
      backend,
    );
    console.log(
      `ready after ${fmt(
        (Date.now() - started) / 1000,
        1,
      )} s: ${entries} technologies on the radar, ${usages} in the stack of ${STACK_ENTITY}`,
    );

    const rows: Array<{
      name: string;
      path: string;
      result: AutocannonResult;
    }> = [];
    for (const endpoint of ENDPOINTS) {
      process.stdout.write(`  ${endpoint.name} …`);
      const result = await autocannon({
        url: `${BASE}${endpoint.path}`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        timeout: 10,
        headers,
      });
      process.stdout.write(` ${fmt(result.requests.average)} req/s\n`);
      rows.push({ ...endpoint, result });
    }

    const baseline = rows[0].result;
    console.log('');
    console.log(
      `${'endpoint'.padEnd(10)}${'req/s'.padStart(9)}${'p50 ms'.padStart(
        9,
      )}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'errors'.padStart(
        8,
      )}${'requests'.padStart(10)}${'vs baseline (req/s, p99)'.padStart(28)}`,
    );
    let missed = 0;
    for (const { name, result } of rows) {
      const errors = result.errors + result.timeouts + result.non2xx;
      const ratio =
        name === 'baseline'
          ? '—'
          : `${fmt(
              result.requests.average / baseline.requests.average,
              2,
            )}×, ${fmt(
              result.latency.p99 / Math.max(1, baseline.latency.p99),
              2,
            )}×`;
      console.log(
        `${name.padEnd(10)}${fmt(result.requests.average).padStart(9)}${fmt(
          result.latency.p50,
        ).padStart(9)}${fmt(result.latency.p99).padStart(9)}${fmt(
          result.latency.max,
        ).padStart(9)}${fmt(errors).padStart(8)}${fmt(
          result.requests.total,
        ).padStart(10)}${ratio.padStart(28)}`,
      );
      if (
        name !== 'baseline' &&
        (errors > 0 || result.latency.p99 >= TARGET_P99_MS)
      ) {
        missed += 1;
      }
    }
    console.log('');
    console.log(
      `load average after the run: ${os
        .loadavg()
        .map(l => l.toFixed(2))
        .join(
          ' ',
        )} (figures on a busy machine are lower; compare with the baseline of the same run)`,
    );
    console.log(
      missed === 0
        ? `targets met: 0 errors and p99 under ${TARGET_P99_MS} ms on radar, adoption and stack`
        : `targets MISSED on ${missed} endpoint(s) (0 errors, p99 under ${TARGET_P99_MS} ms)`,
    );
  } catch (error) {
    console.error(`bench:load failed: ${(error as Error).message}`);
    try {
      const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
      console.error(`last backend log lines:\n${lines.slice(-30).join('\n')}`);
    } catch {
      // no log yet
    }
    process.exitCode = 1;
  } finally {
    await stopBackend(backend);
  }
}

main();
