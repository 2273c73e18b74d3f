import type { CodeModule, RecipeBook } from '../recipes/RecipeBook';
import { CODE_EXTENSIONS } from '../recipes/RecipeBook';
import {
  CODE_LANGUAGES,
  CodeLanguage,
  LoadedRecipe,
} from '../recipes/recipeSchema';

/** A Technology entity's name, as the registry of the service holds it. */
const TECHNOLOGY_SLUG = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/** Where a language's client code goes in the service. */
export const CODE_LAYOUT: Record<
  CodeLanguage,
  { dir: string; registry: string; manifest: string }
> = {
  typescript: {
    dir: 'src/dependencies',
    registry: 'src/dependencies/index.ts',
    manifest: 'package.json',
  },
  python: {
    dir: 'app/dependencies',
    registry: 'app/dependencies/__init__.py',
    manifest: 'requirements.txt',
  },
};

/** One technology the service connects to: what the registry lists. */
export interface DependencyEntry {
  /** The technology's slug (`postgresql`), as in `techstack.dev/uses`. */
  technology: string;
  /** The environment variable with its address (`DATABASE_URL`). */
  env: string;
  /** The client module that connects to it (`postgres`). */
  module: string;
}

/** The client code a stack adds to a service in one language. */
export interface CodePlan {
  language: CodeLanguage;
  /** Client modules by path in the service: written when absent. */
  modules: Map<string, string>;
  /** The registry's entries, in stack order. */
  entries: DependencyEntry[];
  /** npm packages (TypeScript), pinned. */
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  /** `requirements.txt` lines (Python), pinned. */
  requirements: string[];
  /** Technologies whose recipe has no client code in this language. */
  withoutCode: string[];
  warnings: string[];
}

/** The language recipes have code for, from the wire action's `language` input. */
export function codeLanguageOf(
  language: string | undefined,
): CodeLanguage | undefined {
  const key = language?.toLocaleLowerCase('en-US');
  return CODE_LANGUAGES.find(candidate => candidate === key);
}

/**
 * The client code of a wired stack in one language, from the recipes'
 * `code` entries: each technology's client module (shared by technologies
 * that speak the same protocol), its pinned packages, and one registry entry
 * per technology. Two technologies connecting through the same environment
 * variable (Redis and Valkey both on `REDIS_URL`) would check one server
 * twice: the first keeps the entry, the other is named in a warning. Pure.
 */
export function planCode(
  recipes: Map<string, LoadedRecipe>,
  language: CodeLanguage,
  book: RecipeBook,
): CodePlan {
  const layout = CODE_LAYOUT[language];
  const plan: CodePlan = {
    language,
    modules: new Map(),
    entries: [],
    dependencies: {},
    devDependencies: {},
    requirements: [],
    withoutCode: [],
    warnings: [],
  };
  const envOwner = new Map<string, string>();
  for (const [slug, recipe] of recipes) {
    const code = recipe.code?.[language];
    if (code && !TECHNOLOGY_SLUG.test(slug)) {
      // The slug is written into the service's code: only a plain slug is.
      plan.warnings.push(
        `"${slug.slice(
          0,
          80,
        )}" is not a technology slug (lowercase letters, digits, - _ ., at most 63 characters): its client code is left out`,
      );
      continue;
    }
    if (!code) {
      plan.withoutCode.push(slug);
      continue;
    }
    const owner = envOwner.get(code.env);
    if (owner) {
      plan.warnings.push(
        `${slug} connects through ${code.env}, as ${owner} does: /readyz checks it once, as ${owner}`,
      );
      continue;
    }
    envOwner.set(code.env, slug);
    // RecipeBook.load checked that every module a recipe names exists.
    const module = book.module(language, code.module) as CodeModule;
    plan.modules.set(
      `${layout.dir}/${code.module}${CODE_EXTENSIONS[language]}`,
      module.text,
    );
    plan.entries.push({ technology: slug, env: code.env, module: code.module });
    const typescript =
      language === 'typescript' ? recipe.code?.typescript : undefined;
    if (typescript) {
      Object.assign(plan.dependencies, typescript.dependencies);
      Object.assign(plan.devDependencies, typescript.devDependencies);
    } else {
      for (const requirement of recipe.code?.python?.requirements ?? []) {
        if (!plan.requirements.includes(requirement)) {
          plan.requirements.push(requirement);
        }
      }
    }
  }
  return plan;
}
