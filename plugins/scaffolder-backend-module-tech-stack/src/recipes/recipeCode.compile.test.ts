/**
 * The client modules of the built-in recipes build against the packages the
 * recipes pin: every TypeScript module type-checks (strict) with the
 * template's `Dependency` contract after `npm install` of the pinned
 * versions, and every Python module imports after `pip install` of the
 * pinned requirements (from the machine's package index). Runs in the test
 * command (CI=true); it installs from the registries, so not in watch mode.
 */
import { createMockDirectory } from '@backstage/backend-test-utils';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtInRecipesDir, CODE_EXTENSIONS, RecipeBook } from './RecipeBook';

jest.setTimeout(15 * 60_000);

const TEMPLATES = path.resolve(__dirname, '../../../../examples/templates');
const inCi = process.env.CI === 'true' ? describe : describe.skip;

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: process.env });
    let output = '';
    child.stdout.on('data', chunk => (output += chunk));
    child.stderr.on('data', chunk => (output += chunk));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve(output)
        : reject(
            new Error(
              `${command} ${args.join(' ')} exited ${code}:\n${output}`,
            ),
          ),
    );
  });
}

/** The pins of every recipe for one field, failing on two versions of one package. */
function mergePins(
  entries: Array<[source: string, pins: Record<string, string> | undefined]>,
): Record<string, string> {
  const merged: Record<string, string> = {};
  const from: Record<string, string> = {};
  for (const [source, pins] of entries) {
    for (const [name, version] of Object.entries(pins ?? {})) {
      if (merged[name] && merged[name] !== version) {
        throw new Error(
          `${name} is pinned to ${merged[name]} by ${from[name]} and to ${version} by ${source}`,
        );
      }
      merged[name] = version;
      from[name] = source;
    }
  }
  return merged;
}

inCi('client modules of the built-in recipes', () => {
  const work = createMockDirectory();
  let book: RecipeBook;

  beforeAll(async () => {
    book = await RecipeBook.load([
      { dir: builtInRecipesDir(), label: 'built-in recipes' },
    ]);
  });

  it('type-check with their pinned npm packages', async () => {
    const withCode = book.recipes.filter(recipe => recipe.code?.typescript);
    const dir = work.resolve('typescript');
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    const modules = new Set(withCode.map(r => r.code!.typescript!.module));
    for (const module of modules) {
      fs.writeFileSync(
        path.join(dir, 'src', `${module}${CODE_EXTENSIONS.typescript}`),
        book.module('typescript', module)!.text,
      );
    }
    fs.copyFileSync(
      path.join(
        TEMPLATES,
        'service-typescript/content/src/dependencies/types.ts',
      ),
      path.join(dir, 'src/types.ts'),
    );
    const template = JSON.parse(
      fs.readFileSync(
        path.join(TEMPLATES, 'service-typescript/content/package.json'),
        'utf8',
      ),
    );
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: 'recipe-modules',
        private: true,
        // The template's own packages (OpenTelemetry) come with every service.
        dependencies: {
          ...template.dependencies,
          ...mergePins(
            withCode.map(r => [r.source, r.code!.typescript!.dependencies]),
          ),
        },
        devDependencies: {
          ...template.devDependencies,
          ...mergePins(
            withCode.map(r => [r.source, r.code!.typescript!.devDependencies]),
          ),
        },
      }),
    );
    fs.copyFileSync(
      path.join(TEMPLATES, 'service-typescript/content/tsconfig.json'),
      path.join(dir, 'tsconfig.json'),
    );
    await run('npm', ['install', '--no-audit', '--no-fund'], dir);
    await expect(
      run('npx', ['tsc', '--noEmit', '-p', '.'], dir),
    ).resolves.toBeDefined();
    expect(modules.size).toBeGreaterThan(5);
  });

  it('import with their pinned Python requirements', async () => {
    const withCode = book.recipes.filter(recipe => recipe.code?.python);
    const dir = work.resolve('python');
    const pkg = path.join(dir, 'deps');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, '__init__.py'), '');
    const modules = [...new Set(withCode.map(r => r.code!.python!.module))];
    for (const module of modules) {
      fs.writeFileSync(
        path.join(pkg, `${module}${CODE_EXTENSIONS.python}`),
        book.module('python', module)!.text,
      );
    }
    const requirements = [
      ...new Set(withCode.flatMap(r => r.code!.python!.requirements ?? [])),
    ];
    const names = requirements.map(line => line.split(/[[=]/)[0].toLowerCase());
    expect(new Set(names).size).toBe(names.length); // one pin per package
    fs.writeFileSync(
      path.join(dir, 'requirements.txt'),
      `${requirements.join('\n')}\n`,
    );
    await run('python3', ['-m', 'venv', '.venv'], dir);
    await run(
      path.join(dir, '.venv/bin/pip'),
      ['install', '--quiet', '--retries', '0', '-r', 'requirements.txt'],
      dir,
    );
    const script = modules
      .map(
        module =>
          `m = importlib.import_module("deps.${module}"); assert callable(m.create), "${module}: no create()"`,
      )
      .join('\n');
    await expect(
      run(
        path.join(dir, '.venv/bin/python'),
        ['-c', `import importlib\n${script}\nprint("ok")`],
        dir,
      ),
    ).resolves.toContain('ok');
    expect(modules.length).toBeGreaterThan(3);
  });
});
