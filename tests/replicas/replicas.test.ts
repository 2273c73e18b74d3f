/*
 * Two replicas of the example backend on one PostgreSQL database (started by
 * scripts/replicas.sh): the guide is ingested once per schedule, a ring change
 * is recorded once, both answer the radar and adoption APIs alike, and killing
 * one during an ingestion loses nothing while the other completes the next run.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import {
  call,
  clusterFromEnv,
  eventually,
  isAlive,
  LogWatch,
  Replica,
  sleep,
} from './cluster';

const cluster = clusterFromEnv();
const SEED_TECHNOLOGIES = 106;
/** How often the backend's scheduler frees the tasks of dead workers. */
const JANITOR_MS = 60_000;

/** The ring history of a technology, read through a replica's catalog API. */
async function technology(
  replica: Replica,
  name: string,
): Promise<{
  ring: string;
  history: Array<{ date: string; from: string; to: string }>;
}> {
  const { status, body } = await call(
    replica,
    `/api/catalog/entities/by-name/technology/default/${name}`,
  );
  assert.equal(status, 200, `technology ${name} on replica ${replica.name}`);
  const raw = body.metadata.annotations?.['techstack.dev/ring-history'];
  return { ring: body.spec.ring, history: raw ? JSON.parse(raw) : [] };
}

/** How many Technology entities a replica's catalog holds. */
async function technologyCount(replica: Replica): Promise<number> {
  const { status, body } = await call(
    replica,
    '/api/catalog/entities/by-query?filter=kind=technology&fields=metadata.name&limit=1',
  );
  assert.equal(status, 200, `catalog query on replica ${replica.name}`);
  return body.totalItems;
}

/** Replaces one line of the guide both replicas read. */
async function editGuide(guide: string, from: string, to: string) {
  const text = await fs.readFile(guide, 'utf8');
  assert.ok(text.includes(from), `the guide has the line ${from}`);
  await fs.writeFile(guide, text.replace(from, to));
}

/**
 * Whether this replica's worker of the guide's scheduled task is running it
 * now (`idle` or `running`), from the catalog's scheduler API.
 */
async function taskWorkerStatus(replica: Replica): Promise<string | undefined> {
  const { status, body } = await call(
    replica,
    '/api/catalog/.backstage/scheduler/v1/tasks',
  );
  assert.equal(status, 200, `scheduler tasks on replica ${replica.name}`);
  const task = body.tasks.find(
    (x: { taskId: string }) => x.taskId === 'tech-stack-guide:main:refresh',
  );
  return task?.workerState?.status;
}

/** `POST /api/catalog/tech-stack/refresh?guide=main` on one replica. */
function refresh(replica: Replica) {
  return call(replica, '/api/catalog/tech-stack/refresh?guide=main', 'POST');
}

/** The answer with the fields that may differ between two calls removed. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(normalise);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'generatedAt')
        .map(([key, v]) => [key, normalise(v)]),
    );
  }
  return value;
}

const describeCluster = cluster ? describe : describe.skip;
if (!cluster) {
  // eslint-disable-next-line no-console
  console.warn(
    'No replicas running (start them with scripts/replicas.sh): skipping',
  );
}

describeCluster('two backend replicas on one PostgreSQL database', () => {
  const { replicas, guide, frequencySeconds, timeoutSeconds } = cluster!;
  const [a, b] = replicas;
  const frequencyMs = frequencySeconds * 1000;
  // Both replicas are up: the ingestions from here on, stamped as they appear.
  const watch = new LogWatch(replicas);
  const watchedFrom = Date.now();
  after(() => watch.stop());

  it('ingests the guide once per schedule, not once per replica', async t => {
    // Both replicas have a worker for the guide's task: either may run it.
    for (const replica of replicas) {
      assert.ok(
        await taskWorkerStatus(replica),
        `replica ${replica.name} schedules the guide`,
      );
    }
    // A window of two periods while both replicas run and no refresh is
    // requested: two runs, or three or one (the scheduler looks for due tasks
    // every 5 s), never one per replica per period.
    const windowMs = frequencyMs * 2;
    const end = watchedFrom + windowMs;
    await sleep(Math.max(0, end - Date.now()));
    const runs = watch.runs().filter(r => r.at < end);
    t.diagnostic(
      `runs in ${windowMs / 1000} s: ${runs
        .map(r => `${r.replica}@+${((r.at - watchedFrom) / 1000).toFixed(1)}s`)
        .join(', ')}`,
    );
    assert.ok(
      runs.length >= 1 && runs.length <= 3,
      `expected 1 to 3 runs in ${
        windowMs / 1000
      } s at one per ${frequencySeconds} s, got ${runs.length}`,
    );
    for (let i = 1; i < runs.length; i++) {
      assert.ok(
        runs[i].at - runs[i - 1].at >= frequencyMs / 2,
        `two runs ${runs[i].at - runs[i - 1].at} ms apart (${
          runs[i - 1].replica
        }, ${runs[i].replica})`,
      );
    }
    for (const run of runs) {
      assert.equal(run.technologies, SEED_TECHNOLOGIES);
    }
  });

  it('answers /radar and /adoption with the same content on both replicas', async () => {
    for (const replica of replicas) {
      assert.equal(await technologyCount(replica), SEED_TECHNOLOGIES);
    }
    // The radar caches per caller for up to 30 s: both converge on one answer.
    for (const route of ['/api/tech-stack/radar', '/api/tech-stack/adoption']) {
      await eventually(
        `the same ${route} on both replicas`,
        async () => {
          const [fromA, fromB] = await Promise.all(
            replicas.map(replica => call(replica, route)),
          );
          assert.equal(fromA.status, 200, `${route} on a`);
          assert.equal(fromB.status, 200, `${route} on b`);
          assert.deepEqual(normalise(fromA.body), normalise(fromB.body));
          return true;
        },
        45_000,
      );
    }
    const { body: radar } = await call(b, '/api/tech-stack/radar');
    assert.equal(radar.entries.length, SEED_TECHNOLOGIES);
  });

  it('records a ring change once, whichever replica runs next', async () => {
    // Each replica asks for a run before the change (a replica that kept the
    // rings of its own earlier runs in memory would record the change again).
    for (const replica of replicas) {
      const { status, body } = await refresh(replica);
      assert.equal(status, 200, JSON.stringify(body));
    }
    const before = await technology(b, 'linkerd');
    assert.equal(before.ring, 'adopt');
    await editGuide(
      guide,
      '| **Service Mesh** | Istio, Linkerd | Consul Connect |',
      '| **Service Mesh** | Istio | Linkerd, Consul Connect |',
    );
    const first = await refresh(a);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.guides[0].technologies, SEED_TECHNOLOGIES);

    // Read through the other replica's catalog.
    const changed = await eventually(
      'linkerd in trial on replica b',
      async () => {
        const now = await technology(b, 'linkerd');
        return now.ring === 'trial' ? now : undefined;
      },
      60_000,
    );
    assert.equal(changed.history.length, before.history.length + 1);
    assert.deepEqual(
      { from: changed.history.at(-1)!.from, to: changed.history.at(-1)!.to },
      { from: 'adopt', to: 'trial' },
    );

    // The other replica asks for a run again: the change stays recorded
    // once, with the date it was first seen.
    const second = await refresh(b);
    assert.equal(second.status, 200, JSON.stringify(second.body));
    await sleep(3000); // the catalog stitches the entities of that run
    for (const replica of replicas) {
      const seen = await technology(replica, 'linkerd');
      assert.equal(seen.ring, 'trial');
      assert.deepEqual(
        seen.history,
        changed.history,
        `ring history on replica ${replica.name}`,
      );
    }

    // Both radars show the move alike (once their per-caller caches expire).
    const moves = await eventually(
      'linkerd moved on both radars',
      async () => {
        const entries = await Promise.all(
          replicas.map(async replica => {
            const { body } = await call(replica, '/api/tech-stack/radar');
            return body.entries.find(
              (e: { name: string }) => e.name === 'linkerd',
            );
          }),
        );
        return entries.every(e => e.ring === 'trial') ? entries : undefined;
      },
      45_000,
    );
    assert.deepEqual(moves[0], moves[1]);
    assert.notEqual(moves[0].movement, 'none');
  });

  it('loses nothing when a replica is killed during an ingestion, and the other completes the next run', async t => {
    const count = await technologyCount(b);
    assert.equal(count, SEED_TECHNOLOGIES);
    const before = await technology(b, 'traefik');
    assert.equal(before.ring, 'trial');
    await editGuide(
      guide,
      '| **API Gateway** | Kong, AWS API Gateway | Traefik, Envoy |',
      '| **API Gateway** | Kong, AWS API Gateway, Traefik | Envoy |',
    );

    // Replica b pauses, so the run this refresh triggers is replica a's; a is
    // killed as soon as its worker runs the task.
    process.kill(b.pid, 'SIGSTOP');
    let killedWhile: string;
    let killedAt = Date.now();
    let runsUntilKill = 0;
    try {
      const runsOfA = watch.runs().filter(r => r.replica === a.name).length;
      const pending = refresh(a).catch(error => ({
        status: 0,
        body: String(error),
      }));
      await eventually(
        'replica a running the guide task',
        async () =>
          (await taskWorkerStatus(a)) === 'running' ? true : undefined,
        timeoutSeconds * 1000 + 15_000,
        50,
      );
      process.kill(a.pid, 'SIGKILL');
      killedAt = Date.now();
      await eventually(
        'replica a to exit',
        async () => (isAlive(a.pid) ? undefined : true),
        10_000,
      );
      // everything replica a logged, read now that it cannot log more
      runsUntilKill = watch.runs().length;
      await pending;
      killedWhile =
        watch.runs().filter(r => r.replica === a.name).length > runsOfA
          ? 'after it completed the run'
          : 'during the run';
    } finally {
      process.kill(b.pid, 'SIGCONT');
    }
    t.diagnostic(`replica a killed ${killedWhile}`);

    // The catalog keeps every technology of the last good run.
    for (let i = 0; i < 5; i++) {
      assert.equal(await technologyCount(b), count);
      await sleep(1000);
    }

    // Replica b completes the next run. The lock the killed replica held
    // expires after the schedule's timeout, and the scheduler's janitor (once
    // a minute) frees it; a refresh meanwhile answers 409 or 202, and is retried.
    const result = await eventually(
      'a completed refresh on replica b',
      async () => {
        const response = await refresh(b);
        return response.status === 200 ? response.body : undefined;
      },
      timeoutSeconds * 1000 + JANITOR_MS + 30_000,
    );
    assert.equal(result.guides[0].technologies, SEED_TECHNOLOGIES);
    const runsAfterKill = watch.runs().slice(runsUntilKill);
    assert.ok(runsAfterKill.length > 0, 'a run completed after the kill');
    assert.ok(runsAfterKill.every(r => r.replica === b.name));
    t.diagnostic(
      `replica b completed the next run ${(
        (runsAfterKill[0].at - killedAt) /
        1000
      ).toFixed(1)} s after the kill`,
    );
    const changed = await eventually(
      'traefik in adopt on replica b',
      async () => {
        const now = await technology(b, 'traefik');
        return now.ring === 'adopt' ? now : undefined;
      },
      60_000,
    );
    assert.equal(changed.history.length, before.history.length + 1);
    assert.deepEqual(
      { from: changed.history.at(-1)!.from, to: changed.history.at(-1)!.to },
      { from: 'trial', to: 'adopt' },
    );
    assert.equal(await technologyCount(b), count);
    const { status } = await call(b, '/api/tech-stack/radar');
    assert.equal(status, 200);
  });
});
