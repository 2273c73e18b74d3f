import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { validateTechnologySpec } from '../entity';
import { CliIo, runCli } from './run';

const SEED = resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);
const FIXTURES = resolve(__dirname, '../import/__fixtures__');

const APP_CONFIG = `
app:
  title: Portal
techStack:
  export:
    quadrants:
      - name: Platforms
        sections: [Core Infrastructure, Edge & CDN, Event-Driven Architecture]
      - name: Data & AI
        sections: [Data Layer, AI/ML Infrastructure]
      - name: Operations
        sections: [Observability, Security]
`;

function fakeIo(overrides: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: text => out.push(text),
    stderr: text => err.push(text),
    readFile: async path => {
      if (path === 'seed.md') return readFileSync(SEED);
      if (path === 'app-config.yaml') return Buffer.from(APP_CONFIG);
      if (path === 'empty-config.yaml') return Buffer.from('app: {}\n');
      if (path.startsWith('fixtures/')) {
        return readFileSync(resolve(FIXTURES, path.slice('fixtures/'.length)));
      }
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
    expect(help.stdout()).toContain('Usage: tech-stack parse');
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

  const radarOf = (stdout: string) => JSON.parse(stdout);
  const counts = (radar: any) =>
    radar.quadrants.map(
      (q: any) => radar.entries.filter((e: any) => e.quadrant === q.id).length,
    );

  it('draws the seed in four quadrants with --quadrants 4, balanced by entries', async () => {
    const { io, stdout } = fakeIo();
    expect(
      await runCli(
        ['parse', 'seed.md', '--format', 'tech-radar-json', '--quadrants', '4'],
        io,
      ),
    ).toBe(0);
    const radar = radarOf(stdout());
    expect(radar.quadrants.map((q: any) => q.name)).toEqual([
      'Core Infrastructure',
      'Data Layer',
      'AI/ML Infrastructure',
      'Observability, Security, Event-Driven Architecture, Edge & CDN',
    ]);
    expect(counts(radar)).toEqual([17, 29, 25, 35]);
  });

  it('draws the quadrants of --quadrant-map and of --config', async () => {
    const flag = fakeIo();
    expect(
      await runCli(
        [
          'parse',
          'seed.md',
          '--format=tech-radar-json',
          '--quadrant-map',
          'Core Infrastructure=Platforms;Edge & CDN=Platforms;Event-Driven Architecture=Platforms;' +
            'Data Layer=Data & AI;AI/ML Infrastructure=Data & AI;Observability=Operations;Security=Operations',
        ],
        flag.io,
      ),
    ).toBe(0);
    const config = fakeIo();
    expect(
      await runCli(
        [
          'parse',
          'seed.md',
          '--format=tech-radar-json',
          '--config',
          'app-config.yaml',
        ],
        config.io,
      ),
    ).toBe(0);
    expect(radarOf(config.stdout())).toEqual(radarOf(flag.stdout()));
    const radar = radarOf(flag.stdout());
    expect(radar.quadrants).toEqual([
      { id: 'platforms', name: 'Platforms' },
      { id: 'data-ai', name: 'Data & AI' },
      { id: 'operations', name: 'Operations' },
    ]);
    expect(counts(radar)).toEqual([28, 54, 24]);
    expect(radarOf(config.stdout()).quadrants).toEqual(radar.quadrants);
    expect(counts(radarOf(config.stdout()))).toEqual([28, 54, 24]);
  });

  it.each([
    [
      ['--quadrant-map', 'Data Lake=Data'],
      'tech-stack: --quadrant-map: unknown section "Data Lake" (the guide\'s sections: "Core Infrastructure", "Data Layer", "AI/ML Infrastructure", "Observability", "Security", "Event-Driven Architecture", "Edge & CDN")\n',
    ],
    [
      [
        '--quadrant-map',
        'Core Infrastructure=A;Data Layer=B;AI/ML Infrastructure=C;Observability=D;Security=E;Event-Driven Architecture=E;Edge & CDN=E',
      ],
      'tech-stack: --quadrant-map names 5 quadrants ("A", "B", "C", "D", "E"); at most 4\n',
    ],
    [
      ['--config', 'empty-config.yaml'],
      'tech-stack: empty-config.yaml has no techStack.export.quadrants\n',
    ],
  ])(
    'refuses a mapping that does not fit the guide in one line, exit 2 (%#)',
    async (extra, message) => {
      const { io, stdout, stderr } = fakeIo();
      expect(
        await runCli(
          ['parse', 'seed.md', '--format', 'tech-radar-json', ...extra],
          io,
        ),
      ).toBe(2);
      expect(stderr()).toBe(message);
      expect(stdout()).toBe('');
    },
  );

  it('exits 1 with one line when the --config file cannot be read', async () => {
    const { io, stderr } = fakeIo();
    expect(
      await runCli(
        [
          'parse',
          'seed.md',
          '--format',
          'tech-radar-json',
          '--config',
          'missing.yaml',
        ],
        io,
      ),
    ).toBe(1);
    expect(stderr()).toBe('tech-stack: no such file: missing.yaml\n');
  });

  it.each([
    ['byor-radar.csv', 'byor-csv', 13],
    ['community-tech-radar.json', 'tech-radar-json', 12],
  ])(
    'imports %s as a guide that parses back to every entry',
    async (file, from, count) => {
      const imported = fakeIo();
      expect(
        await runCli(
          ['import', `fixtures/${file}`, '--from', from],
          imported.io,
        ),
      ).toBe(0);
      expect(imported.stderr()).toBe('');
      const parsed = fakeIo({
        readFile: async () => Buffer.from(imported.stdout()),
      });
      expect(await runCli(['parse', 'imported.md'], parsed.io)).toBe(0);
      expect(parsed.stderr()).toBe('');
      expect(JSON.parse(parsed.stdout()).technologies).toHaveLength(count);
    },
  );

  it('titles an import with --title and warns about entries that merge', async () => {
    const { io, stdout, stderr } = fakeIo({
      readFile: async () =>
        Buffer.from(
          'name,ring,quadrant\nKafka,Adopt,Data\nApache Kafka,Trial,Data\n',
        ),
    });
    expect(
      await runCli(
        ['import', 'r.csv', '--from', 'byor-csv', '--title', 'Data *radar*'],
        io,
      ),
    ).toBe(0);
    expect(stdout().split('\n')[0]).toBe('# Data \\*radar\\*');
    expect(stderr()).toBe(
      'warning: "Kafka" and "Apache Kafka" are read back as one technology, "Kafka"\n',
    );
  });

  it.each([
    [
      ['import', 'missing.csv', '--from', 'byor-csv'],
      1,
      'tech-stack: no such file: missing.csv\n',
    ],
    [
      ['import', 'fixtures/byor-radar.csv', '--from', 'tech-radar-json'],
      1,
      'tech-stack: not JSON: ',
    ],
    [
      ['import', 'x.csv', '--from', 'xlsx'],
      2,
      'tech-stack: unknown --from format "xlsx" (expected tech-radar-json, byor-csv)\n',
    ],
    [
      ['parse', 'seed.md', '--format', 'xml'],
      2,
      'tech-stack: unknown format "xml" (expected json, catalog-yaml, tech-radar-json)\n',
    ],
  ])('fails %j with one line', async (argv, code, message) => {
    const { io, stdout, stderr } = fakeIo();
    expect(await runCli(argv, io)).toBe(code);
    expect(stderr().startsWith(message)).toBe(true);
    expect(stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(stdout()).toBe('');
  });

  it('refuses an oversized or binary radar file with one line', async () => {
    const big = fakeIo({
      readFile: async () => new Uint8Array(6 * 1024 * 1024).fill(0x61),
    });
    expect(
      await runCli(['import', 'big.csv', '--from', 'byor-csv'], big.io),
    ).toBe(1);
    expect(big.stderr()).toBe(
      'tech-stack: input is too big: 6291456 bytes (limit 5242880)\n',
    );
    const binary = fakeIo({
      readFile: async () => new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]),
    });
    expect(
      await runCli(['import', 'radar.xlsx', '--from', 'byor-csv'], binary.io),
    ).toBe(1);
    expect(binary.stderr()).toBe(
      'tech-stack: input looks binary (contains NUL bytes), not a Build Your Own Radar CSV file\n',
    );
  });
});

describe('tech-stack recipes --coverage', () => {
  const index = {
    recipes: [
      {
        technology: 'postgresql',
        aliases: ['PostgreSQL', 'Postgres'],
        languages: ['typescript', 'python'],
        source: 'built-in recipes/postgresql.yaml',
      },
      {
        technology: 'prometheus',
        aliases: ['Prometheus'],
        languages: [],
        source: 'built-in recipes/prometheus.yaml',
      },
    ],
    notApplicable: [
      {
        technology: 'aws',
        aliases: ['AWS'],
        reason: 'a cloud provider | not a dependency',
        source: 'built-in recipes/not-applicable.yaml',
      },
    ],
  };

  it('prints each technology of the guide with its recipe, reason or nothing, and counts them', async () => {
    const asked: Array<string | undefined> = [];
    const { io, stdout, stderr } = fakeIo({
      loadRecipeIndex: async dir => {
        asked.push(dir);
        return index;
      },
    });
    expect(
      await runCli(
        ['recipes', '--coverage', 'seed.md', '--recipes-dir', 'org'],
        io,
      ),
    ).toBe(0);
    expect(asked).toEqual(['org']);
    const lines = stdout().split('\n');
    expect(lines[0]).toBe(
      '| technology | recipe | what a generated service gets |',
    );
    expect(lines).toContain(
      '| PostgreSQL | recipe | client code: typescript, python |',
    );
    expect(lines).toContain(
      '| Prometheus | recipe | compose, collector and manifests; no client code |',
    );
    // A pipe in a reason does not break the table.
    expect(lines).toContain(
      '| AWS | not applicable | a cloud provider \\| not a dependency |',
    );
    expect(lines).toContain(
      '| Redis | missing | recorded in catalog-info.yaml only |',
    );
    expect(stderr()).toMatch(
      /^106 technologies: 2 with a recipe \(1 with client code\), 1 not applicable, 103 missing\n$/,
    );
  });

  it('prints JSON with --format json', async () => {
    const { io, stdout } = fakeIo({ loadRecipeIndex: async () => index });
    expect(
      await runCli(
        ['recipes', '--coverage', 'seed.md', '--format', 'json'],
        io,
      ),
    ).toBe(0);
    const coverage = JSON.parse(stdout());
    expect(coverage).toHaveLength(106);
    expect(coverage.find((e: any) => e.technology === 'aws')).toEqual({
      technology: 'aws',
      title: 'AWS',
      status: 'not-applicable',
      languages: [],
      reason: 'a cloud provider | not a dependency',
      source: 'built-in recipes/not-applicable.yaml',
    });
  });

  it('says in one line when the recipes cannot be loaded, and names a missing --coverage', async () => {
    const { io, stderr } = fakeIo({
      loadRecipeIndex: async () => {
        throw new Error(
          'tech-stack recipes reads the recipes of @techstack/plugin-scaffolder-backend-module-tech-stack, which is not installed here',
        );
      },
    });
    expect(await runCli(['recipes', '--coverage', 'seed.md'], io)).toBe(1);
    expect(stderr()).toMatch(/^tech-stack: .*not installed here\n$/);
    const usage = fakeIo();
    expect(await runCli(['recipes'], usage.io)).toBe(2);
    expect(usage.stderr()).toBe(
      'tech-stack: recipes needs --coverage <guide file or URL>\n',
    );
  });
});
