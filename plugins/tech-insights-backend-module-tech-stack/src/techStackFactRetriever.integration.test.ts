import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the test runs the real tech-stack backend
import techStackPlugin from '@techstack/plugin-tech-stack-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { techInsightsModuleTechStack } from './module';
import { techStackFactRetriever } from './techStackFactRetriever';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(90_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments, title: Payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations: { techstack.dev/uses: "Redis, Rancher, FoxDB" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: legacy
  annotations: { techstack.dev/uses: "FoxDB, Cobol Runtime" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: clean
  annotations: { techstack.dev/uses: Redis }
spec: { type: service, lifecycle: production, owner: payments }
`;

/** The config that registers and schedules the retriever. */
const TECH_INSIGHTS_CONFIG = {
  factRetrievers: {
    techStackFactRetriever: { cadence: '0 3 * * *' },
  },
};

/**
 * The scheduler and logger of the test backend as tech insights sees them
 * (the mock scheduler runs a task when triggered), captured by a test module.
 */
function captureServices() {
  const captured: { scheduler?: SchedulerService; logger?: LoggerService } = {};
  const module = createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'test-scheduler',
    register(reg) {
      reg.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          logger: coreServices.logger,
        },
        async init({ scheduler, logger }) {
          captured.scheduler = scheduler;
          captured.logger = logger;
        },
      });
    },
  });
  const scheduler = () => {
    if (!captured.scheduler) throw new Error('backend not started');
    return captured.scheduler;
  };
  const logger = () => {
    if (!captured.logger) throw new Error('backend not started');
    return captured.logger;
  };
  return { module, scheduler, logger };
}

const get = async (backend: TestBackend, pathname: string) => {
  const response = await fetch(
    `http://localhost:${backend.server.port()}${pathname}`,
    { headers: { Authorization: mockCredentials.user.header() } },
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

const latestFacts = (backend: TestBackend, entity: string) =>
  get(
    backend,
    `/api/tech-insights/facts/latest?entity=${encodeURIComponent(
      entity,
    )}&ids[]=techStackFactRetriever`,
  );

describe('techStackFactRetriever (real catalog, tech-stack and tech-insights backends)', () => {
  const dir = createMockDirectory();
  const { module: servicesModule, scheduler } = captureServices();
  let backend: TestBackend;

  beforeAll(async () => {
    dir.setContent({
      'guide.md': await fs.readFile(SEED_GUIDE, 'utf8'),
      'org.yaml': ORG,
    });
    backend = await startTestBackend({
      features: [
        servicesModule,
        catalogPlugin,
        catalogModuleTechStack,
        techStackPlugin,
        techInsightsPlugin,
        techInsightsModuleTechStack,
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
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
            },
            techInsights: TECH_INSIGHTS_CONFIG,
          },
        }),
      ],
    });
    // stitched: the components with their usage relations, Rancher on hold
    await waitFor('the catalog to stitch', async () => {
      const { body } = await get(
        backend,
        '/api/catalog/entities/by-query?filter=kind=component&limit=100',
      );
      const items: any[] = body?.items ?? [];
      const uses = (name: string, technology: string) =>
        items
          .find(e => e.metadata.name === name)
          ?.relations?.some(
            (r: any) =>
              r.type === 'usesTechnology' &&
              r.targetRef === `technology:default/${technology}`,
          );
      const rancher = await get(
        backend,
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=rancher',
      );
      return items.length === 3 &&
        items.every(e => e.relations?.some((r: any) => r.type === 'ownedBy')) &&
        uses('orders', 'rancher') &&
        uses('clean', 'redis') &&
        rancher.body?.items?.[0]?.spec?.ring === 'hold'
        ? true
        : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('is scheduled from techInsights.factRetrievers config', async () => {
    const tasks = await scheduler().getScheduledTasks();
    expect(tasks.map(t => t.id)).toContain('techStackFactRetriever');
    const { status, body } = await get(
      backend,
      '/api/tech-insights/fact-schemas?ids[]=techStackFactRetriever',
    );
    expect(status).toBe(200);
    expect(body).toEqual([
      expect.objectContaining({
        id: 'techStackFactRetriever',
        version: '0.1.0',
        entityFilter: [{ kind: 'component' }],
        holdTechnologies: expect.objectContaining({ type: 'integer' }),
        offGuideTechnologies: expect.objectContaining({ type: 'integer' }),
        holdNames: expect.objectContaining({ type: 'set' }),
        offGuideNames: expect.objectContaining({ type: 'set' }),
      }),
    ]);
  });

  it('stores per component the counts and names of /compliance', async () => {
    await scheduler().triggerTask('techStackFactRetriever');

    const orders = await latestFacts(backend, 'component:default/orders');
    expect(orders.status).toBe(200);
    expect(orders.body.techStackFactRetriever).toMatchObject({
      id: 'techStackFactRetriever',
      entity: { namespace: 'default', kind: 'component', name: 'orders' },
      facts: {
        holdTechnologies: 1,
        offGuideTechnologies: 1,
        holdNames: ['Rancher'],
        offGuideNames: ['FoxDB'],
      },
    });

    const legacy = await latestFacts(backend, 'component:default/legacy');
    expect(legacy.body.techStackFactRetriever.facts).toEqual({
      holdTechnologies: 0,
      offGuideTechnologies: 2,
      holdNames: [],
      offGuideNames: ['Cobol Runtime', 'FoxDB'],
    });

    const clean = await latestFacts(backend, 'component:default/clean');
    expect(clean.body.techStackFactRetriever.facts).toEqual({
      holdTechnologies: 0,
      offGuideTechnologies: 0,
      holdNames: [],
      offGuideNames: [],
    });

    // only components (the retriever's entity filter)
    const group = await latestFacts(backend, 'group:default/payments');
    expect(group.body).toEqual({});
  });
});

describe('techStackFactRetriever without the tech-stack backend', () => {
  const { module: servicesModule, scheduler, logger } = captureServices();
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        servicesModule,
        techInsightsPlugin,
        techInsightsModuleTechStack,
        mockServices.rootConfig.factory({
          data: { techInsights: TECH_INSIGHTS_CONFIG },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('throws a clear error naming the endpoint and its status', async () => {
    const baseUrl = `http://localhost:${backend.server.port()}/api`;
    await expect(
      techStackFactRetriever.handler({
        config: mockServices.rootConfig(),
        discovery: {
          getBaseUrl: async id => `${baseUrl}/${id}`,
          getExternalBaseUrl: async id => `${baseUrl}/${id}`,
        },
        logger: mockServices.logger.mock(),
        auth: mockServices.auth(),
        urlReader: mockServices.urlReader.mock(),
        entityFilter: techStackFactRetriever.entityFilter,
      }),
    ).rejects.toThrow(
      `Tech stack compliance request to ${baseUrl}/tech-stack/compliance; caused by ResponseError: Request failed with 404 Not Found`,
    );
  });

  it('stores no facts (never zeros) when the run fails', async () => {
    const error = jest.spyOn(logger(), 'error');
    await scheduler().triggerTask('techStackFactRetriever');
    expect(error).toHaveBeenCalledWith(
      'Failed to retrieve facts for retriever techStackFactRetriever',
      expect.objectContaining({
        message: expect.stringContaining('Request failed with 404 Not Found'),
      }),
    );
    const { status, body } = await latestFacts(
      backend,
      'component:default/orders',
    );
    expect(status).toBe(200);
    expect(body).toEqual({});
  });
});
