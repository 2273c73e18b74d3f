import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  moduleLoadingArgs,
  parseInWorker,
  ParseTimeoutError,
} from './parseInWorker';

jest.setTimeout(60_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);

const entityOptions = {
  owner: 'group:default/platform-team',
  guideId: 'main',
  sourceLocation: 'guide.md',
};

describe('parseInWorker', () => {
  let seed: string;
  beforeAll(async () => {
    seed = await fs.readFile(SEED_GUIDE, 'utf8');
  });

  it('produces the same entities and warnings as parsing in the main thread', async () => {
    const result = await parseInWorker({
      text: seed,
      parseOptions: { defaultRing: 'assess' },
      entityOptions,
      timeoutMs: 30_000,
    });
    const model = parseGuide(seed, { defaultRing: 'assess' });
    expect(result.entities).toEqual(
      guideToTechnologyEntities(model, entityOptions),
    );
    expect(result.warnings).toEqual(model.warnings);
    expect(result.entities.length).toBeGreaterThan(50);
  });

  it('gives no entities for a guide without technologies', async () => {
    const result = await parseInWorker({
      text: '# Nothing here yet\n',
      parseOptions: {},
      entityOptions,
      timeoutMs: 30_000,
    });
    expect(result.entities).toEqual([]);
  });

  it('passes the parser error through', async () => {
    await expect(
      parseInWorker({
        text: 'x'.repeat(100),
        parseOptions: { maxBytes: 10 },
        entityOptions,
        timeoutMs: 30_000,
      }),
    ).rejects.toThrow(/10/);
  });

  it('stops the worker past the deadline', async () => {
    const error = await parseInWorker({
      text: seed,
      parseOptions: {},
      entityOptions,
      timeoutMs: 1,
    }).catch(e => e);
    expect(error).toBeInstanceOf(ParseTimeoutError);
    expect(error.message).toBe('parsing took longer than the 1 ms allowed');
  });

  it('keeps the event loop answering while a big guide parses', async () => {
    // about 2 MB: a few hundred copies of the seed guide
    const big = seed.repeat(Math.ceil((2 * 1024 * 1024) / seed.length));
    let ticks = 0;
    let ticksAtEnd = 0;
    const interval = setInterval(() => {
      ticks += 1;
    }, 5);
    try {
      const started = ticks;
      const result = await parseInWorker({
        text: big,
        parseOptions: {},
        entityOptions,
        timeoutMs: 120_000,
      });
      ticksAtEnd = ticks - started;
      expect(result.entities.length).toBeGreaterThan(50);
    } finally {
      clearInterval(interval);
    }
    // A parse on the event loop would leave no room for a single tick.
    expect(ticksAtEnd).toBeGreaterThan(1);
  });
});

describe('moduleLoadingArgs', () => {
  it('keeps the options that load modules and drops process-wide ones a Worker refuses', () => {
    expect(
      moduleLoadingArgs([
        '--no-node-snapshot',
        '--require',
        '/x/nodeTransform.cjs',
        '--max-old-space-size=4096',
        '--import=/y/hook.mjs',
        '-C',
        'development',
        '--title',
        'backstage',
      ]),
    ).toEqual([
      '--require',
      '/x/nodeTransform.cjs',
      '--import=/y/hook.mjs',
      '-C',
      'development',
    ]);
  });
});
