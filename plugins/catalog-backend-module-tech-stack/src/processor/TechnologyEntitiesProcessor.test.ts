import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TechnologyIndex } from './TechnologyIndex';
import { TechnologyEntitiesProcessor } from './TechnologyEntitiesProcessor';

const technology = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name: 'postgresql', title: 'PostgreSQL' },
  spec: {
    ring: 'adopt',
    type: 'tool',
    owner: 'group:default/platform',
    layers: [{ section: 'Data Layer', layer: 'Relational', ring: 'adopt' }],
  },
};

describe('TechnologyEntitiesProcessor', () => {
  const processor = new TechnologyEntitiesProcessor();

  it('claims valid Technology entities', async () => {
    await expect(processor.validateEntityKind(technology)).resolves.toBe(true);
  });

  it('leaves other kinds to other processors', async () => {
    await expect(
      processor.validateEntityKind({ ...technology, kind: 'Component' }),
    ).resolves.toBe(false);
  });

  it('rejects a Technology with a bad ring, naming the field', async () => {
    await expect(
      processor.validateEntityKind({
        ...technology,
        spec: { ...technology.spec, ring: 'later' },
      }),
    ).rejects.toThrow(/spec\.ring/);
  });
});

describe('TechnologyEntitiesProcessor relations', () => {
  const location = { type: 'url', target: 'https://example.com/x.yaml' };
  const component = (uses: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x', annotations: { 'techstack.dev/uses': uses } },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  });
  const index = new TechnologyIndex({
    auth: mockServices.auth(),
    catalog: catalogServiceMock({
      entities: [
        {
          ...technology,
          metadata: { ...technology.metadata, namespace: 'default' },
          spec: { ...technology.spec, aliases: ['Postgres'] },
        },
        // 'x' is already in the catalog; 'newcomer' is not
        {
          ...component('postgres'),
          metadata: { name: 'x', namespace: 'default' },
        },
      ],
    }),
  });
  const processor = new TechnologyEntitiesProcessor({ index });

  it('emits ownership for a Technology', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(technology, location, emit);
    expect(
      emit.mock.calls.map(([r]) => [r.relation.type, r.relation.target]),
    ).toEqual([
      ['ownedBy', { kind: 'group', namespace: 'default', name: 'platform' }],
      [
        'ownerOf',
        { kind: 'Technology', namespace: 'default', name: 'postgresql' },
      ],
    ]);
  });

  it('emits usage relations both ways', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(
      component('postgres, PostgreSQL'),
      location,
      emit,
    );
    expect(emit.mock.calls.map(([r]) => r)).toEqual([
      {
        type: 'relation',
        relation: {
          source: { kind: 'Component', namespace: 'default', name: 'x' },
          type: 'usesTechnology',
          target: {
            kind: 'Technology',
            namespace: 'default',
            name: 'postgresql',
          },
        },
      },
      {
        type: 'relation',
        relation: {
          source: {
            kind: 'Technology',
            namespace: 'default',
            name: 'postgresql',
          },
          type: 'technologyUsedBy',
          target: { kind: 'Component', namespace: 'default', name: 'x' },
        },
      },
    ]);
  });

  it('reports unknown names as an input error with suggestions', async () => {
    const emit = jest.fn();
    await processor.postProcessEntity(
      component('postgres, PostgresQ'),
      location,
      emit,
    );
    const error = emit.mock.calls.map(([r]) => r).find(r => r.type === 'error');
    expect(error.error.name).toBe('InputError');
    expect(error.error.message).toMatch(
      /techstack\.dev\/uses.*'PostgresQ'.*did you mean 'PostgreSQL'/,
    );
  });

  it('keeps a first-time entity with an unknown name, relating it to the technology it names', async () => {
    const emit = jest.fn();
    const newcomer = component('postgres, MySQL');
    newcomer.metadata.name = 'newcomer';
    await processor.postProcessEntity(newcomer, location, emit);
    const results = emit.mock.calls.map(([r]) => r);
    expect(results.find(r => r.type === 'error')).toBeUndefined();
    expect(
      results
        .filter(
          r => r.type === 'relation' && r.relation.type === 'usesTechnology',
        )
        .map(r => r.relation.target.name),
    ).toEqual(['postgresql', 'mysql']);
  });
});

describe('TechnologyEntitiesProcessor usage bounds', () => {
  const location = { type: 'url', target: 'https://example.com/x.yaml' };
  const catalog = catalogServiceMock({
    entities: [
      {
        ...technology,
        metadata: { ...technology.metadata, namespace: 'default' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x', namespace: 'default' },
        spec: {},
      },
    ],
  });
  const index = new TechnologyIndex({ auth: mockServices.auth(), catalog });
  const resolve = jest.spyOn(index, 'resolve');
  const processor = new TechnologyEntitiesProcessor({ index });
  const process = async (uses: string) => {
    const emit = jest.fn();
    await processor.postProcessEntity(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x', annotations: { 'techstack.dev/uses': uses } },
        spec: {},
      },
      location,
      emit,
    );
    return emit.mock.calls.map(([r]) => r);
  };

  beforeEach(() => resolve.mockClear());

  it('reports more than 100 names, naming the limit, and resolves only the first 100', async () => {
    const names = Array.from({ length: 150 }, () => 'PostgreSQL');
    const results = await process(names.join(', '));
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(resolve.mock.calls[0][0]).toHaveLength(100);
    const errors = results.filter(r => r.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].error.message).toBe(
      'Annotation techstack.dev/uses of Component:default/x gives 150 names, above the limit of 100; only the first 100 are used',
    );
    expect(
      results.filter(r => r.type === 'relation').map(r => r.relation.type),
    ).toEqual(['usesTechnology', 'technologyUsedBy']);
  });

  it('reports a name longer than 200 characters, naming the limit, and does not resolve it', async () => {
    const long = 'a'.repeat(5000);
    const results = await process(`PostgreSQL, ${long}`);
    expect(resolve.mock.calls[0][0]).toEqual(['PostgreSQL']);
    const errors = results.filter(r => r.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].error.message).toContain(
      'has a name longer than the limit of 200 characters',
    );
    expect(errors[0].error.message).toContain('5000 characters');
    expect(errors[0].error.message.length).toBeLessThan(400);
  });

  it('accepts exactly 100 names of 200 characters', async () => {
    const name = `PostgreSQL${'-'.repeat(190)}`;
    expect(name).toHaveLength(200);
    const results = await process(
      Array.from({ length: 100 }, () => name).join(','),
    );
    expect(results.filter(r => r.type === 'error')).toEqual([]);
    expect(resolve.mock.calls[0][0]).toHaveLength(100);
  });
});

describe('TechnologyEntitiesProcessor unknown names', () => {
  it('lists each unknown name once, at most 10, cut to 60 characters', async () => {
    const index = new TechnologyIndex({
      auth: mockServices.auth(),
      catalog: catalogServiceMock({
        entities: [
          {
            ...technology,
            metadata: { ...technology.metadata, namespace: 'default' },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'x', namespace: 'default' },
            spec: {},
          },
        ],
      }),
    });
    const names = [
      ...Array.from({ length: 50 }, () => 'Nope'),
      ...Array.from({ length: 20 }, (_, i) => `tool-${i}-${'z'.repeat(150)}`),
    ];
    const emit = jest.fn();
    await new TechnologyEntitiesProcessor({ index }).postProcessEntity(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'x',
          annotations: { 'techstack.dev/uses': names.join(',') },
        },
        spec: {},
      },
      { type: 'url', target: 'https://example.com/x.yaml' },
      emit,
    );
    const [error] = emit.mock.calls
      .map(([r]) => r)
      .filter(r => r.type === 'error');
    expect(error.error.message.match(/'Nope'/g)).toHaveLength(1);
    expect(error.error.message).toContain('and 11 more');
    expect(error.error.message.length).toBeLessThan(1200);
  });
});
