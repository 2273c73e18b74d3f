import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { validateTechnologySpec } from '../entity';
import { CliIo, runCli } from './run';

const SEED = resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);

function fakeIo(overrides: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    readFile: async path => {
      if (path === 'seed.md') return readFileSync(SEED);
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    fetch: async () =>
      new Response('# Remote\n## S\n| L | Tools |\n|---|---|\n| x | Redis |\n'),
    ...overrides,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('runCli', () => {
  it('prints the model as JSON and warnings to stderr, one line each', async () => {
    const { io, stdout, stderr } = fakeIo();
    expect(await runCli(['parse', 'seed.md'], io)).toBe(0);
    const model = JSON.parse(stdout());
    expect(model.title).toBe('🛠️ Technology Stack Guide');
    expect(model.warnings).toHaveLength(5);
    const lines = stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      'line 131: diagram node "Producers" is a generic name, not a technology; not placed',
    );
  });

  it('prints Technology entities as multi-document YAML', async () => {
    const { io, stdout } = fakeIo();
    expect(
      await runCli(
        [
          'parse',
          'seed.md',
          '--format',
          'catalog-yaml',
          '--owner',
          'group:default/arch',
        ],
        io,
      ),
    ).toBe(0);
    const docs = parseAllDocuments(stdout()).map(doc => doc.toJS());
    expect(docs).toHaveLength(106);
    for (const entity of docs) {
      expect(entity.kind).toBe('Technology');
      expect(validateTechnologySpec(entity.spec)).toEqual([]);
      expect(entity.spec.owner).toBe('group:default/arch');
      expect(entity.metadata.annotations['techstack.dev/guide']).toBe('seed');
    }
    expect(
      docs.find(d => d.metadata.name === 'postgresql').metadata.annotations[
        'techstack.dev/source-location'
      ],
    ).toBe('seed.md#L23');
  });

  it('prints tech radar JSON', async () => {
    const { io, stdout } = fakeIo();
    expect(
      await runCli(
        [
          'parse',
          'seed.md',
          '--format=tech-radar-json',
          '--date',
          '2024-06-01',
        ],
        io,
      ),
    ).toBe(0);
    const radar = JSON.parse(stdout());
    expect(radar.quadrants).toHaveLength(7);
    expect(radar.entries[0].timeline[0].date).toBe('2024-06-01');
  });

  it('reads URLs through fetch', async () => {
    const { io, stdout } = fakeIo();
    expect(await runCli(['parse', 'https://example.com/guide.md'], io)).toBe(0);
    expect(JSON.parse(stdout()).technologies[0].title).toBe('Redis');
  });

  it.each([
    [{}, ['parse', 'missing.md'], 'tech-stack: no such file: missing.md\n'],
    [
      {
        fetch: async () =>
          new Response('nope', { status: 404, statusText: 'Not Found' }),
      },
      ['parse', 'https://example.com/x.md'],
      'tech-stack: HTTP 404 Not Found fetching https://example.com/x.md\n',
    ],
    [
      { fetch: async () => Promise.reject(new TypeError('fetch failed')) },
      ['parse', 'https://example.invalid/x.md'],
      'tech-stack: cannot fetch https://example.invalid/x.md: fetch failed\n',
    ],
    [
      {
        readFile: async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      },
      ['parse', 'image.png'],
      'tech-stack: input looks binary (contains NUL bytes), not a markdown guide\n',
    ],
    [
      { readFile: async () => new Uint8Array(6 * 1024 * 1024).fill(0x61) },
      ['parse', 'big.md'],
      'tech-stack: input is too big: 6291456 bytes (limit 5242880)\n',
    ],
  ])(
    'fails with one line on unreadable input (%#)',
    async (overrides, argv, message) => {
      const { io, stdout, stderr } = fakeIo(overrides as Partial<CliIo>);
      expect(await runCli(argv, io)).toBe(1);
      expect(stderr()).toBe(message);
      expect(stdout()).toBe('');
    },
  );

  it('prints usage for --help and exits 2 on bad arguments', async () => {
    const help = fakeIo();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('Usage: yarn tech-stack parse');
    const bad = fakeIo();
    expect(await runCli(['parse', 'x', '--format', 'xml'], bad.io)).toBe(2);
    expect(bad.stderr().trimEnd().split('\n')).toHaveLength(1);
  });

  it('decodes Windows-1252 files', async () => {
    const { io, stdout } = fakeIo({
      readFile: async () =>
        new Uint8Array([...Buffer.from('# Caf'), 0xe9, ...Buffer.from('\n')]),
    });
    expect(await runCli(['parse', 'x.md'], io)).toBe(0);
    expect(JSON.parse(stdout()).title).toBe('Café');
  });
});
