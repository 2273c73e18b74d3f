import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  LunrSearchEngine,
  TestPipeline,
} from '@backstage/plugin-search-backend-node';
import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createTechStackEntityTransformer } from './techStackEntityTransformer';

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);

const others: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'orders', description: 'Takes the orders' },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'platform' },
    spec: { type: 'team', profile: { displayName: 'Platform Team' } },
  },
];

/**
 * Backstage's default engine (Lunr) over the documents the catalog collator
 * would make of the seed guide's technologies and two other entities. Lunr
 * takes its fields from the first document indexed: both orders are tried.
 */
async function searchEngine(technologiesFirst: boolean) {
  const technologies = guideToTechnologyEntities(
    parseGuide(await fs.readFile(SEED_GUIDE, 'utf8')),
    { owner: 'group:default/platform', guideId: 'main' },
  );
  const entities = technologiesFirst
    ? [...technologies, ...others]
    : [...others, ...technologies];
  const transform = createTechStackEntityTransformer();
  const engine = new LunrSearchEngine({ logger: mockServices.logger.mock() });
  await TestPipeline.fromIndexer(await engine.getIndexer('software-catalog'))
    .withDocuments(
      entities.map(entity => ({
        ...transform(entity),
        location: `/catalog/default/${entity.kind}/${entity.metadata.name}`,
      })),
    )
    .execute();
  return async (term: string) => {
    const { results } = await engine.query({ term });
    return results.map(r => r.document.title);
  };
}

describe.each([
  ['technologies first', true],
  ['other entities first', false],
])('Lunr finds Technologies (%s)', (_, technologiesFirst) => {
  let search: (term: string) => Promise<string[]>;
  beforeAll(async () => {
    search = await searchEngine(technologiesFirst);
  });

  it('by any alias, in any case', async () => {
    for (const term of ['WandB', 'wandb', 'WANDB', 'W&B']) {
      expect((await search(term))[0]).toBe('Weights & Biases');
    }
    expect((await search('Kafka'))[0]).toBe('Apache Kafka');
    expect((await search('Postgres'))[0]).toBe('PostgreSQL');
  });

  it('by name', async () => {
    expect((await search('Weights & Biases'))[0]).toBe('Weights & Biases');
  });

  it('by layer, group and section', async () => {
    expect((await search('Experiment')).slice(0, 2).sort()).toEqual([
      'MLflow',
      'Weights & Biases',
    ]);
    expect(await search('MLOps')).toEqual(
      expect.arrayContaining(['MLflow', 'Weights & Biases', 'Ray']),
    );
    const observability = await search('Observability');
    expect(observability).toEqual(
      expect.arrayContaining(['Prometheus', 'Grafana']),
    );
  });

  it('and still finds the other entities', async () => {
    expect(await search('orders')).toContain('orders');
    expect(await search('Platform Team')).toContain('platform');
  });
});
