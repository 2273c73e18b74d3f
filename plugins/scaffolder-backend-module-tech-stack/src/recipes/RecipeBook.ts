import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs-extra';
import path from 'node:path';
import { technologyNameKey } from '@techstack/plugin-tech-stack-common';
import { parse } from 'yaml';
import {
  CODE_LANGUAGES,
  CodeLanguage,
  LoadedRecipe,
  parseRecipe,
} from './recipeSchema';

/** The file extension of a language's client modules. */
export const CODE_EXTENSIONS: Record<CodeLanguage, string> = {
  typescript: '.ts',
  python: '.py',
};

/** A client module: its text and where it came from (`built-in recipes/code/typescript/postgres.ts`). */
export interface CodeModule {
  text: string;
  source: string;
}

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

/**
 * The client modules of a recipe folder: `code/<language>/<module>.<ext>`,
 * by `<language>/<module>`.
 */
async function readCodeModules({
  dir,
  label,
}: RecipeFolder): Promise<Map<string, CodeModule>> {
  const modules = new Map<string, CodeModule>();
  for (const language of CODE_LANGUAGES) {
    const folder = path.join(dir, 'code', language);
    if (!(await fs.pathExists(folder))) continue;
    const extension = CODE_EXTENSIONS[language];
    for (const name of (await fs.readdir(folder)).sort()) {
      if (!name.endsWith(extension)) continue;
      const module = name.slice(0, -extension.length);
      modules.set(`${language}/${module}`, {
        text: await fs.readFile(path.join(folder, name), 'utf8'),
        source: `${label}/code/${language}/${name}`,
      });
    }
  }
  return modules;
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
  readonly #modules: Map<string, CodeModule>;
  readonly recipes: LoadedRecipe[];

  private constructor(
    recipes: LoadedRecipe[],
    modules: Map<string, CodeModule>,
  ) {
    this.recipes = recipes;
    this.#modules = modules;
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
   * ones, recipe by recipe and client module by client module. A recipe's
   * `source` is its folder's label and file name. A recipe whose code names
   * a client module that no folder has fails with the recipe and the field.
   */
  static async load(folders: RecipeFolder[]): Promise<RecipeBook> {
    let recipes: LoadedRecipe[] = [];
    const modules = new Map<string, CodeModule>();
    for (const folder of folders) {
      for (const [key, module] of await readCodeModules(folder)) {
        modules.set(key, module);
      }
      for (const recipe of await readRecipeDir(folder)) {
        const keys = new Set(keysOf(recipe));
        recipes = recipes.filter(
          existing => !keysOf(existing).some(key => keys.has(key)),
        );
        recipes.push(recipe);
      }
    }
    for (const recipe of recipes) {
      for (const language of CODE_LANGUAGES) {
        const code = recipe.code?.[language];
        if (code && !modules.has(`${language}/${code.module}`)) {
          throw new InputError(
            `Invalid recipe ${recipe.source}: code.${language}.module: no file code/${language}/${code.module}${CODE_EXTENSIONS[language]} in the recipe folders`,
          );
        }
      }
    }
    return new RecipeBook(recipes, modules);
  }

  /** A client module of a language, by name (`postgres`), if there is one. */
  module(language: CodeLanguage, name: string): CodeModule | undefined {
    return this.#modules.get(`${language}/${name}`);
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
