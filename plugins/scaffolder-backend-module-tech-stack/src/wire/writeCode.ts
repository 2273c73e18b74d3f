import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs-extra';
import { readIfExists } from '../lib/readIfExists';
import path from 'node:path';
import { CODE_LAYOUT, CodePlan, DependencyEntry } from './planCode';

// One registry entry per line, as renderRegistry writes it or a formatter
// rewrites it (either quote, trailing comma optional). Anchored, no nested
// quantifiers: linear in the line's length.
const TYPESCRIPT_ENTRY =
  /^\s*\[['"]([a-z0-9][a-z0-9_.-]*)['"], ['"]([A-Za-z_][A-Za-z0-9_]*)['"], ([a-z][a-z0-9_]*)\],?$/;
const PYTHON_ENTRY =
  /^\s*\(['"]([a-z0-9][a-z0-9_.-]*)['"], ['"]([A-Za-z_][A-Za-z0-9_]*)['"], ([a-z][a-z0-9_]*)\.create\),?$/;

/** The entries of an existing registry, as written by {@link renderRegistry}. */
export function readRegistry(
  language: CodePlan['language'],
  text: string,
): DependencyEntry[] {
  const pattern = language === 'typescript' ? TYPESCRIPT_ENTRY : PYTHON_ENTRY;
  return text.split('\n').flatMap(line => {
    const match = pattern.exec(line.trimEnd());
    return match
      ? [{ technology: match[1], env: match[2], module: match[3] }]
      : [];
  });
}

/**
 * The registry of a service's dependencies: the list `/readyz` checks, one
 * entry per technology with the environment variable it connects through.
 * Short lines, so that a formatter keeps one entry per line.
 */
export function renderRegistry(
  language: CodePlan['language'],
  entries: DependencyEntry[],
): string {
  const modules = [...new Set(entries.map(entry => entry.module))].sort();
  if (language === 'typescript') {
    return [
      '// The technologies this service connects to, checked by /readyz:',
      '// [technology, environment variable, client module]. tech-stack:wire',
      '// rewrites this file from its entries: keep one entry per line.',
      "import type { DependencyEntry } from './types';",
      ...modules.map(module => `import ${module} from './${module}';`),
      '',
      ...(entries.length === 0
        ? ['export const dependencies: DependencyEntry[] = [];']
        : [
            'export const dependencies: DependencyEntry[] = [',
            ...entries.map(
              entry =>
                `  ['${entry.technology}', '${entry.env}', ${entry.module}],`,
            ),
            '];',
          ]),
      '',
    ].join('\n');
  }
  return [
    '"""The technologies this service connects to, checked by /readyz:',
    '(technology, environment variable, client module). tech-stack:wire',
    'rewrites this file from its entries: keep one entry per line.',
    '"""',
    '',
    ...(modules.length > 0 ? [`from . import ${modules.join(', ')}`, ''] : []),
    ...(entries.length === 0
      ? ['DEPENDENCIES = []']
      : [
          'DEPENDENCIES = [',
          ...entries.map(
            entry =>
              `    ("${entry.technology}", "${entry.env}", ${entry.module}.create),`,
          ),
          ']',
        ]),
    '',
  ].join('\n');
}

/** The name of a requirement, compared as pip does (`Psycopg_Binary` = `psycopg-binary`). */
function requirementName(line: string): string {
  const end = line.search(/[[=<>!~;\s]/);
  return (end === -1 ? line : line.slice(0, end))
    .toLocaleLowerCase('en-US')
    .replace(/[-_.]+/g, '-');
}

function mergePackageJson(
  existing: string | undefined,
  plan: CodePlan,
): string | undefined {
  if (
    Object.keys(plan.dependencies).length === 0 &&
    Object.keys(plan.devDependencies).length === 0
  ) {
    return undefined;
  }
  const wanted = [
    ...Object.keys(plan.dependencies),
    ...Object.keys(plan.devDependencies),
  ].join(', ');
  let pkg: Record<string, unknown> = {};
  if (existing !== undefined) {
    try {
      pkg = JSON.parse(existing);
    } catch (error) {
      throw new InputError(
        `package.json is not valid JSON (${
          (error as Error).message
        }); fix it, or add ${wanted} by hand`,
      );
    }
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(pkg)) {
    throw new InputError(
      `package.json is not a JSON object; fix it, or add ${wanted} by hand`,
    );
  }
  for (const field of ['dependencies', 'devDependencies'] as const) {
    if (pkg[field] !== undefined && !isObject(pkg[field])) {
      throw new InputError(
        `package.json: ${field} is not an object; fix it, or add ${wanted} by hand`,
      );
    }
  }
  const declared = (name: string) =>
    name in ((pkg.dependencies ?? {}) as object) ||
    name in ((pkg.devDependencies ?? {}) as object);
  let changed = false;
  for (const field of ['dependencies', 'devDependencies'] as const) {
    const current = { ...((pkg[field] ?? {}) as Record<string, string>) };
    for (const [name, version] of Object.entries(plan[field])) {
      // A package the service already declares keeps its place and version.
      if (!declared(name)) {
        current[name] = version;
        changed = true;
      }
    }
    if (Object.keys(current).length > 0) {
      pkg[field] = Object.fromEntries(
        Object.entries(current).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
  }
  return changed ? `${JSON.stringify(pkg, null, 2)}\n` : undefined;
}

function mergeRequirements(
  existing: string | undefined,
  plan: CodePlan,
): string | undefined {
  const lines = existing === undefined ? [] : existing.split('\n');
  const present = new Set(
    lines
      .map(line => line.trim())
      .filter(line => line && !line.startsWith('#'))
      .map(requirementName),
  );
  const added = plan.requirements.filter(
    line => !present.has(requirementName(line)),
  );
  if (added.length === 0) return undefined;
  const kept = lines.join('\n').trimEnd();
  return `${kept ? `${kept}\n` : ''}${added.join('\n')}\n`;
}

/**
 * Writes the client code of a plan into the service folder (every path
 * checked to stay inside it): client modules when absent (an edited module
 * stays as it is), the registry rewritten from its existing entries and the
 * plan's (the plan's win for the same technology; a planned technology on
 * a variable an existing entry already uses is left out, with a warning),
 * and the packages added to `package.json` or `requirements.txt` (a package
 * already declared, in either dependency group, keeps its version). Returns
 * the paths written, relative to the folder, and the warnings.
 */
export async function writeCode(
  baseDir: string,
  plan: CodePlan,
): Promise<{ files: string[]; warnings: string[] }> {
  const layout = CODE_LAYOUT[plan.language];
  const target = (file: string) => resolveSafeChildPath(baseDir, file);
  const written: string[] = [];
  const write = async (file: string, text: string) => {
    const full = target(file);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, text);
    written.push(file);
  };

  for (const [file, text] of plan.modules) {
    if (!(await fs.pathExists(target(file)))) {
      await write(file, text);
    }
  }

  const warnings: string[] = [];
  const existing = await readIfExists(target(layout.registry), layout.registry);
  const planned = new Set(plan.entries.map(entry => entry.technology));
  const kept = readRegistry(plan.language, existing ?? '').filter(
    entry => !planned.has(entry.technology),
  );
  const envOwner = new Map(kept.map(entry => [entry.env, entry.technology]));
  const entries = [
    ...kept,
    ...plan.entries.filter(entry => {
      const owner = envOwner.get(entry.env);
      if (owner) {
        warnings.push(
          `${entry.technology} connects through ${entry.env}, as ${owner} (already in the service) does: /readyz checks it once, as ${owner}`,
        );
      }
      return !owner;
    }),
  ];
  const registry = renderRegistry(plan.language, entries);
  if (registry !== existing) {
    await write(layout.registry, registry);
  }

  const manifest = await readIfExists(target(layout.manifest), layout.manifest);
  const merged =
    plan.language === 'typescript'
      ? mergePackageJson(manifest, plan)
      : mergeRequirements(manifest, plan);
  if (merged !== undefined) {
    await write(layout.manifest, merged);
  }
  return { files: written, warnings };
}
