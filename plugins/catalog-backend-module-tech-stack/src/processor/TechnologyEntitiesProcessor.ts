import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  ANNOTATION_TECHSTACK_USES,
  isTechnologyEntity,
  isValidSlug,
  parseUsesAnnotation,
  RELATION_TECHNOLOGY_USED_BY,
  RELATION_USES_TECHNOLOGY,
  TECHNOLOGY_API_VERSION,
  TECHNOLOGY_KIND,
  technologySlug,
  validateTechnologySpec,
} from '@techstack/plugin-tech-stack-common';
import { TechnologyIndex } from './TechnologyIndex';
import { boundUsageNames } from '@techstack/plugin-tech-stack-common';

/** How many unknown names one error lists (each once); the rest are counted. */
const LISTED_UNKNOWN_LIMIT = 10;

/** A name as an error message shows it: at most 60 characters. */
function shorten(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

/**
 * Teaches the catalog the `Technology` kind and its relations:
 *
 * - validates a Technology's spec against the schema of the common package;
 * - emits `ownedBy` / `ownerOf` for its `spec.owner` (the catalog's built-in
 *   processor only does this for the built-in kinds);
 * - for any entity with a `techstack.dev/uses` annotation, resolves each name
 *   (name, alias, slug or `technology:` ref) through the {@link TechnologyIndex}
 *   and emits `usesTechnology` / `technologyUsedBy`; a name that matches no
 *   technology becomes an input error on that entity, naming the annotation,
 *   the name and the closest valid names. The catalog never stores an entity
 *   whose first processing fails, so for an entity not yet in the catalog the
 *   unknown name becomes a `usesTechnology` relation to the technology it
 *   would be (`technology:default/mysql`): the entity is stored, its page
 *   warns about the relation that points nowhere, and the next processing
 *   pass reports the input error;
 * - holds the annotation to bounds: more than 100 names, or a name longer
 *   than 200 characters, is an input error naming the limit (reported like
 *   an unknown name), and only the names within the bounds are resolved.
 *
 * @public
 */
export class TechnologyEntitiesProcessor implements CatalogProcessor {
  readonly #index: TechnologyIndex;

  /**
   * @param options - `index` resolves usage names; without one, usage
   * annotations resolve by slug only and unknown names are not reported.
   */
  constructor(options: { index?: TechnologyIndex } = {}) {
    this.#index = options.index ?? new TechnologyIndex({});
  }

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
        `Invalid ${TECHNOLOGY_KIND} entity ${
          entity.metadata.name
        }: ${problems.join('; ')}`,
      );
    }
    return true;
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const selfRef = getCompoundEntityRef(entity);

    if (isTechnologyEntity(entity) && entity.spec.owner) {
      const owner = parseEntityRef(entity.spec.owner, {
        defaultKind: 'Group',
        defaultNamespace: selfRef.namespace,
      });
      emit(
        processingResult.relation({
          source: selfRef,
          type: RELATION_OWNED_BY,
          target: owner,
        }),
      );
      emit(
        processingResult.relation({
          source: owner,
          type: RELATION_OWNER_OF,
          target: selfRef,
        }),
      );
    }

    const { names, problems } = boundUsageNames(
      parseUsesAnnotation(
        entity.metadata.annotations?.[ANNOTATION_TECHSTACK_USES],
      ),
    );
    if (names.length === 0 && problems.length === 0) {
      return entity;
    }

    const { results } = await this.#index.resolve(names);

    const unknown = new Map<string, string>();
    const unresolved: string[] = [];
    const emitted = new Set<string>();
    for (const result of results) {
      if (!result.ref) {
        unresolved.push(result.name);
        if (!unknown.has(result.name)) {
          const hint = result.suggestions.length
            ? ` (did you mean ${result.suggestions
                .map(s => `'${s}'`)
                .join(', ')}?)`
            : '';
          unknown.set(result.name, `'${shorten(result.name)}'${hint}`);
        }
        continue;
      }
      const key = `${result.ref.namespace}/${result.ref.name}`;
      if (emitted.has(key)) {
        continue;
      }
      emitted.add(key);
      emit(
        processingResult.relation({
          source: selfRef,
          type: RELATION_USES_TECHNOLOGY,
          target: result.ref,
        }),
      );
      emit(
        processingResult.relation({
          source: result.ref,
          type: RELATION_TECHNOLOGY_USED_BY,
          target: selfRef,
        }),
      );
    }
    const annotation = `Annotation ${ANNOTATION_TECHSTACK_USES} of ${entity.kind}:${selfRef.namespace}/${selfRef.name}`;
    const errors = problems.map(problem => `${annotation} ${problem}`);
    if (unknown.size) {
      const listed = [...unknown.values()];
      const more =
        listed.length > LISTED_UNKNOWN_LIMIT
          ? `, and ${listed.length - LISTED_UNKNOWN_LIMIT} more`
          : '';
      errors.push(
        `${annotation} names ${
          unknown.size === 1 ? 'an unknown technology' : 'unknown technologies'
        }: ${listed.slice(0, LISTED_UNKNOWN_LIMIT).join(', ')}${more}`,
      );
    }
    if (
      errors.length &&
      !(await this.#index.isInCatalog(stringifyEntityRef(selfRef)))
    ) {
      // first sight: keep the entity; the next pass reports the error
      for (const name of unresolved) {
        const slug = technologySlug(name);
        if (!isValidSlug(slug)) continue;
        emit(
          processingResult.relation({
            source: selfRef,
            type: RELATION_USES_TECHNOLOGY,
            target: {
              kind: TECHNOLOGY_KIND,
              namespace: selfRef.namespace,
              name: slug,
            },
          }),
        );
      }
    } else if (errors.length) {
      emit(processingResult.inputError(location, errors.join('; ')));
    }
    return entity;
  }
}
