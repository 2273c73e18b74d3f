import { technologyNameKey } from '../names/technologyNameKey';

/**
 * A recipe of the scaffolder module, as `GET /api/scaffolder/tech-stack/recipes`
 * lists it.
 *
 * @public
 */
export interface RecipeSummary {
  /** The technology's slug (`postgresql`). */
  technology: string;
  aliases: string[];
  /** Languages the recipe has client code for (`typescript`, `python`). */
  languages: string[];
  /** Where it comes from (`built-in recipes/postgresql.yaml`). */
  source: string;
}

/**
 * A technology no recipe wires, with the reason.
 *
 * @public
 */
export interface NotApplicableSummary {
  technology: string;
  aliases: string[];
  /** Why a service does not connect to it (a cloud, a practice, …). */
  reason: string;
  source: string;
}

/**
 * The recipes a portal's scaffolder wires with, and the technologies it
 * states no recipe for: the answer of `GET /api/scaffolder/tech-stack/recipes`.
 *
 * @public
 */
export interface RecipeIndex {
  recipes: RecipeSummary[];
  notApplicable: NotApplicableSummary[];
}

/**
 * What the recipes do for one technology.
 *
 * @public
 */
export interface RecipeCoverageEntry {
  /** The technology's slug. */
  technology: string;
  /** The name people know it by. */
  title: string;
  /**
   * `recipe`: wired by `tech-stack:wire` (with client code in `languages`);
   * `not-applicable`: not something a service connects to (`reason`);
   * `missing`: recorded in catalog-info.yaml only.
   */
  status: 'recipe' | 'not-applicable' | 'missing';
  languages: string[];
  reason?: string;
  /** The recipe or list it comes from. */
  source?: string;
}

/**
 * A technology as the coverage looks it up.
 *
 * @public
 */
export interface CoverageTechnology {
  /** Slug (entity name). */
  name: string;
  title?: string;
  aliases?: string[];
}

function keyMap<T extends { technology: string; aliases: string[] }>(
  items: T[],
): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    for (const name of [item.technology, ...item.aliases]) {
      const key = technologyNameKey(name);
      if (key && !map.has(key)) map.set(key, item);
    }
  }
  return map;
}

/**
 * The coverage of technologies by a portal's recipes, in the order given:
 * each looked up by slug, title and aliases with the catalog's name rule
 * ({@link technologyNameKey}); a recipe wins over a not-applicable entry.
 * One key per name: linear in the input.
 *
 * @public
 */
export function recipeCoverage(
  index: RecipeIndex,
  technologies: CoverageTechnology[],
): RecipeCoverageEntry[] {
  const recipes = keyMap(index.recipes);
  const notApplicable = keyMap(index.notApplicable);
  const find = <T>(map: Map<string, T>, names: string[]) => {
    for (const name of names) {
      const found = map.get(technologyNameKey(name));
      if (found) return found;
    }
    return undefined;
  };
  return technologies.map(({ name, title, aliases = [] }) => {
    const names = [name, title ?? name, ...aliases];
    const base = { technology: name, title: title ?? name };
    const recipe = find(recipes, names);
    if (recipe) {
      return {
        ...base,
        status: 'recipe',
        languages: recipe.languages,
        source: recipe.source,
      };
    }
    const entry = find(notApplicable, names);
    if (entry) {
      return {
        ...base,
        status: 'not-applicable',
        languages: [],
        reason: entry.reason,
        source: entry.source,
      };
    }
    return { ...base, status: 'missing', languages: [] };
  });
}
