import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isTechnologyEntity,
  TECHNOLOGY_KIND,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';

/**
 * Reads the live Technology entities from the catalog, with the given
 * credentials (a task's initiator credentials, so the catalog's permissions
 * apply to what the template sees).
 */
export async function loadTechnologies(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<TechnologyEntity[]> {
  const { items } = await catalog.getEntities(
    { filter: { kind: TECHNOLOGY_KIND } },
    { credentials },
  );
  return items.filter(isTechnologyEntity);
}
