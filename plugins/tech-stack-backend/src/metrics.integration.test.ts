import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { metrics } from '@opentelemetry/api';
import { Histogram, InstrumentType } from '@opentelemetry/sdk-metrics';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  createInMemoryMetrics,
  pointsOf,
} from '@internal/tech-stack-test-utils';
import { techStackPlugin } from './plugin';

jest.setTimeout(90_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations: { techstack.dev/uses: "Redis, PostgreSQL" }
spec: { type: service, lifecycle: production, owner: payments }
`;

/** Backstage's default metrics service names the meter after the plugin. */
const SCOPE = 'backstage-plugin-tech-stack';
const METRIC = 'techstack.http.server.request.duration';

describe('request metrics of the tech-stack API (real backend, OpenTelemetry in memory)', () => {
  const dir = createMockDirectory();
  const memory = createInMemoryMetrics();
  let backend: TestBackend;

  const api = async (pathname: string) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    await response.text();
    return { status: response.status };
  };

  /** The routes' request counts by route and status, once `count` requests are in. */
  const requestCounts = async (count: number) => {
    for (let attempt = 0; ; attempt++) {
      const metric = (await memory.collect(SCOPE)).get(METRIC);
      const counts = new Map<string, number>();
      for (const point of pointsOf(metric)) {
        const key = `${point.attributes['http.route']} ${point.attributes['http.response.status_code']}`;
        counts.set(
          key,
          (counts.get(key) ?? 0) + (point.value as Histogram).count,
        );
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      if (total >= count || attempt === 40) {
        return { metric, counts: Object.fromEntries(counts) };
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    // before the backend starts: the metrics service takes its meter from the
    // global provider when the plugin initialises
    if (!metrics.setGlobalMeterProvider(memory.provider)) {
      throw new Error('another global meter provider is registered');
    }
    dir.setContent({
      'guide.md': await fs.readFile(SEED_GUIDE, 'utf8'),
      'org.yaml': ORG,
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        techStackPlugin,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              radar: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await memory.shutdown();
    metrics.disable();
  });

  it('records the duration of the radar, adoption, compliance and stack requests', async () => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const { status } = await api(
        '/api/catalog/entities/by-name/component/default/orders',
      );
      if (status === 200) break;
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    expect((await api('/api/tech-stack/radar')).status).toBe(200);
    expect((await api('/api/tech-stack/adoption')).status).toBe(200);
    expect((await api('/api/tech-stack/adoption?limit=0')).status).toBe(400);
    expect((await api('/api/tech-stack/compliance')).status).toBe(200);
    expect(
      (await api('/api/tech-stack/stack?entityRef=component:default/orders'))
        .status,
    ).toBe(200);
    expect(
      (await api('/api/tech-stack/stack?entityRef=component:default/gone'))
        .status,
    ).toBe(404);
    expect((await api('/api/tech-stack/nope')).status).toBe(404);

    const { metric, counts } = await requestCounts(6);
    expect(metric?.descriptor).toMatchObject({
      name: METRIC,
      type: InstrumentType.HISTOGRAM,
      unit: 's',
    });
    expect(counts).toEqual({
      '/api/tech-stack/radar 200': 1,
      '/api/tech-stack/adoption 200': 1,
      '/api/tech-stack/adoption 400': 1,
      '/api/tech-stack/compliance 200': 1,
      '/api/tech-stack/stack 200': 1,
      '/api/tech-stack/stack 404': 1,
    });
    for (const point of pointsOf(metric)) {
      expect(point.attributes['http.request.method']).toBe('GET');
      expect(point.attributes['error.type']).toBeUndefined();
      const { count, sum } = point.value as Histogram;
      expect(sum! / count).toBeGreaterThan(0);
      expect(sum! / count).toBeLessThan(30);
    }
  });
});
