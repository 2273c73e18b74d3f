import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { searchModuleTechStack } from './module';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(120_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform, title: Platform }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: orders, description: Takes the orders }
spec: { type: service, lifecycle: production, owner: platform }
`;

/** The task of the search backend that indexes the catalog collator's documents. */
const SEARCH_INDEX_TASK = 'search_index_software_catalog';

type SearchResult = {
  type: string;
  document: Record<string, any>;
};

describe('search finds Technologies (real catalog, catalog collator and search backend)', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;
  // The test backend's scheduler runs tasks at startup and when triggered
  // (the real one runs the catalog collator every 10 minutes): this module
  // hands the test the search plugin's scheduler.
  let searchScheduler: SchedulerService | undefined;
  const schedulerOfSearch = createBackendModule({
    pluginId: 'search',
    moduleId: 'test-scheduler',
    register({ registerInit }) {
      registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          searchScheduler = scheduler;
        },
      });
    },
  });

  const search = async (term: string): Promise<SearchResult[]> => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}/api/search/query?term=${encodeURIComponent(
        term,
      )}`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    expect(response.status).toBe(200);
    return (await response.json()).results;
  };

  const titles = (results: SearchResult[]) =>
    results.map(r => r.document.title);

  beforeAll(async () => {
    const guide = await fs.readFile(SEED_GUIDE, 'utf8');
    dir.setContent({
      'guide.md': guide,
      'org.yaml': ORG,
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        searchPlugin,
        searchModuleCatalogCollator,
        searchModuleTechStack,
        schedulerOfSearch,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
            },
          },
        }),
      ],
    });
    // the catalog holds every technology of the guide (Rancher on hold) and
    // the component ...
    const technologies = guideToTechnologyEntities(parseGuide(guide), {
      owner: 'group:default/platform',
      guideId: 'main',
    }).length;
    const catalog = async (query: string) => {
      const response = await fetch(
        `http://localhost:${backend.server.port()}/api/catalog/entities/by-query?${query}`,
        { headers: { Authorization: mockCredentials.user.header() } },
      );
      return response.json();
    };
    await waitFor('the catalog', async () => {
      const [all, rancher, orders] = await Promise.all([
        catalog('filter=kind=technology&limit=1'),
        catalog('filter=kind=technology,metadata.name=rancher'),
        catalog('filter=kind=component,metadata.name=orders'),
      ]);
      return all.totalItems === technologies &&
        rancher.items?.[0]?.spec?.ring === 'hold' &&
        orders.items?.length === 1
        ? true
        : undefined;
    });
    // ... when the catalog collator's scheduled task runs
    await searchScheduler!.triggerTask(SEARCH_INDEX_TASK);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('finds a Technology by an alias, with its ring and layers', async () => {
    const [first] = await search('WandB');
    expect(first.type).toBe('software-catalog');
    expect(first.document).toMatchObject({
      title: 'Weights & Biases',
      kind: 'Technology',
      location: '/catalog/default/technology/weights-biases',
      ring: 'trial',
      aliases: ['W&B', 'WandB'],
      layers: [
        {
          section: 'AI/ML Infrastructure',
          group: 'MLOps',
          layer: 'Experiment',
          ring: 'trial',
        },
      ],
    });
    expect(first.document.text).toBe(
      'Also known as W&B, WandB. Ring: trial. ' +
        'Layers: AI/ML Infrastructure › MLOps › Experiment (trial). ' +
        'Sections: AI/ML Infrastructure.',
    );
    expect(titles(await search('wandb'))[0]).toBe('Weights & Biases');
    expect(titles(await search('Kafka'))[0]).toBe('Apache Kafka');
  });

  it('finds Technologies by layer and by section', async () => {
    expect(
      titles(await search('Experiment'))
        .slice(0, 2)
        .sort(),
    ).toEqual(['MLflow', 'Weights & Biases']);
    const observability = await search('Observability');
    expect(titles(observability)).toEqual(
      expect.arrayContaining(['Prometheus', 'Grafana']),
    );
    const prometheus = observability.find(
      r => r.document.title === 'Prometheus',
    );
    expect(prometheus?.document.layers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ section: 'Observability' }),
      ]),
    );
  });

  it('carries the ring reason of an override', async () => {
    const [rancher] = await search('Rancher');
    expect(rancher.document).toMatchObject({
      title: 'Rancher',
      ring: 'hold',
      ringReason: 'Phased out',
    });
    expect(rancher.document.text).toContain('Ring: hold — Phased out.');
  });

  it('leaves other entities as the default transformer makes them', async () => {
    const [orders] = await search('orders');
    expect(orders.document).toEqual({
      title: 'orders',
      text: 'Takes the orders',
      componentType: 'service',
      type: 'service',
      namespace: 'default',
      kind: 'Component',
      lifecycle: 'production',
      owner: 'platform',
      location: '/catalog/default/component/orders',
    });
  });
});
