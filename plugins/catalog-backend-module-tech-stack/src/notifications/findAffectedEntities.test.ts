import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TechnologyTransition } from './detectTransitions';
import { findAffectedEntities } from './findAffectedEntities';

const transition = (name: string, title: string): TechnologyTransition => ({
  kind: 'hold',
  ref: `technology:default/${name}`,
  name,
  namespace: 'default',
  title,
  aliases: [],
  layers: [],
  basis: 'b',
});

const tech = (name: string, title: string, aliases: string[] = []): Entity => ({
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name, title },
  spec: { ring: 'hold', aliases },
});

function component(
  name: string,
  options: {
    owner?: string;
    uses?: string;
    relations?: string[];
    ownedBy?: string;
    namespace?: string;
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      ...(options.namespace ? { namespace: options.namespace } : {}),
      annotations: options.uses ? { 'techstack.dev/uses': options.uses } : {},
    },
    spec: {
      type: 'service',
      ...(options.owner ? { owner: options.owner } : {}),
    },
    relations: [
      ...(options.relations ?? []).map(targetRef => ({
        type: 'usesTechnology',
        targetRef,
      })),
      ...(options.ownedBy
        ? [{ type: 'ownedBy', targetRef: options.ownedBy }]
        : []),
    ],
  };
}

const technologies = [
  tech('rancher', 'Rancher', ['Rancher Kubernetes']),
  tech('apache-kafka', 'Apache Kafka', ['Kafka']),
  tech('kafka-streams', 'Kafka Streams'),
  tech('eks', 'EKS'),
];

const find = (
  entities: Entity[],
  options: { pageSize?: number; maxEntities?: number } = {},
) =>
  findAffectedEntities({
    catalog: catalogServiceMock({ entities: [...technologies, ...entities] }),
    auth: mockServices.auth(),
    transitions: [
      transition('rancher', 'Rancher'),
      transition('apache-kafka', 'Apache Kafka'),
    ],
    technologies,
    ...options,
  });

const owners = (result: Awaited<ReturnType<typeof find>>, ref: string) =>
  Object.fromEntries(
    [...(result.byTechnology.get(ref) ?? new Map())].map(([owner, list]) => [
      owner,
      list.map((e: { ref: string }) => e.ref),
    ]),
  );

describe('findAffectedEntities', () => {
  it('groups the users of each technology by owner, from relations and from annotations', async () => {
    const result = await find([
      // the relation, and the owner relation
      component('fleet', {
        relations: ['technology:default/rancher'],
        ownedBy: 'group:default/platform',
      }),
      // an annotation whose relation is missing, by alias; owner from spec.owner
      component('edge', { uses: 'Rancher Kubernetes, EKS', owner: 'payments' }),
      // both, for two technologies
      component('billing', {
        uses: 'Kafka, Rancher',
        relations: [
          'technology:default/apache-kafka',
          'technology:default/rancher',
        ],
        ownedBy: 'group:default/payments',
      }),
      // a product sharing a word is not the technology
      component('streams', { uses: 'Kafka Streams', owner: 'data' }),
      // no owner: nobody to tell
      component('orphan', { uses: 'Rancher' }),
      component('unrelated', { uses: 'EKS', owner: 'data' }),
      component('other-ns', { uses: 'Kafka', owner: 'data', namespace: 'ops' }),
    ]);
    expect(owners(result, 'technology:default/rancher')).toEqual({
      'group:default/platform': ['component:default/fleet'],
      'group:default/payments': [
        'component:default/billing',
        'component:default/edge',
      ],
    });
    expect(owners(result, 'technology:default/apache-kafka')).toEqual({
      'group:default/payments': ['component:default/billing'],
      'group:ops/data': ['component:ops/other-ns'],
    });
    expect(result).toMatchObject({ withoutOwner: 1, truncated: false });
  });

  it('pages through the catalog, and stops at the bound', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      component(`svc-${String(i).padStart(2, '0')}`, {
        uses: 'Rancher',
        owner: 'payments',
      }),
    );
    const all = await find(many, { pageSize: 10 });
    expect(
      owners(all, 'technology:default/rancher')['group:default/payments'],
    ).toHaveLength(25);
    expect(all.scanned).toBe(25);
    expect(all.truncated).toBe(false);

    const bounded = await find(many, { pageSize: 10, maxEntities: 15 });
    expect(bounded.scanned).toBe(15);
    expect(bounded.truncated).toBe(true);
  });

  it('asks nothing without transitions', async () => {
    const catalog = catalogServiceMock.mock();
    const result = await findAffectedEntities({
      catalog,
      auth: mockServices.auth(),
      transitions: [],
      technologies,
    });
    expect(result.byTechnology.size).toBe(0);
    expect(catalog.queryEntities).not.toHaveBeenCalled();
  });
});
