import { TechnologyNameIndex } from '../names/TechnologyNameIndex';

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

/**
 * The coverage of technologies by a portal's recipes, in the order given:
 * each looked up by slug, title and aliases with the catalog's name rule
 * ({@link TechnologyNameIndex}: slugs win over aliases); a recipe wins over
 * a not-applicable entry. One key per name: linear in the input.
 *
 * @public
 */
export function recipeCoverage(
  index: RecipeIndex,
  technologies: CoverageTechnology[],
): RecipeCoverageEntry[] {
  const namesOf = (item: { technology: string; aliases: string[] }) => ({
    name: item.technology,
    aliases: item.aliases,
  });
  const recipes = new TechnologyNameIndex(index.recipes, namesOf);
  const notApplicable = new TechnologyNameIndex(index.notApplicable, namesOf);
  const find = <T>(lookup: TechnologyNameIndex<T>, names: string[]) => {
    for (const name of names) {
      const found = lookup.find(name);
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
