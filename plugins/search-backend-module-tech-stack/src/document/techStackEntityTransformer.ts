import {
  CatalogCollatorEntityTransformer,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import { isTechnologyEntity } from '@techstack/plugin-tech-stack-common';
import { technologySearchDocument } from './technologySearchDocument';

/**
 * Options of {@link createTechStackEntityTransformer}.
 *
 * @public
 */
export type TechStackEntityTransformerOptions = {
  /**
   * Shapes every entity that is not a `Technology` (and a `Technology` whose
   * spec has no valid ring). Default: Backstage's
   * `defaultCatalogCollatorEntityTransformer`. A portal that has its own
   * transformer passes it here, since the catalog collator takes only one.
   */
  fallback?: CatalogCollatorEntityTransformer;
};

/**
 * An entity transformer for the catalog collator of
 * `@backstage/plugin-search-backend-module-catalog`: `Technology` entities
 * (`techstack.dev/v1alpha1`) become a {@link TechnologySearchDocument},
 * found by name, alias, layer, section and ring; every other entity goes to
 * the fallback unchanged.
 *
 * @public
 */
export function createTechStackEntityTransformer(
  options: TechStackEntityTransformerOptions = {},
): CatalogCollatorEntityTransformer {
  const fallback = options.fallback ?? defaultCatalogCollatorEntityTransformer;
  return entity =>
    (isTechnologyEntity(entity) && technologySearchDocument(entity)) ||
    fallback(entity);
}
