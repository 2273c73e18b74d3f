import {
  guideToTechnologyEntities,
  parseGuide,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  MAX_TECHNOLOGY_DOCUMENT_ALIASES,
  MAX_TECHNOLOGY_DOCUMENT_LAYERS,
  MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH,
} from './limits';
import { technologySearchDocument } from './technologySearchDocument';

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);

function technology(
  spec: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): TechnologyEntity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: {
      name: 'weights-biases',
      title: 'Weights & Biases',
      ...metadata,
    },
    spec: {
      ring: 'trial',
      layers: [
        {
          section: 'AI/ML Infrastructure',
          group: 'MLOps',
          layer: 'Experiment',
          ring: 'trial',
          line: 80,
        },
      ],
      aliases: ['W&B', 'WandB'],
      type: 'service',
      owner: 'group:default/platform',
      ...spec,
    },
  } as TechnologyEntity;
}

describe('technologySearchDocument', () => {
  it('makes the document of a technology of the seed guide', async () => {
    const model = parseGuide(await fs.readFile(SEED_GUIDE, 'utf8'));
    const entities = guideToTechnologyEntities(model, {
      owner: 'group:default/platform',
      guideId: 'main',
    });
    const wandb = entities.find(e => e.metadata.title === 'Weights & Biases');
    expect(technologySearchDocument(wandb!)).toEqual({
      title: 'Weights & Biases',
      text:
        'Also known as W&B, WandB. Ring: trial. ' +
        'Layers: AI/ML Infrastructure › MLOps › Experiment (trial). ' +
        'Sections: AI/ML Infrastructure.',
      componentType: 'service',
      type: 'service',
      namespace: 'default',
      kind: 'Technology',
      lifecycle: '',
      owner: 'group:default/platform',
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

    // every layer with its ring, each section once
    const kafka = entities.find(e => e.metadata.name === 'apache-kafka');
    const { text } = technologySearchDocument(kafka!)!;
    expect(text).toContain('Also known as Kafka.');
    expect(text).toContain('Ring: adopt.');
    expect(text).toContain(
      'Layers: Data Layer › Analytical Databases › Real-time (adopt); ' +
        'Event-Driven Architecture (trial); ' +
        'Event-Driven Architecture › Message Broker (trial)',
    );
    expect(text).toContain('Sections: Data Layer, Event-Driven Architecture.');
  });

  it('carries the description and the ring reason', () => {
    const doc = technologySearchDocument(
      technology(
        {
          ring: 'hold',
          ringReason: 'Phased out in favour of the managed services',
        },
        { description: 'Kubernetes cluster management' },
      ),
    );
    expect(doc?.text).toBe(
      'Kubernetes cluster management. Also known as W&B, WandB. ' +
        'Ring: hold — Phased out in favour of the managed services. ' +
        'Layers: AI/ML Infrastructure › MLOps › Experiment (trial). ' +
        'Sections: AI/ML Infrastructure.',
    );
    expect(doc?.ringReason).toBe(
      'Phased out in favour of the managed services',
    );
  });

  it('falls back to the name, and skips aliases that repeat the title or each other', () => {
    const doc = technologySearchDocument(
      technology(
        { aliases: ['weights & biases', 'WandB', 'wandb', '', '  ', 7] },
        { title: undefined, name: 'wandb-server' },
      ),
    );
    expect(doc?.title).toBe('wandb-server');
    expect(doc?.aliases).toEqual(['weights & biases', 'WandB']);
  });

  it('has no document without a valid ring (the default one is used)', () => {
    expect(technologySearchDocument(technology({ ring: 'maybe' }))).toBe(
      undefined,
    );
    expect(
      technologySearchDocument({
        ...technology({}),
        spec: undefined,
      } as unknown as TechnologyEntity),
    ).toBe(undefined);
  });

  it('skips layers it cannot read', () => {
    const doc = technologySearchDocument(
      technology({
        layers: [
          null,
          'Experiment',
          { section: 'Data', layer: 'Cache', ring: 'sometimes' },
          { section: '', layer: 'Cache', ring: 'adopt' },
          { section: 'Data', layer: 'Cache', ring: 'adopt', group: 42 },
        ],
      }),
    );
    expect(doc?.layers).toEqual([
      { section: 'Data', layer: 'Cache', ring: 'adopt' },
    ]);
    expect(doc?.text).toContain('Layers: Data › Cache (adopt).');
  });

  it('has no HTML and no control characters, whatever the entity holds', () => {
    const doc = technologySearchDocument(
      technology(
        {
          aliases: ['<img src=x onerror=alert(1)>W&amp;B', 'Wand\u0000B\u202e'],
          layers: [
            {
              section: '<b>AI</b>',
              group: '<script>alert(1)</script>',
              layer: 'Exp<i>eri</i>ment',
              ring: 'trial',
            },
          ],
          ringReason: '<a href="javascript:alert(1)">why</a>',
          owner: '<svg/onload=alert(1)>',
          type: '<tool>',
        },
        { title: '<h1>Weights</h1> & Biases' },
      ),
    )!;
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/[<>]/);
    expect(json).not.toMatch(/\\u0000|\u202e/);
    expect(doc.title).toBe('Weights & Biases');
    expect(doc.aliases).toEqual(['W&amp;B', 'Wand B']);
    expect(doc.layers).toEqual([
      {
        section: 'AI',
        group: 'alert(1)',
        layer: 'Exp eri ment',
        ring: 'trial',
      },
    ]);
    expect(doc.owner).toBe('');
    expect(doc.type).toBe('other');
  });

  it('stays small for a 5 MB alias list and thousands of huge layers', () => {
    const start = Date.now();
    const huge = 'W'.repeat(5_000_000);
    const doc = technologySearchDocument(
      technology(
        {
          aliases: [
            huge,
            ...Array.from({ length: 500_000 }, (_, i) => `a${i}`),
          ],
          layers: Array.from({ length: 10_000 }, () => ({
            section: huge,
            group: huge,
            layer: huge,
            ring: 'adopt',
          })),
          ringReason: huge,
        },
        { title: 'T'.repeat(5_000_000), description: huge },
      ),
    )!;
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(doc.text.length).toBeLessThanOrEqual(
      MAX_TECHNOLOGY_DOCUMENT_TEXT_LENGTH,
    );
    expect(doc.text.endsWith('…')).toBe(true);
    expect(doc.aliases).toHaveLength(MAX_TECHNOLOGY_DOCUMENT_ALIASES);
    expect(doc.layers).toHaveLength(MAX_TECHNOLOGY_DOCUMENT_LAYERS);
    expect(JSON.stringify(doc).length).toBeLessThan(64 * 1024);
  });
});
