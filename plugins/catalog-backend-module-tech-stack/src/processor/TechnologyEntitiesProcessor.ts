import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  TECHNOLOGY_API_VERSION,
  TECHNOLOGY_KIND,
  validateTechnologySpec,
} from '@techstack/plugin-tech-stack-common';

/**
 * Teaches the catalog the `Technology` kind: validates its spec against the
 * schema of the common package.
 *
 * @public
 */
export class TechnologyEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'TechnologyEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (
      entity.apiVersion !== TECHNOLOGY_API_VERSION ||
      entity.kind !== TECHNOLOGY_KIND
    ) {
      return false;
    }
    const problems = validateTechnologySpec(entity.spec);
    if (problems.length > 0) {
      throw new InputError(
        `Invalid ${TECHNOLOGY_KIND} entity ${entity.metadata.name}: ${problems.join('; ')}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    return entity;
  }
}
