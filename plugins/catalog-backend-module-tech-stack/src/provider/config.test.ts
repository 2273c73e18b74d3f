import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_GUIDE_SCHEDULE,
  parseOverrides,
  readTechStackConfig,
} from './config';

const read = (techStack: unknown) =>
  readTechStackConfig(new ConfigReader({ techStack } as any));

describe('readTechStackConfig', () => {
  it('defaults owner and schedule', () => {
    const config = read({ guides: [{ id: 'main', target: './guide.md' }] });
    expect(config.owner).toBe('group:default/platform-team');
    expect(config.guides).toEqual([
      {
        id: 'main',
        target: './guide.md',
        owner: 'group:default/platform-team',
        schedule: DEFAULT_GUIDE_SCHEDULE,
      },
    ]);
    expect(readTechStackConfig(new ConfigReader({})).guides).toEqual([]);
  });

  it('lets a guide owner win over techStack.owner, normalising refs', () => {
    const config = read({
      owner: 'architecture',
      guides: [
        { id: 'a', target: 'https://example.com/a.md' },
        { id: 'b', target: './b.md', owner: 'group:data/data-team' },
      ],
    });
    expect(config.guides.map(g => g.owner)).toEqual([
      'group:default/architecture',
      'group:data/data-team',
    ]);
  });

  it('reads a schedule, global by default', () => {
    const [guide] = read({
      guides: [
        {
          id: 'a',
          target: './a.md',
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
        },
      ],
    }).guides;
    expect(guide.schedule).toEqual({
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
      scope: 'global',
    });
  });

  it.each([
    [{ guides: [{ target: './a.md' }] }, /techStack\.guides\[0\]\.id/],
    [{ guides: [{ id: 'a' }] }, /techStack\.guides\[0\]\.target/],
    [
      { guides: [{ id: 'bad id!', target: 'x' }] },
      /techStack\.guides\[0\]\.id/,
    ],
    [
      {
        guides: [
          { id: 'a', target: 'x' },
          { id: 'a', target: 'y' },
        ],
      },
      /techStack\.guides\[1\]\.id.*more than once/,
    ],
    [
      { guides: [{ id: 'a', target: 'x', schedule: { frequency: 'often' } }] },
      /techStack\.guides\[0\]\.schedule/,
    ],
    [
      { guides: [{ id: 'a', target: 'x', owner: 'group:' }] },
      /techStack\.guides\[0\]\.owner/,
    ],
    [{ owner: 'a:b:c/d/e' }, /techStack\.owner/],
    [{ defaultRing: 'later' }, /techStack\.defaultRing.*adopt, trial/],
    [{ aliases: { Kafka: 'Apache Kafka' } }, /techStack\.aliases\.Kafka/],
    [{ columnRings: { Notes: 'maybe' } }, /techStack\.columnRings\.Notes/],
    [{ overrides: 'redis' }, /techStack\.overrides/],
    [{ overrides: { target: 'x', extra: 1 } }, /techStack\.overrides\.extra/],
    [
      { overrides: [{ technology: 'Redis', ring: 'soon' }] },
      /techStack\.overrides\[0\]\.ring/,
    ],
  ])('rejects bad config %j naming the key', (techStack, pattern) => {
    expect(() => read(techStack)).toThrow(pattern);
  });

  it('reads the parser timeout and the drop share, leaving defaults to the provider', () => {
    expect(read({})).not.toHaveProperty('parserTimeout');
    expect(read({})).not.toHaveProperty('maxDropShare');
    expect(
      read({
        parser: { timeout: { seconds: 5 } },
        ingestion: { maxDropShare: 0 },
      }),
    ).toMatchObject({ parserTimeout: { seconds: 5 }, maxDropShare: 0 });
    expect(read({ parser: { timeout: 'PT1M' } }).parserTimeout).toEqual({
      minutes: 1,
    });
  });

  it('rejects a wrong parser timeout or drop share, naming the key', () => {
    for (const timeout of [
      'soon',
      { seconds: 0 },
      { hours: 2 },
      { sekonds: 3 },
    ]) {
      expect(() => read({ parser: { timeout } })).toThrow(
        "Invalid config at 'techStack.parser.timeout'",
      );
    }
    for (const maxDropShare of [-0.1, 1.5, '0.3']) {
      expect(() => read({ ingestion: { maxDropShare } })).toThrow(
        "Invalid config at 'techStack.ingestion.maxDropShare'",
      );
    }
  });

  it('reads overrides inline or as a target', () => {
    expect(
      read({ overrides: [{ technology: 'Redis', ring: 'hold', reason: 'x' }] })
        .overrides,
    ).toEqual({
      type: 'inline',
      overrides: [{ technology: 'Redis', ring: 'hold', reason: 'x' }],
    });
    expect(
      read({ overrides: { target: './overrides.yaml' } }).overrides,
    ).toEqual({ type: 'target', target: './overrides.yaml' });
  });
});

describe('parseOverrides', () => {
  it('validates every field, naming it', () => {
    expect(() => parseOverrides([{ ring: 'hold' }], 'f')).toThrow(
      /f\[0\]\.technology/,
    );
    expect(() =>
      parseOverrides([{ technology: 'Redis', links: [{ title: 'x' }] }], 'f'),
    ).toThrow(/f\[0\]\.links\[0\]\.url/);
    expect(() =>
      parseOverrides([{ technology: 'Redis', rng: 'hold' }], 'f'),
    ).toThrow(/f\[0\]\.rng/);
    expect(() => parseOverrides([{ technology: 'Redis' }], 'f')).toThrow(
      /changes nothing/,
    );
    expect(
      parseOverrides(
        [
          {
            technology: 'Redis',
            description: 'Cache',
            links: [{ url: 'https://redis.io', title: 'Redis' }],
          },
        ],
        'f',
      ),
    ).toEqual([
      {
        technology: 'Redis',
        description: 'Cache',
        links: [{ url: 'https://redis.io', title: 'Redis' }],
      },
    ]);
  });
});
