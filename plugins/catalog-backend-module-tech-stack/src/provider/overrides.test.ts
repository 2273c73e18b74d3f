import { mockServices } from '@backstage/backend-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { TechnologyEntity } from '@techstack/plugin-tech-stack-common';
import { applyOverrides, loadOverrides } from './overrides';

function technology(
  name: string,
  title: string,
  aliases: string[] = [],
): TechnologyEntity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, title },
    spec: {
      ring: 'adopt',
      type: 'tool',
      owner: 'group:default/platform-team',
      aliases,
      layers: [
        { section: 'Data Layer', layer: 'Key-Value', ring: 'adopt' },
        { section: 'Caching', layer: 'Cache', ring: 'trial' },
      ],
    },
  };
}

describe('applyOverrides', () => {
  const entities = [
    technology('redis', 'Redis'),
    technology('apache-kafka', 'Apache Kafka', ['Kafka']),
  ];

  it('moves the ring everywhere and records the reason', () => {
    const { entities: result, warnings } = applyOverrides(entities, [
      { technology: 'redis', ring: 'hold', reason: 'Licence change' },
      {
        technology: 'kafka',
        description: 'The event backbone',
        links: [{ url: 'https://kafka.apache.org' }],
      },
    ]);
    expect(warnings).toEqual([]);
    expect(result[0].spec).toMatchObject({
      ring: 'hold',
      ringReason: 'Licence change',
      layers: [{ ring: 'hold' }, { ring: 'hold' }],
    });
    expect(result[1].spec.description).toBe('The event backbone');
    expect(result[1].metadata.links).toEqual([
      { url: 'https://kafka.apache.org' },
    ]);
    // the input is left alone
    expect(entities[0].spec.ring).toBe('adopt');
  });

  it('matches refs and titles, case-insensitively', () => {
    const { entities: result } = applyOverrides(entities, [
      { technology: 'technology:default/apache-kafka', ring: 'assess' },
      { technology: 'REDIS', ring: 'trial' },
    ]);
    expect(result.map(e => e.spec.ring)).toEqual(['trial', 'assess']);
  });

  it('warns about unknown technologies, suggesting close names', () => {
    const { entities: result, warnings } = applyOverrides(entities, [
      { technology: 'Rediss', ring: 'hold' },
    ]);
    expect(result.map(e => e.spec.ring)).toEqual(['adopt', 'adopt']);
    expect(warnings).toEqual([
      "Override for unknown technology 'Rediss' ignored; did you mean Redis?",
    ]);
  });
});

describe('loadOverrides', () => {
  const dir = createMockDirectory();
  const urlReader = mockServices.urlReader.mock();

  it('reads a YAML file target', async () => {
    dir.setContent({
      'overrides.yaml':
        '- technology: Redis\n  ring: hold\n  reason: Licence\n',
    });
    await expect(
      loadOverrides(
        { type: 'target', target: dir.resolve('overrides.yaml') },
        urlReader,
      ),
    ).resolves.toEqual([
      { technology: 'Redis', ring: 'hold', reason: 'Licence' },
    ]);
  });

  it('names the file and key of a bad override', async () => {
    dir.setContent({
      'overrides.yaml': '- technology: Redis\n  ring: never\n',
    });
    await expect(
      loadOverrides(
        { type: 'target', target: dir.resolve('overrides.yaml') },
        urlReader,
      ),
    ).rejects.toThrow(/overrides\.yaml\[0\]\.ring/);
  });

  it('fails clearly when the file is missing', async () => {
    await expect(
      loadOverrides(
        { type: 'target', target: dir.resolve('missing.yaml') },
        urlReader,
      ),
    ).rejects.toThrow(/missing\.yaml does not exist/);
  });
});
