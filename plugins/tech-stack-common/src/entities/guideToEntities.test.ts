import { readFileSync } from 'fs';
import { resolve } from 'path';
import fc from 'fast-check';
import { validateTechnologySpec } from '../entity';
import { parseGuide } from '../parser/parseGuide';
import {
  guideToTechnologyEntities,
  guideToTechRadarJson,
} from './guideToEntities';
import { guideDocument } from '../parser/__testUtils__/arbitraries';

const seed = parseGuide(
  readFileSync(
    resolve(__dirname, '../../../../examples/technology-stack-guide.md'),
    'utf8',
  ),
);
const options = { owner: 'group:default/platform', guideId: 'main' };

describe('guideToTechnologyEntities', () => {
  const entities = guideToTechnologyEntities(seed, {
    ...options,
    sourceLocation: 'https://github.com/org/repo/blob/main/guide.md',
    namespace: 'tech',
  });

  it('creates one valid entity per technology', () => {
    expect(entities).toHaveLength(seed.technologies.length);
    for (const entity of entities) {
      expect(validateTechnologySpec(entity.spec)).toEqual([]);
      expect(entity.apiVersion).toBe('techstack.dev/v1alpha1');
      expect(entity.kind).toBe('Technology');
    }
  });

  it('fills metadata and spec from the model', () => {
    const kafka = entities.find(e => e.metadata.name === 'apache-kafka')!;
    expect(kafka.metadata).toEqual({
      name: 'apache-kafka',
      namespace: 'tech',
      title: 'Apache Kafka',
      annotations: {
        'techstack.dev/guide': 'main',
        'techstack.dev/source-location':
          'https://github.com/org/repo/blob/main/guide.md#L33',
      },
    });
    expect(kafka.spec).toEqual({
      ring: 'adopt',
      layers: [
        {
          section: 'Data Layer',
          group: 'Analytical Databases',
          layer: 'Real-time',
          ring: 'adopt',
          line: 33,
        },
        {
          section: 'Event-Driven Architecture',
          layer: 'Event-Driven Architecture',
          ring: 'trial',
          line: 131,
        },
        {
          section: 'Event-Driven Architecture',
          layer: 'Message Broker',
          ring: 'trial',
          line: 140,
        },
        {
          section: 'Event-Driven Architecture',
          layer: 'Event Store',
          ring: 'trial',
          line: 142,
        },
      ],
      aliases: ['Kafka'],
      type: 'tool',
      owner: 'group:default/platform',
    });
    const langchain = entities.find(e => e.metadata.name === 'langchain')!;
    expect(langchain.metadata.description).toBe('RAG, chains, general AI apps');
    expect(langchain.spec.description).toBe('RAG, chains, general AI apps');
  });

  it('writes links and omits the source location when not given', () => {
    const model = parseGuide(
      '# T\n## S\n| L | Tools |\n|---|---|\n| x | [Redis](https://redis.io) |\n',
    );
    const [redis] = guideToTechnologyEntities(model, options);
    expect(redis.metadata.links).toEqual([
      { url: 'https://redis.io', title: 'Redis' },
    ]);
    expect(redis.metadata.annotations).toEqual({
      'techstack.dev/guide': 'main',
    });
    expect(redis.spec.aliases).toBeUndefined();
  });

  it('rejects an empty owner', () => {
    expect(() =>
      guideToTechnologyEntities(seed, { owner: ' ', guideId: 'x' }),
    ).toThrow('owner');
  });

  it('produces valid specs for arbitrary guides', () => {
    fc.assert(
      fc.property(guideDocument(), text => {
        const model = parseGuide(text);
        for (const entity of guideToTechnologyEntities(model, options)) {
          expect(validateTechnologySpec(entity.spec)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('guideToTechRadarJson', () => {
  const radar = guideToTechRadarJson(seed, { date: '2024-06-01' });

  it('has one quadrant per section and the four rings', () => {
    expect(radar.title).toBe('🛠️ Technology Stack Guide');
    expect(radar.quadrants.map(q => q.id)).toEqual([
      'core-infrastructure',
      'data-layer',
      'ai-ml-infrastructure',
      'observability',
      'security',
      'event-driven-architecture',
      'edge-cdn',
    ]);
    expect(radar.rings.map(r => r.id)).toEqual([
      'adopt',
      'trial',
      'assess',
      'hold',
    ]);
    expect(radar.rings.every(r => /^#[0-9A-F]{6}$/.test(r.color))).toBe(true);
  });

  it('has one entry per technology in its best placement section', () => {
    expect(radar.entries).toHaveLength(seed.technologies.length);
    const kafka = radar.entries.find(e => e.key === 'apache-kafka')!;
    expect(kafka).toMatchObject({
      id: 'apache-kafka',
      title: 'Apache Kafka',
      quadrant: 'data-layer',
      timeline: [{ moved: 0, ringId: 'adopt', date: '2024-06-01' }],
    });
    expect(radar.entries.find(e => e.key === 'cloudflare')!.quadrant).toBe(
      'core-infrastructure',
    );
  });

  it('takes the date from front matter when not given', () => {
    const model = parseGuide(
      '---\ndate: 2023-03-04\n---\n# T\n## S\n- Redis\n',
    );
    expect(guideToTechRadarJson(model).entries[0].timeline[0].date).toBe(
      '2023-03-04',
    );
  });
});
