import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  ALL_RELATION_PAIRS,
  ALL_RELATIONS,
  catalogGraphApiRef,
  DefaultCatalogGraphApi,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_TECHNOLOGY_USED_BY,
  RELATION_USES_TECHNOLOGY,
} from '@techstack/plugin-tech-stack-common';

/**
 * The catalog graph's API with the Tech Stack usage relations known, and no
 * relation type hidden by default (replaces `api:catalog-graph`).
 */
export const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [
            ...ALL_RELATIONS,
            RELATION_USES_TECHNOLOGY,
            RELATION_TECHNOLOGY_USED_BY,
          ],
          knownRelationPairs: [
            ...ALL_RELATION_PAIRS,
            [RELATION_USES_TECHNOLOGY, RELATION_TECHNOLOGY_USED_BY],
          ],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});
