import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs-extra';
import path from 'node:path';
import { technologyNameKey } from '@techstack/plugin-tech-stack-common';
import { parse } from 'yaml';
import { LoadedRecipe, parseRecipe } from './recipeSchema';

/** The folder of the recipes that ship with this package. */
export function builtInRecipesDir(): string {
  return resolvePackagePath(
    '@techstack/plugin-scaffolder-backend-module-tech-stack',
    'recipes',
  );
}

/**
 * A folder of recipes, and how messages name it: `built-in recipes`, or the
 * config key it comes from, so task logs do not show the backend's disk.
 */
export interface RecipeFolder {
  dir: string;
  label: string;
}

/** Parsed recipes by file, valid while the file's size and mtime stay the same. */
const cache = new Map<string, { stamp: string; recipe: LoadedRecipe }>();

async function readRecipe(file: string, source: string): Promise<LoadedRecipe> {
  const stat = await fs.stat(file);
  const stamp = `${stat.size}:${stat.mtimeMs}:${source}`;
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp) {
    return cached.recipe;
  }
  let value: unknown;
  try {
    value = parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(
      `Invalid recipe ${source}: not valid YAML: ${(error as Error).message}`,
    );
  }
  const recipe = parseRecipe(value, source);
  cache.set(file, { stamp, recipe });
  return recipe;
}

function isYamlFile(name: string): boolean {
  const lower = name.toLocaleLowerCase('en-US');
  return lower.endsWith('.yaml') || lower.endsWith('.yml');
}

async function readRecipeDir({
  dir,
  label,
}: RecipeFolder): Promise<LoadedRecipe[]> {
  if (!(await fs.pathExists(dir))) {
    throw new InputError(`Recipe folder ${label} does not exist`);
  }
  const names = (await fs.readdir(dir)).filter(isYamlFile).sort();
  return Promise.all(
    names.map(name => readRecipe(path.join(dir, name), `${label}/${name}`)),
  );
}

/** The name keys of a recipe's technology and aliases (the catalog's rule: `ApacheKafka` = `Apache Kafka`). */
function keysOf(recipe: LoadedRecipe): string[] {
  return [recipe.technology, ...(recipe.aliases ?? [])]
    .map(technologyNameKey)
    .filter(key => key !== '');
}

/**
 * The recipes a wired service is built from: the built-in ones, overridden
 * and extended by the organisation's (a recipe replaces every built-in one
 * that shares its technology slug or an alias). Every file is validated when
 * loaded; a bad one fails with its path and field. Parsed files are kept
 * while their size and modification time stay the same, so edits apply to
 * the next task without a restart.
 */
export class RecipeBook {
  readonly #byKey = new Map<string, LoadedRecipe>();
  readonly recipes: LoadedRecipe[];

  private constructor(recipes: LoadedRecipe[]) {
    this.recipes = recipes;
    for (const recipe of recipes) {
      for (const key of keysOf(recipe)) {
        if (!this.#byKey.has(key)) {
          this.#byKey.set(key, recipe);
        }
      }
    }
  }

  /**
   * Loads the recipes of the given folders; later folders override earlier
   * ones. A recipe's `source` is its folder's label and file name.
   */
  static async load(folders: RecipeFolder[]): Promise<RecipeBook> {
    let recipes: LoadedRecipe[] = [];
    for (const folder of folders) {
      for (const recipe of await readRecipeDir(folder)) {
        const keys = new Set(keysOf(recipe));
        recipes = recipes.filter(
          existing => !keysOf(existing).some(key => keys.has(key)),
        );
        recipes.push(recipe);
      }
    }
    return new RecipeBook(recipes);
  }

  /** The recipe of a technology, by any of its names, if there is one. */
  find(...names: string[]): LoadedRecipe | undefined {
    for (const name of names) {
      const recipe = this.#byKey.get(technologyNameKey(name));
      if (recipe) {
        return recipe;
      }
    }
    return undefined;
  }
}
