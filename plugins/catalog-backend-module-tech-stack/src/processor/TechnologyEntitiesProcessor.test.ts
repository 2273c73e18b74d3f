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
