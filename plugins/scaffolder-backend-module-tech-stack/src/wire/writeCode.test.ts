import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { builtInRecipesDir, RecipeBook } from '../recipes/RecipeBook';
import type { CodeLanguage, LoadedRecipe } from '../recipes/recipeSchema';
import { CODE_LAYOUT, planCode } from './planCode';
import { readRegistry, renderRegistry, writeCode } from './writeCode';

const BUILT_IN = builtInRecipesDir();
const TEMPLATES = path.resolve(__dirname, '../../../../examples/templates');
const TYPESCRIPT_TEMPLATE_REGISTRY = path.join(
  TEMPLATES,
  'service-typescript/content/src/dependencies/index.ts',
);
const PYTHON_TEMPLATE_REGISTRY = path.join(
  TEMPLATES,
  'service-python/content/app/dependencies/__init__.py',
);

const builtInModule = (language: string, file: string) =>
  fs.readFileSync(path.join(BUILT_IN, 'code', language, file), 'utf8');

/** A small package.json as a generated TypeScript service has it (placeholders filled in). */
const PACKAGE_JSON = {
  name: 'orders',
  version: '0.1.0',
  private: true,
  main: 'dist/index.js',
  scripts: { build: 'tsc', start: 'node dist/index.js' },
  dependencies: {
    '@opentelemetry/api': '^1.9.0',
    pg: '^8.11.0',
  },
  devDependencies: {
    '@types/node': '^22.0.0',
    typescript: '^5.6.0',
  },
};

describe('writeCode', () => {
  const mockDir = createMockDirectory();
  const service = () => mockDir.resolve('service');
  const read = (file: string) =>
    fs.readFileSync(path.join(service(), file), 'utf8');
  const exists = (file: string) => fs.existsSync(path.join(service(), file));
  let book: RecipeBook;

  beforeAll(async () => {
    book = await RecipeBook.load([
      { dir: BUILT_IN, label: 'built-in recipes' },
    ]);
  });

  beforeEach(() => {
    mockDir.clear();
  });

  function plan(language: CodeLanguage, ...slugs: string[]) {
    const recipes = new Map<string, LoadedRecipe>();
    for (const slug of slugs) {
      const recipe = book.find(slug);
      if (!recipe) throw new Error(`no recipe for ${slug}`);
      recipes.set(slug, recipe);
    }
    return planCode(recipes, language, book);
  }

  /** The lines of a text that import or list something. */
  const linesMatching = (text: string, pattern: RegExp) =>
    text.split('\n').filter(line => pattern.test(line));

  describe('typescript', () => {
    it('writes the modules, the registry and the packages into a service', async () => {
      mockDir.setContent({
        'service/package.json': `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`,
      });
      const code = plan('typescript', 'postgresql', 'redis');

      const { files: written } = await writeCode(service(), code);

      expect([...written].sort()).toEqual([
        'package.json',
        'src/dependencies/index.ts',
        'src/dependencies/postgres.ts',
        'src/dependencies/redis.ts',
      ]);
      expect(read('src/dependencies/postgres.ts')).toBe(
        builtInModule('typescript', 'postgres.ts'),
      );
      expect(read('src/dependencies/redis.ts')).toBe(
        builtInModule('typescript', 'redis.ts'),
      );

      const registry = read('src/dependencies/index.ts');
      expect(readRegistry('typescript', registry)).toEqual([
        { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
        { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
      ]);
      expect(linesMatching(registry, /^import /)).toEqual([
        "import type { DependencyEntry } from './types';",
        "import postgres from './postgres';",
        "import redis from './redis';",
      ]);

      const pkg = JSON.parse(read('package.json'));
      // What was there stays, with its versions: pg keeps its own range.
      expect(pkg.name).toBe('orders');
      expect(pkg.scripts).toEqual(PACKAGE_JSON.scripts);
      expect(pkg.dependencies['@opentelemetry/api']).toBe('^1.9.0');
      expect(pkg.dependencies.pg).toBe('^8.11.0');
      expect(pkg.devDependencies.typescript).toBe('^5.6.0');
      expect(pkg.devDependencies['@types/node']).toBe('^22.0.0');
      // What was missing is added, pinned as the plan has it.
      expect(pkg.dependencies.ioredis).toBe(code.dependencies.ioredis);
      expect(pkg.devDependencies['@types/pg']).toBe(
        code.devDependencies['@types/pg'],
      );
      expect(Object.keys(pkg.dependencies).sort()).toEqual([
        '@opentelemetry/api',
        'ioredis',
        'pg',
      ]);
    });

    it('imports a module shared by two technologies once', async () => {
      mockDir.setContent({ 'service/package.json': '{}\n' });
      await writeCode(
        service(),
        plan('typescript', 'postgresql', 'timescaledb'),
      );

      const registry = read('src/dependencies/index.ts');
      expect(linesMatching(registry, /^import postgres /)).toHaveLength(1);
      expect(readRegistry('typescript', registry)).toEqual([
        { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
        {
          technology: 'timescaledb',
          env: 'TIMESERIES_DATABASE_URL',
          module: 'postgres',
        },
      ]);
      expect(
        fs.readdirSync(path.join(service(), 'src/dependencies')).sort(),
      ).toEqual(['index.ts', 'postgres.ts']);
    });

    it('creates package.json with the packages when the service has none', async () => {
      mockDir.setContent({ service: {} });
      const code = plan('typescript', 'redis');
      const { files: written } = await writeCode(service(), code);
      expect(written).toContain('package.json');
      expect(JSON.parse(read('package.json'))).toEqual({
        dependencies: { ioredis: code.dependencies.ioredis },
      });
    });

    it('keeps earlier entries and edited modules when wired again with another stack', async () => {
      mockDir.setContent({
        'service/package.json': `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`,
      });
      await writeCode(service(), plan('typescript', 'postgresql', 'redis'));
      const edited = `${read(
        'src/dependencies/postgres.ts',
      )}// tuned by the team\n`;
      fs.writeFileSync(
        path.join(service(), 'src/dependencies/postgres.ts'),
        edited,
      );

      const { files: written } = await writeCode(
        service(),
        plan('typescript', 'timescaledb', 'apache-kafka'),
      );

      expect(read('src/dependencies/postgres.ts')).toBe(edited);
      expect(written).not.toContain('src/dependencies/postgres.ts');
      expect(written).toContain('src/dependencies/kafka.ts');
      expect(read('src/dependencies/kafka.ts')).toBe(
        builtInModule('typescript', 'kafka.ts'),
      );
      const registry = read('src/dependencies/index.ts');
      expect(readRegistry('typescript', registry)).toEqual([
        { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
        { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
        {
          technology: 'timescaledb',
          env: 'TIMESERIES_DATABASE_URL',
          module: 'postgres',
        },
        { technology: 'apache-kafka', env: 'KAFKA_BROKERS', module: 'kafka' },
      ]);
      expect(linesMatching(registry, /^import (?!type)/)).toEqual([
        "import kafka from './kafka';",
        "import postgres from './postgres';",
        "import redis from './redis';",
      ]);
      const pkg = JSON.parse(read('package.json'));
      expect(pkg.dependencies.pg).toBe('^8.11.0');
      expect(pkg.dependencies).toHaveProperty('ioredis');
      expect(pkg.dependencies).toHaveProperty('kafkajs');
    });

    it('writes nothing when wired again with the same stack', async () => {
      mockDir.setContent({
        'service/package.json': `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`,
      });
      await writeCode(service(), plan('typescript', 'postgresql', 'redis'));
      const before = mockDir.content({ path: service() });

      const { files: written } = await writeCode(
        service(),
        plan('typescript', 'postgresql', 'redis'),
      );

      expect(written).toEqual([]);
      expect(mockDir.content({ path: service() })).toEqual(before);
    });

    it("keeps entries added by hand and replaces a technology's entry with the plan's", async () => {
      const handWritten = renderRegistry('typescript', [
        { technology: 'legacy-db', env: 'LEGACY_DB_URL', module: 'legacy' },
        {
          technology: 'postgresql',
          env: 'OLD_DATABASE_URL',
          module: 'postgres',
        },
      ]);
      mockDir.setContent({
        'service/package.json': '{}\n',
        'service/src/dependencies/index.ts': handWritten,
        'service/src/dependencies/legacy.ts': 'export default {};\n',
      });

      await writeCode(service(), plan('typescript', 'postgresql'));

      expect(
        readRegistry('typescript', read('src/dependencies/index.ts')),
      ).toEqual([
        { technology: 'legacy-db', env: 'LEGACY_DB_URL', module: 'legacy' },
        { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
      ]);
      expect(read('src/dependencies/legacy.ts')).toBe('export default {};\n');
    });

    it("reads the template's empty registry as no entries and replaces it", async () => {
      const template = fs.readFileSync(TYPESCRIPT_TEMPLATE_REGISTRY, 'utf8');
      expect(readRegistry('typescript', template)).toEqual([]);
      mockDir.setContent({
        'service/package.json': '{}\n',
        'service/src/dependencies/index.ts': template,
      });
      const code = plan('typescript', 'postgresql');

      const { files: written } = await writeCode(service(), code);

      expect(written).toContain('src/dependencies/index.ts');
      expect(read('src/dependencies/index.ts')).toBe(
        renderRegistry('typescript', code.entries),
      );
      expect(
        readRegistry('typescript', read('src/dependencies/index.ts')),
      ).toEqual(code.entries);
    });

    it("keeps the template's registry empty and package.json as it is for a stack without client code", async () => {
      const template = fs.readFileSync(TYPESCRIPT_TEMPLATE_REGISTRY, 'utf8');
      const packageJson = `${JSON.stringify(PACKAGE_JSON, null, 2)}\n`;
      mockDir.setContent({
        'service/package.json': packageJson,
        'service/src/dependencies/index.ts': template,
      });

      const { files: written } = await writeCode(
        service(),
        plan('typescript', 'prometheus'),
      );

      // No module, no package; the registry still lists nothing.
      expect(
        written.filter(file => file !== 'src/dependencies/index.ts'),
      ).toEqual([]);
      expect(fs.readdirSync(path.join(service(), 'src/dependencies'))).toEqual([
        'index.ts',
      ]);
      expect(
        readRegistry('typescript', read('src/dependencies/index.ts')),
      ).toEqual([]);
      expect(read('package.json')).toBe(packageJson);
    });

    it('fails naming package.json when it is not valid JSON', async () => {
      const broken = '{ "name": "orders", "dependencies": { "pg": ';
      mockDir.setContent({ 'service/package.json': broken });

      const writing = writeCode(service(), plan('typescript', 'postgresql'));

      await expect(writing).rejects.toThrow(InputError);
      await expect(writing).rejects.toThrow(/package\.json/);
      expect(read('package.json')).toBe(broken);
    });

    it('refuses to write through a folder that links outside the service', async () => {
      mockDir.setContent({
        outside: {},
        service: {
          'package.json': '{}\n',
          src: {
            dependencies: ctx => ctx.symlink('../../outside'),
          },
        },
      });
      // The link does lead outside: a plain write would land there.
      expect(fs.realpathSync(path.join(service(), 'src/dependencies'))).toBe(
        fs.realpathSync(mockDir.resolve('outside')),
      );

      await expect(
        writeCode(service(), plan('typescript', 'postgresql')),
      ).rejects.toThrow(NotAllowedError);
      expect(fs.readdirSync(mockDir.resolve('outside'))).toEqual([]);
    });
  });

  describe('python', () => {
    it('writes the modules and the registry of a Python service', async () => {
      mockDir.setContent({ service: {} });
      const code = plan('python', 'postgresql', 'redis');

      const { files: written } = await writeCode(service(), code);

      expect([...written].sort()).toEqual([
        'app/dependencies/__init__.py',
        'app/dependencies/postgres.py',
        'app/dependencies/redis.py',
        'requirements.txt',
      ]);
      expect(read('app/dependencies/postgres.py')).toBe(
        builtInModule('python', 'postgres.py'),
      );
      const registry = read('app/dependencies/__init__.py');
      expect(readRegistry('python', registry)).toEqual([
        { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
        { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
      ]);
      expect(linesMatching(registry, /^from \. import /)).toEqual([
        'from . import postgres, redis',
      ]);
      expect(read('requirements.txt')).toBe(
        `${code.requirements.join('\n')}\n`,
      );
      expect(exists('package.json')).toBe(false);
    });

    it('adds missing requirements and keeps comments and pinned versions of any spelling', async () => {
      const existing = [
        '# The service runtime',
        'fastapi==0.115.0',
        '',
        '# Pinned by the team: do not upgrade',
        'Psycopg[binary]==3.0.0',
        'uvicorn==0.30.0',
      ].join('\n');
      mockDir.setContent({ 'service/requirements.txt': `${existing}\n` });
      const code = plan('python', 'postgresql', 'redis');
      const redis = code.requirements.find(line => line.startsWith('redis=='));
      expect(redis).toBeDefined();

      await writeCode(service(), code);

      const lines = read('requirements.txt').split('\n');
      // Every earlier line stays, in its place.
      expect(lines.slice(0, 6)).toEqual(existing.split('\n'));
      // psycopg is there already (another spelling, another version).
      expect(lines.filter(line => /psycopg/i.test(line))).toEqual([
        'Psycopg[binary]==3.0.0',
      ]);
      // redis was missing: added once, pinned.
      expect(lines.filter(line => /^redis/i.test(line))).toEqual([redis]);
      expect(lines[lines.length - 1]).toBe('');
    });

    it('recognises requirements written with ranges, extras and separators', async () => {
      mockDir.setContent({
        'service/requirements.txt':
          'psycopg >= 3.1  # any 3.x\nREDIS[hiredis]~=5.0\n',
      });

      const { files: written } = await writeCode(
        service(),
        plan('python', 'postgresql', 'redis'),
      );

      expect(written).not.toContain('requirements.txt');
      expect(read('requirements.txt')).toBe(
        'psycopg >= 3.1  # any 3.x\nREDIS[hiredis]~=5.0\n',
      );
    });

    it('starts a new line after a last requirement without a line break', async () => {
      mockDir.setContent({ 'service/requirements.txt': 'fastapi==0.115.0' });
      const code = plan('python', 'redis');

      await writeCode(service(), code);

      expect(read('requirements.txt')).toBe(
        `fastapi==0.115.0\n${code.requirements[0]}\n`,
      );
    });

    it("reads the template's empty registry as no entries and replaces it", async () => {
      const template = fs.readFileSync(PYTHON_TEMPLATE_REGISTRY, 'utf8');
      expect(readRegistry('python', template)).toEqual([]);
      mockDir.setContent({ 'service/app/dependencies/__init__.py': template });
      const code = plan('python', 'timescaledb');

      await writeCode(service(), code);

      const registry = read(CODE_LAYOUT.python.registry);
      expect(registry).toBe(renderRegistry('python', code.entries));
      expect(readRegistry('python', registry)).toEqual([
        {
          technology: 'timescaledb',
          env: 'TIMESERIES_DATABASE_URL',
          module: 'postgres',
        },
      ]);
    });

    it("leaves the template's registry alone for a stack without Python client code", async () => {
      const template = fs.readFileSync(PYTHON_TEMPLATE_REGISTRY, 'utf8');
      mockDir.setContent({ 'service/app/dependencies/__init__.py': template });

      const { files: written } = await writeCode(
        service(),
        plan('python', 'apache-kafka', 'prometheus'),
      );

      expect(written).toEqual([]);
      expect(read('app/dependencies/__init__.py')).toBe(template);
    });

    it('keeps earlier entries when wired again with another stack', async () => {
      mockDir.setContent({ service: {} });
      await writeCode(service(), plan('python', 'redis'));
      await writeCode(service(), plan('python', 'postgresql'));

      expect(
        readRegistry('python', read('app/dependencies/__init__.py')),
      ).toEqual([
        { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
        { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
      ]);
      const requirements = read('requirements.txt').trim().split('\n');
      expect(requirements).toHaveLength(2);
      expect(requirements[0]).toMatch(/^redis==/);
      expect(requirements[1]).toMatch(/^psycopg\[binary\]==/);
    });
  });

  describe('registry', () => {
    it.each(['typescript', 'python'] as const)(
      'reads back what it renders (%s)',
      language => {
        const entries = [
          { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
          {
            technology: 'timescaledb',
            env: 'TIMESERIES_DATABASE_URL',
            module: 'postgres',
          },
          { technology: 'apache-kafka', env: 'KAFKA_BROKERS', module: 'kafka' },
        ];
        expect(
          readRegistry(language, renderRegistry(language, entries)),
        ).toEqual(entries);
        expect(readRegistry(language, renderRegistry(language, []))).toEqual(
          [],
        );
      },
    );

    it('reads a registry saved with Windows line endings', () => {
      const entries = [
        { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
      ];
      const text = renderRegistry('typescript', entries).replace(/\n/g, '\r\n');
      expect(readRegistry('typescript', text)).toEqual(entries);
    });

    it("renders the Python template's empty registry as it ships", () => {
      // An unwired Python service's registry stays byte for byte as the template has it.
      expect(renderRegistry('python', [])).toBe(
        fs.readFileSync(PYTHON_TEMPLATE_REGISTRY, 'utf8'),
      );
    });
  });
});

describe('writeCode bounds', () => {
  it('refuses to merge a package.json over 1 MB, naming it, and writes no packages', async () => {
    const dir = createMockDirectory();
    const huge = JSON.stringify({
      name: 'svc',
      description: 'x'.repeat(1024 * 1024 + 1),
    });
    dir.addContent({ 'package.json': huge });
    const book = await RecipeBook.load([
      { dir: builtInRecipesDir(), label: 'built-in recipes' },
    ]);
    const recipes = new Map([['postgresql', book.find('postgresql')!]]);
    await expect(
      writeCode(dir.path, planCode(recipes, 'typescript', book)),
    ).rejects.toThrow(/^package\.json has \d+ bytes; at most 1048576 bytes/);
    expect(fs.readFileSync(dir.resolve('package.json'), 'utf8')).toBe(huge);
  });
});
