import { Entity } from '@backstage/catalog-model';

/** A Technology entity for tests. */
export function technology(
  name: string,
  title: string,
  ring: string,
  options: { section?: string; aliases?: string[]; ringReason?: string } = {},
): Entity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, namespace: 'default', title },
    spec: {
      ring,
      type: 'tool',
      owner: 'group:default/platform-team',
      layers: [{ section: options.section ?? 'Data', layer: 'L', ring }],
      ...(options.aliases ? { aliases: options.aliases } : {}),
      ...(options.ringReason ? { ringReason: options.ringReason } : {}),
    },
  };
}

/** A Group entity for tests. */
export function group(name: string, parent?: string, children: string[] = []) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title: `Team ${name}` },
    spec: { type: 'team', children, ...(parent ? { parent } : {}) },
  } as Entity;
}

/** A Component entity for tests, with its owner and dependsOn relations. */
export function component(
  name: string,
  owner: string,
  options: { uses?: string; tags?: string[]; dependsOn?: string[] } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      ...(options.uses
        ? { annotations: { 'techstack.dev/uses': options.uses } }
        : {}),
      ...(options.tags ? { tags: options.tags } : {}),
    },
    spec: { type: 'service', lifecycle: 'production', owner },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${owner}` },
      ...(options.dependsOn ?? []).map(target => ({
        type: 'dependsOn',
        targetRef: `resource:default/${target}`,
      })),
    ],
  };
}

/** A Resource entity for tests. */
export function resource(name: string, tags: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default', tags },
    spec: { type: 'database', owner: 'platform-team' },
  };
}

/** A small organisation: a department with two teams, each with components. */
export function exampleEntities(): Entity[] {
  return [
    technology('postgresql', 'PostgreSQL', 'adopt', { aliases: ['Postgres'] }),
    technology('apache-kafka', 'Apache Kafka', 'adopt', {
      section: 'Streaming',
      aliases: ['Kafka'],
    }),
    technology('redis', 'Redis', 'trial'),
    technology('rancher', 'Rancher', 'hold', {
      section: 'Infra',
      ringReason: 'Being phased out',
    }),
    group('engineering', undefined, ['payments', 'data']),
    group('payments', 'engineering'),
    group('data', 'engineering'),
    group('other'),
    resource('orders-db', ['postgresql']),
    resource('events', ['kafka']),
    component('orders', 'payments', {
      uses: 'Postgres, Redis, MySQL',
      dependsOn: ['orders-db'],
    }),
    component('billing', 'payments', { tags: ['kafka', 'java'] }),
    component('pipeline', 'data', { dependsOn: ['events'] }),
    component('clusters', 'engineering', {
      uses: 'technology:default/rancher',
    }),
    component('misc', 'other', { uses: 'Redis' }),
  ];
}
