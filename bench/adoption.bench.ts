/*
 * Adoption benchmark of the Tech Stack backend.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/adoption.bench.ts [components]
 *
 * Generates (deterministically) a catalog of 10,000 components (default)
 * owned by 200 teams (under 10 departments) using 300 technologies through
 * the annotation, tags and resource dependencies; starts the REAL catalog once
 * (in-memory SQLite, our catalog module, our backend plugin), waits for the
 * ingest (progress printed), then measures against that one catalog:
 *   (a) GET /api/tech-stack/adoption?limit=200 — cold: every call by a new
 *       user, so the per-caller cache never helps; and warm (same caller);
 *   (b) the browser-side alternative: @backstage/catalog-client over HTTP
 *       fetching every component, group, resource and technology with the
 *       fields the browser needs, then aggregating in JS (same algorithm).
 * Prints times (median of RUNS), response bytes and the ratios.
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
import { UsageSnapshot } from '../plugins/tech-stack-backend/src/service/adoption/UsageSnapshot';
import { buildAdoption } from '../plugins/tech-stack-backend/src/service/adoption/buildAdoption';

const COMPONENTS = Number(process.argv[2] ?? 10_000);
const TEAMS = 200;
const DEPARTMENTS = 10;
const TECHNOLOGIES = 300;
const RUNS = 5;
const RINGS = ['adopt', 'trial', 'assess', 'hold'];
const TIMEOUT_MS = 20 * 60_000;

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

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
const ms = (v: number) => `${v.toFixed(0)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(1)} KiB`;

async function main() {
  const entities = generate();
  const dir = createMockDirectory();
  dir.setContent({
    'catalog.yaml': entities.map(e => stringify(e)).join('---\n'),
  });
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
      mockServices.rootConfig.factory({
        data: {
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
            locations: [{ type: 'file', target: dir.resolve('catalog.yaml') }],
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
    // the first call after a big ingest can meet a busy database: retry once
    await endpoint('user:default/warmup').catch(async error => {
      console.log(`warm-up failed, retrying: ${error}`);
      await new Promise(resolve => setTimeout(resolve, 10_000));
      await endpoint('user:default/warmup-2');
    });
    const cold: number[] = [];
    let endpointBytes = 0;
    let endpointBody: any;
    for (let i = 0; i < RUNS; i++) {
      const run = await endpoint(`user:default/bench-${i}`);
      cold.push(run.time);
      endpointBytes = run.bytes;
      endpointBody = JSON.parse(Buffer.from(run.body).toString('utf8'));
    }
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      warm.push((await endpoint('user:default/bench-0')).time);
    }
    const withRefs = await fetch(
      `${base}/api/tech-stack/adoption?limit=${TEAMS}&include=components`,
      {
        headers: {
          Authorization: mockCredentials.user.header('user:default/refs'),
        },
      },
    ).then(r => r.arrayBuffer());

    // (b) the browser-side alternative
    let clientBytes = 0;
    const client = new CatalogClient({
      discoveryApi: { getBaseUrl: async () => `${base}/api/catalog` },
      fetchApi: {
        fetch: async (input: any, init?: any) => {
          const r = await fetch(input, {
            ...init,
            headers: { ...(init?.headers ?? {}), Authorization: header },
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
      const snapshot = new UsageSnapshot(
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

    const same =
      JSON.stringify(browserResult.totals) ===
      JSON.stringify(endpointBody.totals);
    const e = median(cold);
    const w = median(warm);
    const b = median(client_);
    console.log('');
    console.log(
      `Catalog: ${COMPONENTS} components, ${TEAMS} teams (+${DEPARTMENTS} departments), ${TECHNOLOGIES} technologies, ${
        TEAMS * 2
      } resources`,
    );
    console.log(
      `Totals: ${JSON.stringify(
        endpointBody.totals,
      )} (browser agrees: ${same})`,
    );
    console.log(
      `(a) endpoint, cold cache (new caller each run): ${ms(
        e,
      )} median of ${RUNS}, ${kb(endpointBytes)}`,
    );
    console.log(
      `    endpoint, warm cache (same caller):         ${ms(
        w,
      )} median of ${RUNS}`,
    );
    console.log(
      `    endpoint with include=components:           ${kb(
        withRefs.byteLength,
      )}`,
    );
    console.log(
      `(b) catalog-client over HTTP + JS aggregation:  ${ms(
        b,
      )} median of ${RUNS}, ${kb(browserBytes)}`,
    );
    console.log(
      `Ratios: ${(b / e).toFixed(1)}x faster cold (target >= 5x), ${(
        b / w
      ).toFixed(0)}x warm; ${(browserBytes / endpointBytes).toFixed(
        1,
      )}x fewer bytes (target >= 10x); with component refs ${(
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
