import type { RecipeIndex } from '@techstack/plugin-tech-stack-common';
import { RecipeBook, recipeFolders } from './RecipeBook';

/**
 * The recipes a portal wires with and the technologies it states no recipe
 * for (`GET /api/scaffolder/tech-stack/recipes`, `tech-stack recipes`).
 *
 * @public
 */
export async function loadRecipeIndex(
  options: { recipesDir?: string } = {},
): Promise<RecipeIndex> {
  return (await RecipeBook.load(recipeFolders(options))).summary();
}
