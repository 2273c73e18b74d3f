import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { builtInRecipesDir, RecipeBook } from '../recipes/RecipeBook';
import type { LoadedRecipe } from '../recipes/recipeSchema';
import { codeLanguageOf, planCode } from './planCode';

const BUILT_IN = { dir: builtInRecipesDir(), label: 'built-in recipes' };

/** The text of a built-in client module, read from the package's recipes folder. */
const builtInModule = (language: string, file: string) =>
  fs.readFileSync(path.join(BUILT_IN.dir, 'code', language, file), 'utf8');

/** The recipes of a stack as the wire action hands them over: by slug, in stack order. */
function stackOf(book: RecipeBook, ...slugs: string[]) {
  const recipes = new Map<string, LoadedRecipe>();
  for (const slug of slugs) {
    const recipe = book.find(slug);
    if (!recipe) throw new Error(`no recipe for ${slug}`);
    recipes.set(slug, recipe);
  }
  return recipes;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

describe('planCode', () => {
  let book: RecipeBook;

  beforeAll(async () => {
    book = await RecipeBook.load([BUILT_IN]);
  });

  it('leaves out the client code of a stack name that is not a slug, so no input reaches the service code', () => {
    const hostile = "x'); require('child_process').execSync('id'); ('";
    const recipes = new Map<string, LoadedRecipe>([
      [hostile, book.find('postgresql')!],
      ['redis', book.find('redis')!],
    ]);
    const plan = planCode(recipes, 'typescript', book);
    expect(plan.entries.map(entry => entry.technology)).toEqual(['redis']);
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /is not a technology slug.*client code is left out/,
      ),
    ]);
  });

  it('plans the PostgreSQL and Redis client modules of a TypeScript service', () => {
    const plan = planCode(
      stackOf(book, 'postgresql', 'redis'),
      'typescript',
      book,
    );

    expect(plan.language).toBe('typescript');
    expect([...plan.modules.keys()].sort()).toEqual([
      'src/dependencies/postgres.ts',
      'src/dependencies/redis.ts',
    ]);
    expect(plan.modules.get('src/dependencies/postgres.ts')).toBe(
      builtInModule('typescript', 'postgres.ts'),
    );
    expect(plan.modules.get('src/dependencies/redis.ts')).toBe(
      builtInModule('typescript', 'redis.ts'),
    );
    expect(plan.entries).toEqual([
      { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
      { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
    ]);
    // The clients' packages, pinned to an exact version (no range).
    expect(Object.keys(plan.dependencies).sort()).toEqual(['ioredis', 'pg']);
    expect(plan.dependencies.pg).toMatch(EXACT_VERSION);
    expect(plan.dependencies.ioredis).toMatch(EXACT_VERSION);
    expect(Object.keys(plan.devDependencies)).toEqual(['@types/pg']);
    expect(plan.devDependencies['@types/pg']).toMatch(EXACT_VERSION);
    // The versions are the recipes' own.
    expect(plan.dependencies.pg).toBe(
      book.find('postgresql')?.code?.typescript?.dependencies?.pg,
    );
    expect(plan.requirements).toEqual([]);
    expect(plan.withoutCode).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('keeps the stack order in the entries', () => {
    const plan = planCode(
      stackOf(book, 'redis', 'postgresql'),
      'typescript',
      book,
    );
    expect(plan.entries.map(entry => entry.technology)).toEqual([
      'redis',
      'postgresql',
    ]);
  });

  it('plans the PostgreSQL and Redis client modules of a Python service', () => {
    const plan = planCode(stackOf(book, 'postgresql', 'redis'), 'python', book);

    expect(plan.language).toBe('python');
    expect([...plan.modules.keys()].sort()).toEqual([
      'app/dependencies/postgres.py',
      'app/dependencies/redis.py',
    ]);
    expect(plan.modules.get('app/dependencies/postgres.py')).toBe(
      builtInModule('python', 'postgres.py'),
    );
    expect(plan.modules.get('app/dependencies/redis.py')).toBe(
      builtInModule('python', 'redis.py'),
    );
    expect(plan.entries).toEqual([
      { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
      { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
    ]);
    expect(plan.requirements).toHaveLength(2);
    expect(plan.requirements[0]).toMatch(/^psycopg\[binary\]==\d+\.\d+\.\d+$/);
    expect(plan.requirements[1]).toMatch(/^redis==\d+\.\d+\.\d+$/);
    // npm packages are for TypeScript services only.
    expect(plan.dependencies).toEqual({});
    expect(plan.devDependencies).toEqual({});
    expect(plan.withoutCode).toEqual([]);
  });

  it('lists a technology whose recipe has no code in the language as without code', () => {
    // Apache Kafka has a TypeScript client module but no Python one.
    const plan = planCode(
      stackOf(book, 'postgresql', 'apache-kafka'),
      'python',
      book,
    );
    expect(plan.entries.map(entry => entry.technology)).toEqual(['postgresql']);
    expect(plan.withoutCode).toEqual(['apache-kafka']);
    expect([...plan.modules.keys()]).toEqual(['app/dependencies/postgres.py']);
  });

  it('shares the postgres module between PostgreSQL and TimescaleDB, each on its own variable', () => {
    const plan = planCode(
      stackOf(book, 'postgresql', 'timescaledb'),
      'typescript',
      book,
    );
    expect([...plan.modules.keys()]).toEqual(['src/dependencies/postgres.ts']);
    expect(plan.entries).toEqual([
      { technology: 'postgresql', env: 'DATABASE_URL', module: 'postgres' },
      {
        technology: 'timescaledb',
        env: 'TIMESERIES_DATABASE_URL',
        module: 'postgres',
      },
    ]);
    expect(Object.keys(plan.dependencies)).toEqual(['pg']);
    expect(plan.warnings).toEqual([]);
  });

  it('connects TimescaleDB alone through TIMESERIES_DATABASE_URL with the postgres module', () => {
    for (const language of ['typescript', 'python'] as const) {
      const plan = planCode(stackOf(book, 'timescaledb'), language, book);
      expect(plan.entries).toEqual([
        {
          technology: 'timescaledb',
          env: 'TIMESERIES_DATABASE_URL',
          module: 'postgres',
        },
      ]);
      expect(plan.modules.size).toBe(1);
      expect([...plan.modules.values()][0]).toBe(
        builtInModule(
          language,
          language === 'python' ? 'postgres.py' : 'postgres.ts',
        ),
      );
    }
  });

  it('checks one server once when Redis and Valkey both connect through REDIS_URL', () => {
    const plan = planCode(stackOf(book, 'redis', 'valkey'), 'typescript', book);
    expect(plan.entries).toEqual([
      { technology: 'redis', env: 'REDIS_URL', module: 'redis' },
    ]);
    expect([...plan.modules.keys()]).toEqual(['src/dependencies/redis.ts']);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toContain('valkey');
    expect(plan.warnings[0]).toContain('redis');
    expect(plan.warnings[0]).toContain('REDIS_URL');
    // Valkey is not "without code": it is covered by Redis's entry.
    expect(plan.withoutCode).toEqual([]);
  });

  it('keeps the first of the stack when Valkey comes before Redis', () => {
    const plan = planCode(stackOf(book, 'valkey', 'redis'), 'python', book);
    expect(plan.entries.map(entry => entry.technology)).toEqual(['valkey']);
    expect(plan.requirements).toHaveLength(1);
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(/redis.*valkey|valkey.*redis/);
  });

  it('lists a technology whose recipe has no code (Prometheus) as without code', () => {
    const plan = planCode(
      stackOf(book, 'prometheus', 'postgresql', 'grafana'),
      'typescript',
      book,
    );
    expect(plan.withoutCode).toEqual(['prometheus', 'grafana']);
    expect(plan.entries.map(entry => entry.technology)).toEqual(['postgresql']);
  });

  it('plans nothing for a stack without client code', () => {
    const plan = planCode(stackOf(book, 'prometheus'), 'typescript', book);
    expect(plan.modules.size).toBe(0);
    expect(plan.entries).toEqual([]);
    expect(plan.dependencies).toEqual({});
    expect(plan.devDependencies).toEqual({});
    expect(plan.withoutCode).toEqual(['prometheus']);
  });
});

describe('codeLanguageOf', () => {
  it.each([
    ['TypeScript', 'typescript'],
    ['typescript', 'typescript'],
    ['PYTHON', 'python'],
    ['python', 'python'],
  ])('reads %s as %s', (input, expected) => {
    expect(codeLanguageOf(input)).toBe(expected);
  });

  it.each([['go'], ['java'], [''], ['type script']])(
    'has no client code for %j',
    input => {
      expect(codeLanguageOf(input)).toBeUndefined();
    },
  );

  it('has no client code without a language', () => {
    expect(codeLanguageOf(undefined)).toBeUndefined();
  });
});

describe('RecipeBook client modules', () => {
  const mockDir = createMockDirectory();
  const ORG = () => ({
    dir: mockDir.path,
    label: 'techStack.scaffolder.recipesDir',
  });

  beforeEach(() => {
    mockDir.clear();
  });

  it('fails naming the recipe and code.typescript.module when no folder has the module', async () => {
    mockDir.setContent({
      'acme-queue.yaml': [
        'technology: acme-queue',
        'env:',
        '  ACME_QUEUE_URL: acme://acme-queue:7000',
        'code:',
        '  typescript:',
        '    module: acme_queue',
        '    env: ACME_QUEUE_URL',
        '',
      ].join('\n'),
    });
    const loading = RecipeBook.load([BUILT_IN, ORG()]);
    await expect(loading).rejects.toThrow(
      'techStack.scaffolder.recipesDir/acme-queue.yaml',
    );
    await expect(loading).rejects.toThrow('code.typescript.module');
    await expect(loading).rejects.toThrow('acme_queue');
  });

  it('fails naming code.python.module when only the TypeScript module exists', async () => {
    mockDir.setContent({
      'acme-cache.yaml': [
        'technology: acme-cache',
        'env:',
        '  ACME_CACHE_URL: acme://acme-cache:7001',
        'code:',
        '  typescript:',
        '    module: acme_cache',
        '    env: ACME_CACHE_URL',
        '  python:',
        '    module: acme_cache',
        '    env: ACME_CACHE_URL',
        '',
      ].join('\n'),
      'code/typescript/acme_cache.ts': 'export default {};\n',
    });
    await expect(RecipeBook.load([BUILT_IN, ORG()])).rejects.toThrow(
      /acme-cache\.yaml.*code\.python\.module/,
    );
  });

  it("plans an organisation's recipe with its own client module", async () => {
    const moduleText =
      '// Acme store client\nexport default function acme() {}\n';
    mockDir.setContent({
      'acme-store.yaml': [
        'technology: acme-store',
        'env:',
        '  ACME_STORE_URL: acme://acme-store:7002',
        'code:',
        '  typescript:',
        '    module: acme_store',
        '    env: ACME_STORE_URL',
        '    dependencies: { acme-store-client: 1.2.3 }',
        '',
      ].join('\n'),
      'code/typescript/acme_store.ts': moduleText,
    });
    const orgBook = await RecipeBook.load([BUILT_IN, ORG()]);
    const plan = planCode(
      stackOf(orgBook, 'postgresql', 'acme-store'),
      'typescript',
      orgBook,
    );
    expect(plan.modules.get('src/dependencies/acme_store.ts')).toBe(moduleText);
    expect(plan.entries).toContainEqual({
      technology: 'acme-store',
      env: 'ACME_STORE_URL',
      module: 'acme_store',
    });
    expect(plan.dependencies['acme-store-client']).toBe('1.2.3');
  });

  it("uses an organisation's module file over the built-in one of the same name", async () => {
    const ownPostgres =
      '// Our PostgreSQL client, with the company proxy\nexport default function postgres() {}\n';
    mockDir.setContent({ 'code/typescript/postgres.ts': ownPostgres });
    const orgBook = await RecipeBook.load([BUILT_IN, ORG()]);

    expect(orgBook.module('typescript', 'postgres')?.text).toBe(ownPostgres);
    // Only that module: the others and the other language stay built-in.
    expect(orgBook.module('typescript', 'redis')?.text).toBe(
      builtInModule('typescript', 'redis.ts'),
    );
    expect(orgBook.module('python', 'postgres')?.text).toBe(
      builtInModule('python', 'postgres.py'),
    );

    // Every technology of the PostgreSQL protocol gets it.
    const plan = planCode(
      stackOf(orgBook, 'postgresql', 'timescaledb', 'redis'),
      'typescript',
      orgBook,
    );
    expect(plan.modules.get('src/dependencies/postgres.ts')).toBe(ownPostgres);
    expect(plan.modules.get('src/dependencies/redis.ts')).toBe(
      builtInModule('typescript', 'redis.ts'),
    );
  });

  it("drops the client code of a built-in recipe the organisation's recipe replaces without code", async () => {
    mockDir.setContent({
      'own-postgresql.yaml': [
        'technology: postgresql',
        'aliases: [PostgreSQL]',
        'env:',
        '  DATABASE_URL: postgres://db.internal:5432/app',
        '',
      ].join('\n'),
    });
    const orgBook = await RecipeBook.load([BUILT_IN, ORG()]);
    const plan = planCode(
      stackOf(orgBook, 'postgresql', 'redis'),
      'typescript',
      orgBook,
    );
    expect(plan.withoutCode).toEqual(['postgresql']);
    expect(plan.entries.map(entry => entry.technology)).toEqual(['redis']);
    expect(plan.dependencies).not.toHaveProperty('pg');
  });
});
