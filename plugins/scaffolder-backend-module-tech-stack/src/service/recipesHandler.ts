import type { HttpRouterService } from '@backstage/backend-plugin-api';
import { loadRecipeIndex } from '../recipes/loadRecipeIndex';

/** An express request handler, typed without importing express. */
type Handler = Parameters<HttpRouterService['use']>[0];

/** The path, under the scaffolder plugin's router (`/api/scaffolder`). */
export const RECIPES_PATH = '/tech-stack/recipes';

/**
 * `GET /api/scaffolder/tech-stack/recipes`: the recipes `tech-stack:wire`
 * uses (technology, aliases, languages with client code, source) and the
 * technologies no recipe wires with the reason; the TechStackPicker marks
 * its choices from it. Read from disk on each request (recipe files are
 * cached while unchanged), so edits apply without a restart. Behind the
 * scaffolder's default auth policy: users and services only.
 */
export function createRecipesHandler(options: {
  recipesDir?: string;
}): Handler {
  return (req, res, next) => {
    if (req.method !== 'GET' || req.path !== RECIPES_PATH) {
      next();
      return;
    }
    loadRecipeIndex(options).then(index => res.json(index), next);
  };
}
