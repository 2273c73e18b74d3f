/* eslint-disable no-restricted-imports */
import { existsSync, promises as fs } from 'fs';
import { createRequire } from 'module';
import { isAbsolute, join, resolve } from 'path';
import type { RecipeIndex } from '../recipes/recipeCoverage';
import type { CliIo } from './run';

/** The package whose recipes `tech-stack recipes` reads. */
const SCAFFOLDER_MODULE =
  '@techstack/plugin-scaffolder-backend-module-tech-stack';

/**
 * The recipes of the scaffolder module installed in the project the command
 * runs in (looked up from the working directory, as `yarn tech-stack` and
 * `npx tech-stack` run it). Not a dependency of this package: the module
 * depends on this one.
 */
async function loadRecipeIndex(recipesDir?: string): Promise<RecipeIndex> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  let module: {
    loadRecipeIndex(options: { recipesDir?: string }): Promise<RecipeIndex>;
  };
  try {
    module = require(SCAFFOLDER_MODULE);
  } catch {
    throw new Error(
      `tech-stack recipes reads the recipes of ${SCAFFOLDER_MODULE}, which is not installed here; add it to the backend (yarn --cwd packages/backend add ${SCAFFOLDER_MODULE}) and run the command from the portal's root`,
    );
  }
  return module.loadRecipeIndex(
    recipesDir ? { recipesDir: resolveCliPath(recipesDir) } : {},
  );
}

/**
 * Where a relative path given on the command line points. `yarn tech-stack`
 * runs from the repo root and `npx tech-stack` from the package's folder, so a
 * relative path is looked up from where the command was started (`INIT_CWD`,
 * set by yarn and npm) first, then from the working directory.
 */
export function resolveCliPath(path: string): string {
  if (isAbsolute(path)) return path;
  const origin = process.env.INIT_CWD;
  if (origin) {
    const fromOrigin = resolve(origin, path);
    if (existsSync(fromOrigin)) return fromOrigin;
  }
  return resolve(process.cwd(), path);
}

/**
 * The {@link CliIo} of a Node process: its stdout and stderr, its disk, global `fetch`.
 *
 * @public
 */
export function nodeCliIo(): CliIo {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    readFile: path => fs.readFile(resolveCliPath(path)),
    fetch: url => fetch(url),
    loadRecipeIndex,
  };
}
