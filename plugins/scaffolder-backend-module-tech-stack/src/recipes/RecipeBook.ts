import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs-extra';
import path from 'node:path';
import {
  RecipeIndex,
  technologyNameKey,
} from '@techstack/plugin-tech-stack-common';
import { parse } from 'yaml';
import {
  CODE_LANGUAGES,
  CodeLanguage,
  LoadedRecipe,
  NOT_APPLICABLE_FILE,
  NotApplicable,
  notApplicableSchema,
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

/**
 * The recipe folders of a portal: the built-in recipes, then the
 * organisation's (`techStack.scaffolder.recipesDir`), which override them.
 */
export function recipeFolders(options: {
  recipesDir?: string;
  builtInRecipesDir?: string;
}): RecipeFolder[] {
  return [
    {
      dir: options.builtInRecipesDir ?? builtInRecipesDir(),
      label: 'built-in recipes',
    },
    ...(options.recipesDir
      ? [{ dir: options.recipesDir, label: 'techStack.scaffolder.recipesDir' }]
      : []),
  ];
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
  const names = (await fs.readdir(dir))
    .filter(name => isYamlFile(name) && name !== NOT_APPLICABLE_FILE)
    .sort();
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

/** The technologies of a folder's {@link NOT_APPLICABLE_FILE}, if it has one. */
async function readNotApplicable({
  dir,
  label,
}: RecipeFolder): Promise<NotApplicable[]> {
  const file = path.join(dir, NOT_APPLICABLE_FILE);
  if (!(await fs.pathExists(file))) return [];
  const source = `${label}/${NOT_APPLICABLE_FILE}`;
  let value: unknown;
  try {
    value = parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(
      `Invalid ${source}: not valid YAML: ${(error as Error).message}`,
    );
  }
  const result = notApplicableSchema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `Invalid ${source}: ${result.error.issues
        .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return result.data.technologies.map(entry => ({ ...entry, source }));
}

/** The name keys of a recipe's technology and aliases (the catalog's rule: `ApacheKafka` = `Apache Kafka`). */
function keysOf(recipe: { technology: string; aliases?: string[] }): string[] {
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
  readonly #notApplicableByKey = new Map<string, NotApplicable>();
  readonly recipes: LoadedRecipe[];
  /** Technologies no recipe wires, with the reason (a recipe wins over an entry). */
  readonly notApplicable: NotApplicable[];

  private constructor(
    recipes: LoadedRecipe[],
    modules: Map<string, CodeModule>,
    notApplicable: NotApplicable[],
  ) {
    this.recipes = recipes;
    this.#modules = modules;
    this.notApplicable = notApplicable;
    for (const entry of notApplicable) {
      for (const key of keysOf(entry)) {
        if (!this.#notApplicableByKey.has(key)) {
          this.#notApplicableByKey.set(key, entry);
        }
      }
    }
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
    let notApplicable: NotApplicable[] = [];
    const modules = new Map<string, CodeModule>();
    for (const folder of folders) {
      for (const entry of await readNotApplicable(folder)) {
        const keys = new Set(keysOf(entry));
        notApplicable = notApplicable.filter(
          existing => !keysOf(existing).some(key => keys.has(key)),
        );
        notApplicable.push(entry);
      }
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
    const wired = new Set(recipes.flatMap(keysOf));
    return new RecipeBook(
      recipes,
      modules,
      // An organisation's recipe for a technology the list calls not applicable wins.
      notApplicable.filter(entry => !keysOf(entry).some(key => wired.has(key))),
    );
  }

  /**
   * The recipes and not-applicable entries, as `GET
   * /api/scaffolder/tech-stack/recipes` answers and `recipeCoverage` of
   * tech-stack-common reads them.
   */
  summary(): RecipeIndex {
    return {
      recipes: this.recipes.map(recipe => ({
        technology: recipe.technology,
        aliases: recipe.aliases ?? [],
        languages: CODE_LANGUAGES.filter(language => recipe.code?.[language]),
        source: recipe.source,
      })),
      notApplicable: this.notApplicable.map(entry => ({
        technology: entry.technology,
        aliases: entry.aliases ?? [],
        reason: entry.reason,
        source: entry.source,
      })),
    };
  }

  /** Why no recipe wires a technology, by any of its names, if the lists say. */
  findNotApplicable(...names: string[]): NotApplicable | undefined {
    for (const name of names) {
      const entry = this.#notApplicableByKey.get(technologyNameKey(name));
      if (entry) {
        return entry;
      }
    }
    return undefined;
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
