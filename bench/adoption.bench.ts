/*
 * Adoption benchmark of the Tech Stack backend.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/adoption.bench.ts [components]
 *
 * Generates (deterministically) a catalog of 10,000 components (default)
 * owned by 200 teams (under 10 departments) using 300 technologies through
 * the annotation, tags and resource dependencies; starts the REAL catalog once
 * (in-memory SQLite, our catalog module, our backend plugin, the real
 * permission backend with a policy), waits for the ingest (progress printed),
 * then measures against that one catalog:
 *   (a) GET /api/tech-stack/adoption?limit=200 — cold: every call by a new
 *       user, so no per-caller state helps: users the policy allows to read
 *       the whole catalog, and users it gives a conditional decision (their
 *       visible entities listed by the catalog); warm (same caller);
 *   (b) the browser-side alternative: @backstage/catalog-client over HTTP
 *       fetching every component, group, resource and technology with the
 *       fields the browser needs, then aggregating in JS (same algorithm);
 *   (c) the usage index itself: a full build against the catalog (a fresh
 *       database) and a refresh when nothing changed;
 *   (d) memory: the process's heap growth (after GC) for 20 distinct
 *       callers of each kind.
 * Prints times (median of RUNS), response bytes and the ratios.
 * Run with `node --expose-gc` for the memory figures.
 */
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { CatalogClient } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
import techStackPlugin from '@techstack/plugin-tech-stack-backend';
import { stringify } from 'yaml';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  LoggerService,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import knexFactory from 'knex';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { hideEntitiesPolicyModule } from '../plugins/tech-stack-backend/src/__testUtils__/hideEntitiesPolicy';
import { oboActorMockHttpAuthFactory } from '../plugins/tech-stack-backend/src/__testUtils__/oboActorMockHttpAuth';
import { UsageSnapshot } from '../plugins/tech-stack-backend/src/service/adoption/UsageSnapshot';
import { openPluginDatabase } from '../plugins/tech-stack-backend/src/service/history/migrations';
import { UsageIndex } from '../plugins/tech-stack-backend/src/service/index/UsageIndex';
import { UsageIndexStore } from '../plugins/tech-stack-backend/src/service/index/UsageIndexStore';
import { buildAdoption } from '../plugins/tech-stack-backend/src/service/adoption/buildAdoption';

const COMPONENTS = Number(process.argv[2] ?? 10_000);
const CALLERS = 20;
const FILE_ENTITIES = 5_000;
const TEAMS = 200;
const DEPARTMENTS = 10;
const TECHNOLOGIES = 300;
const RUNS = 5;
const RINGS = ['adopt', 'trial', 'assess', 'hold'];
const TIMEOUT_MS = 45 * 60_000;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function generate(): Entity[] {
  const rnd = random(42);
  const entities: Entity[] = [];
  const techTitle = (i: number) => `Tool ${pad(i, 3)}`;
  const techName = (i: number) => `tool-${pad(i, 3)}`;
  for (let i = 0; i < TECHNOLOGIES; i++) {
    const ring = RINGS[i % 7 === 0 ? 3 : i % 3];
    entities.push({
      apiVersion: 'techstack.dev/v1alpha1',
      kind: 'Technology',
      metadata: { name: techName(i), title: techTitle(i) },
      spec: {
        ring,
        type: 'tool',
        owner: 'group:default/dept-0',
        aliases: [`tl${pad(i, 3)}`],
        layers: [{ section: `Area ${i % 8}`, layer: `Layer ${i % 40}`, ring }],
      },
    });
  }
  for (let d = 0; d < DEPARTMENTS; d++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `dept-${d}`, title: `Department ${d}` },
      spec: {
        type: 'department',
        children: Array.from(
          { length: TEAMS / DEPARTMENTS },
          (_, k) => `team-${pad(d * (TEAMS / DEPARTMENTS) + k, 3)}`,
        ),
      },
    });
  }
  const stacks: number[][] = [];
  for (let t = 0; t < TEAMS; t++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `team-${pad(t, 3)}`, title: `Team ${pad(t, 3)}` },
      spec: {
        type: 'team',
        parent: `dept-${Math.floor(t / (TEAMS / DEPARTMENTS))}`,
        children: [],
      },
    });
    // a team's stack: 15 technologies, popular ones more likely
    const stack = new Set<number>();
    while (stack.size < 15) {
      stack.add(Math.floor(TECHNOLOGIES * rnd() * rnd()));
    }
    stacks.push([...stack]);
    for (let r = 0; r < 2; r++) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `res-${pad(t, 3)}-${r}`,
          tags: [techName(stacks[t][r])],
        },
        spec: { type: 'database', owner: `team-${pad(t, 3)}` },
      });
    }
  }
  for (let c = 0; c < COMPONENTS; c++) {
    const team = c % TEAMS;
    const stack = stacks[team];
    const uses = new Set<number>();
    const count = 3 + Math.floor(rnd() * 3);
    while (uses.size < count) uses.add(stack[Math.floor(rnd() * stack.length)]);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${pad(c, 5)}`,
        title: `Service ${pad(c, 5)}`,
        description: `Generated service ${c} for the adoption benchmark`,
        annotations: {
          'techstack.dev/uses': [...uses].map(techTitle).join(', '),
        },
        tags: [techName(stack[Math.floor(rnd() * stack.length)]), 'java'],
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `team-${pad(team, 3)}`,
        dependsOn: [`resource:res-${pad(team, 3)}-${c % 2}`],
      },
    });
  }
  return entities;
}

/**
 * The bench's policy: users named `cond-*` may read every catalog entity but
 * one component (a conditional decision, applied by the catalog in its
 * queries, as an organisation's policy would be: they all see the same);
 * users named `dist-<n>` may read all but the component `svc-<n>` (each sees
 * something else); everyone else may read all.
 */
const benchPolicyModule = hideEntitiesPolicyModule({
  hidden: userRef => {
    const distinct = /^user:default\/dist-(\d+)$/.exec(userRef);
    return [
      {
        kind: 'Component',
        name: `svc-${pad(distinct ? Number(distinct[1]) : 0, 5)}`,
      },
    ];
  },
  users: { startingWith: ['user:default/cond-', 'user:default/dist-'] },
});

/** A logger that drops everything (the bench prints its own figures). */
const quietLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return quietLogger;
  },
} as unknown as LoggerService;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const ms = (v: number) => `${v.toFixed(0)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KiB`;

async function main() {
  const entities = generate();
  const dir = createMockDirectory();
  // files of at most FILE_ENTITIES entities, one location each (as a large
  // organisation's catalog is spread; the catalog had not stitched a single
  // entity of one 50,000-entity file after ten minutes)
  const files: Record<string, string> = {};
  for (let i = 0; i * FILE_ENTITIES < entities.length; i++) {
    files[`catalog-${i}.yaml`] = entities
      .slice(i * FILE_ENTITIES, (i + 1) * FILE_ENTITIES)
      .map(e => stringify(e))
      .join('---\n');
  }
  dir.setContent(files);
  const expected = {
    component: COMPONENTS,
    group: TEAMS + DEPARTMENTS,
    resource: TEAMS * 2,
    technology: TECHNOLOGIES,
  };
  const total = Object.values(expected).reduce((a, b) => a + b, 0);
  console.log(`Generated ${total} entities; starting the real catalog`);
  const start = Date.now();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleTechStack,
      techStackPlugin,
      permissionPlugin,
      oboActorMockHttpAuthFactory,
      benchPolicyModule,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            processingInterval: { minutes: 60 },
            rules: [
              {
                allow: [
                  'Component',
                  'Group',
                  'Resource',
                  'Technology',
                  'Location',
                ],
              },
            ],
            locations: Object.keys(files).map(file => ({
              type: 'file',
              target: dir.resolve(file),
            })),
          },
          techStack: { adoption: { cacheTtlSeconds: 60 } },
        },
      }),
    ],
  });
  const base = `http://localhost:${backend.server.port()}`;
  const header = mockCredentials.user.header();
  try {
    // wait for the ingest: every entity stitched, usage relations on the last component
    let lastLog = 0;
    for (;;) {
      const counts = await Promise.all(
        Object.keys(expected).map(async kind => {
          const r = await fetch(
            `${base}/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
            { headers: { Authorization: header } },
          );
          return Number((await r.json()).totalItems ?? 0);
        }),
      );
      const done = counts.reduce((a, b) => a + b, 0);
      const last = await fetch(
        `${base}/api/catalog/entities/by-name/component/default/svc-${pad(
          COMPONENTS - 1,
          5,
        )}`,
        { headers: { Authorization: header } },
      ).then(r => (r.ok ? r.json() : undefined));
      const ready =
        done >= total &&
        last?.relations?.some((r: any) => r.type === 'usesTechnology') &&
        last?.relations?.some((r: any) => r.type === 'dependsOn');
      const elapsed = Date.now() - start;
      if (ready) {
        console.log(
          `Ingested ${done}/${total} after ${(elapsed / 1000).toFixed(0)} s`,
        );
        break;
      }
      if (elapsed - lastLog >= 10_000) {
        lastLog = elapsed;
        console.log(
          `  ${done}/${total} stitched after ${(elapsed / 1000).toFixed(
            0,
          )} s (${(done / (elapsed / 1000)).toFixed(0)}/s)`,
        );
      }
      if (elapsed > TIMEOUT_MS)
        throw new Error(`ingest timed out at ${done}/${total}`);
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
    // let the last processing passes settle
    await new Promise(resolve => setTimeout(resolve, 10_000));

    // (a) the endpoint
    const endpoint = async (user: string) => {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/tech-stack/adoption?limit=${TEAMS}`, {
        headers: { Authorization: mockCredentials.user.header(user) },
      });
      const body = await r.arrayBuffer();
      if (!r.ok) {
        throw new Error(
          `adoption answered ${r.status}: ${Buffer.from(body).toString(
            'utf8',
          )}`,
        );
      }
      return { time: performance.now() - t0, bytes: body.byteLength, body };
    };
    // the usage index catches up with the ingest within its maximum age
    // (refreshing in the background, then waiting): poll until it has
    const waitStart = Date.now();
    for (;;) {
      const run = await endpoint('user:default/warmup').catch(error => {
        console.log(`  warm-up call failed: ${error}`);
        return undefined;
      });
      const body = run
        ? JSON.parse(Buffer.from(run.body).toString('utf8'))
        : undefined;
      if (body?.totals?.components === COMPONENTS) break;
      if (Date.now() - waitStart > 5 * 60_000) {
        throw new Error(
          `the usage index did not catch up: ${JSON.stringify(body?.totals)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
    console.log(
      `Usage index current ${((Date.now() - waitStart) / 1000).toFixed(
        0,
      )} s after the ingest`,
    );
    const heap = () => {
      (global as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    };
    const cold: number[] = [];
    const coldConditional: number[] = [];
    let endpointBytes = 0;
    let endpointBody: any;
    const heapBefore = heap();
    for (let i = 0; i < CALLERS; i++) {
      const run = await endpoint(`user:default/bench-${i}`);
      cold.push(run.time);
      endpointBytes = run.bytes;
      endpointBody = JSON.parse(Buffer.from(run.body).toString('utf8'));
    }
    const heapAllowed = heap();
    let conditionalBody: any;
    for (let i = 0; i < CALLERS; i++) {
      const run = await endpoint(`user:default/cond-${i}`);
      coldConditional.push(run.time);
      conditionalBody = JSON.parse(Buffer.from(run.body).toString('utf8'));
    }
    const heapConditional = heap();
    const coldDistinct: number[] = [];
    for (let i = 0; i < CALLERS; i++) {
      coldDistinct.push((await endpoint(`user:default/dist-${i + 1}`)).time);
    }
    const heapDistinct = heap();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push((await endpoint('user:default/cond-0')).time);
    }
    const withRefs = await fetch(
      `${base}/api/tech-stack/adoption?limit=${TEAMS}&include=components`,
      {
        headers: {
          Authorization: mockCredentials.user.header('user:default/refs'),
        },
      },
    ).then(r => r.arrayBuffer());

    // (c) the usage index on its own: a full build into a fresh database, then a refresh
    const benchCatalog = new CatalogClient({
      discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` },
      fetchApi: {
        fetch: (input: any, init?: any) =>
          fetch(input, {
            ...init,
            headers: { ...(init?.headers ?? {}), Authorization: header },
          }),
      },
    });
    const asService = {
      streamEntities: (request: any) => benchCatalog.streamEntities(request),
      getEntitiesByRefs: (request: any) =>
        benchCatalog.getEntitiesByRefs(request),
    } as unknown as CatalogService;
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    const index = new UsageIndex({
      store: new UsageIndexStore(
        await openPluginDatabase(mockServices.database({ knex })),
      ),
      catalog: asService,
      auth: mockServices.auth(),
      logger: quietLogger,
      sources: { tags: true, dependencies: true },
      maxAgeMs: 60_000,
    });
    let t0 = performance.now();
    const built = await index.refresh();
    const buildTime = performance.now() - t0;
    const deltas: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      await index.refresh();
      deltas.push(performance.now() - t0);
    }

    // (b) the browser-side alternative
    let clientBytes = 0;
    // the browser of the caller measured: an allowed user, or one under the
    // same conditional policy (the catalog then applies it to every page)
    let browserHeader = header;
    const client = new CatalogClient({
      discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` },
      fetchApi: {
        fetch: async (input: any, init?: any) => {
          const r = await fetch(input, {
            ...init,
            headers: {
              ...(init?.headers ?? {}),
              Authorization: browserHeader,
            },
          });
          const buffer = await r.arrayBuffer();
          clientBytes += buffer.byteLength;
          return new Response(buffer, { status: r.status, headers: r.headers });
        },
      },
    });
    const fetchAll = async (kind: string, fields: string[]) => {
      const items: Entity[] = [];
      for await (const page of client.streamEntities({
        filter: { kind },
        fields,
        pageSize: 1000,
      })) {
        items.push(...page);
      }
      return items;
    };
    const browser = async () => {
      clientBytes = 0;
      const t0 = performance.now();
      const [technologies, components, groups, resources] = await Promise.all([
        fetchAll('technology', [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.ring',
          'spec.layers',
          'spec.aliases',
          'spec.ringReason',
        ]),
        fetchAll('component', [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'metadata.tags',
          'spec.owner',
          'spec.type',
          'relations',
        ]),
        fetchAll('group', [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.type',
          'spec.children',
          'spec.parent',
          'relations',
        ]),
        fetchAll('resource', [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.tags',
        ]),
      ]);
      const snapshot = UsageSnapshot.fromEntities(
        { technologies, components, groups, resources },
        { tags: true, dependencies: true },
      );
      const result = buildAdoption(snapshot, {
        limit: TEAMS,
        offset: 0,
        sort: 'total',
        includeComponents: false,
      });
      return { time: performance.now() - t0, bytes: clientBytes, result };
    };
    await browser();
    const client_: number[] = [];
    let browserBytes = 0;
    let browserResult: any;
    for (let i = 0; i < RUNS; i++) {
      const run = await browser();
      client_.push(run.time);
      browserBytes = run.bytes;
      browserResult = run.result;
    }
    // the same for a caller under the conditional policy: one that sees
    // what the cond-* callers see, and dist-* callers who each see other
    // entities (new ones, as the endpoint's were)
    const browserOf = async (user: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        browserHeader = mockCredentials.user.header(user(i));
        times.push((await browser()).time);
      }
      browserHeader = header;
      return times;
    };
    const clientConditional = await browserOf(i => `user:default/cond-b${i}`);
    const clientDistinct = await browserOf(
      i => `user:default/dist-${CALLERS + 1 + i}`,
    );

    const same =
      JSON.stringify(browserResult.totals) ===
      JSON.stringify(endpointBody.totals);
    const e = median(cold);
    const ec = median(coldConditional);
    const ed = median(coldDistinct);
    const w = median(warm);
    const b = median(client_);
    const bc = median(clientConditional);
    const bd = median(clientDistinct);
    const mib = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;
    console.log('');
    console.log(
      `Catalog: ${COMPONENTS} components, ${TEAMS} teams (+${DEPARTMENTS} departments), ${TECHNOLOGIES} technologies, ${
        TEAMS * 2
      } resources`,
    );
    console.log(
      `Totals: ${JSON.stringify(
        endpointBody.totals,
      )} (browser agrees: ${same}; a conditional caller sees ${
        conditionalBody.totals.components
      } components)`,
    );
    console.log(
      `(a) endpoint, cold, new caller allowed the whole catalog: ${ms(
        e,
      )} median of ${CALLERS}, ${kb(endpointBytes)}`,
    );
    console.log(
      `    endpoint, cold, new caller under a conditional policy: ${ms(
        ec,
      )} median of ${CALLERS}`,
    );
    console.log(
      `    endpoint, cold, new caller, each seeing other entities: ${ms(
        ed,
      )} median of ${CALLERS}`,
    );
    console.log(
      `    endpoint, warm (same caller):                          ${ms(
        w,
      )} median of ${RUNS}`,
    );
    console.log(
      `    endpoint with include=components:                      ${kb(
        withRefs.byteLength,
      )}`,
    );
    console.log(
      `(b) catalog-client over HTTP + JS aggregation:             ${ms(
        b,
      )} median of ${RUNS}, ${kb(browserBytes)}`,
    );
    console.log(
      `    the same, as a caller under the conditional policy:     ${ms(
        bc,
      )} (seeing what cond-* see), ${ms(bd)} (dist-*) median of ${RUNS}`,
    );
    console.log(
      `(c) usage index: full build ${ms(buildTime)} (${
        built.fetched
      } entities read, ${
        built.computed
      } usages computed); refresh with nothing changed ${ms(
        median(deltas),
      )} median of ${RUNS}`,
    );
    console.log(
      (global as { gc?: unknown }).gc
        ? `(d) heap growth after GC: ${mib(
            heapAllowed - heapBefore,
          )} for ${CALLERS} allowed callers, ${mib(
            heapConditional - heapAllowed,
          )} more for ${CALLERS} conditional callers seeing the same, ${mib(
            heapDistinct - heapConditional,
          )} more for ${CALLERS} seeing each other entities (target < 200 MiB)`
        : '(d) heap growth: run node with --expose-gc to measure',
    );
    console.log(
      `Ratios: cold ${(b / e).toFixed(1)}x faster (allowed), ${(b / ec).toFixed(
        1,
      )}x (conditional, same view), ${(b / ed).toFixed(
        1,
      )}x (conditional, each its own) against the allowed browser; ${(
        bc / ec
      ).toFixed(1)}x (same view), ${(bd / ed).toFixed(
        1,
      )}x (each its own) against the browser of a caller under the same policy (target >= 5x); warm ${(
        b / w
      ).toFixed(0)}x (target <= 40 ms); ${(
        browserBytes / endpointBytes
      ).toFixed(1)}x fewer bytes (target <= 300 KB); with component refs ${(
        browserBytes / withRefs.byteLength
      ).toFixed(1)}x`,
    );
  } finally {
    await backend.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
