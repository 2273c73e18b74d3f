import { AuthService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_TECHSTACK_USES,
  parseUsesAnnotation,
  RELATION_USES_TECHNOLOGY,
  TECHNOLOGY_KIND,
  technologyEntityNames,
  TechnologyNameIndex,
} from '@techstack/plugin-tech-stack-common';
import { boundUsageNames } from '@techstack/plugin-tech-stack-common';
import { TechnologyTransition } from './detectTransitions';

/** Entities per page when reading the catalog. */
export const AFFECTED_PAGE_SIZE = 500;

/** The most entities one run reads to find the users of its transitions. */
export const MAX_SCANNED_ENTITIES = 10_000;

/**
 * An entity that uses a technology that went on hold or left the guide.
 *
 * @public
 */
export interface AffectedEntity {
  /** `component:default/orders`. */
  ref: string;
  /** `metadata.title`, if any. */
  title?: string;
}

/**
 * Who uses the technologies of a run's transitions.
 *
 * @public
 */
export interface AffectedOwners {
  /** Technology ref → owner ref → the owner's entities using it, ordered by ref. */
  byTechnology: Map<string, Map<string, AffectedEntity[]>>;
  /** How many entities were read. */
  scanned: number;
  /** Whether the read stopped at the bound (10,000 entities) with more to go. */
  truncated: boolean;
  /** Entities that use one of the technologies but have no owner (nobody to tell). */
  withoutOwner: number;
}

function ownerOf(entity: Entity): string | undefined {
  const related = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (related) {
    return related.targetRef.toLocaleLowerCase('en-US');
  }
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * Finds the entities (components, and any other kind that declares usage)
 * that use the technologies of `transitions`, grouped by technology and
 * owner, with the module's own service credentials.
 *
 * One paged query (cursor, 500 a page, at most 10,000
 * entities) reads every entity that either has a
 * `usesTechnology` relation to one of them or carries a `techstack.dev/uses`
 * annotation; the annotation's names are resolved by the one naming rule
 * (`TechnologyNameIndex`) over `technologies` (all of the guide's
 * technologies, before and after the run), so an entity whose relation is
 * missing (not yet processed, or dropped with the technology) is still
 * found. The owner is the entity's `ownedBy` relation, else its
 * `spec.owner` (as a lower-case ref, so one owner is one key).
 *
 * @public
 */
export async function findAffectedEntities(options: {
  catalog: CatalogService;
  auth: AuthService;
  transitions: TechnologyTransition[];
  /** Every technology a usage name may resolve to, in order of precedence. */
  technologies: Entity[];
  pageSize?: number;
  maxEntities?: number;
}): Promise<AffectedOwners> {
  const { catalog, auth, transitions } = options;
  const pageSize = options.pageSize ?? AFFECTED_PAGE_SIZE;
  const maxEntities = options.maxEntities ?? MAX_SCANNED_ENTITIES;
  const result: AffectedOwners = {
    byTechnology: new Map(),
    scanned: 0,
    truncated: false,
    withoutOwner: 0,
  };
  if (!transitions.length) {
    return result;
  }
  const wanted = new Map(transitions.map(t => [t.ref.toLowerCase(), t.ref]));
  const index = new TechnologyNameIndex(
    options.technologies,
    technologyEntityNames,
  );
  const refOf = (technology: Entity) =>
    stringifyEntityRef({
      kind: TECHNOLOGY_KIND,
      namespace: technology.metadata.namespace ?? DEFAULT_NAMESPACE,
      name: technology.metadata.name,
    }).toLowerCase();

  const add = (technologyRef: string, owner: string, entity: Entity) => {
    const owners = result.byTechnology.get(technologyRef) ?? new Map();
    const list: AffectedEntity[] = owners.get(owner) ?? [];
    list.push({
      ref: stringifyEntityRef(entity),
      ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    });
    owners.set(owner, list);
    result.byTechnology.set(technologyRef, owners);
  };

  const credentials = await auth.getOwnServiceCredentials();
  const fields = [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'metadata.title',
    'metadata.annotations',
    'spec.owner',
    'relations',
  ];
  let cursor: string | undefined;
  do {
    const limit = Math.min(pageSize, maxEntities - result.scanned);
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit, fields }
        : {
            query: {
              $any: [
                {
                  [`relations.${RELATION_USES_TECHNOLOGY}`]: {
                    $in: [...wanted.values()],
                  },
                },
                {
                  [`metadata.annotations.${ANNOTATION_TECHSTACK_USES}`]: {
                    $exists: true,
                  },
                },
              ],
            },
            orderFields: { field: 'metadata.uid', order: 'asc' },
            totalItems: 'exclude',
            limit,
            fields,
          },
      { credentials },
    );
    result.scanned += page.items.length;
    cursor = page.pageInfo.nextCursor;
    for (const entity of page.items) {
      const matched = new Set<string>();
      for (const relation of entity.relations ?? []) {
        if (relation.type === RELATION_USES_TECHNOLOGY) {
          const ref = wanted.get(relation.targetRef.toLowerCase());
          if (ref) {
            matched.add(ref);
          }
        }
      }
      const { names } = boundUsageNames(
        parseUsesAnnotation(
          entity.metadata.annotations?.[ANNOTATION_TECHSTACK_USES],
        ),
      );
      for (const name of names) {
        const technology = index.find(name);
        const ref = technology && wanted.get(refOf(technology));
        if (ref) {
          matched.add(ref);
        }
      }
      if (!matched.size) {
        continue;
      }
      const owner = ownerOf(entity);
      if (!owner) {
        result.withoutOwner += 1;
        continue;
      }
      for (const ref of matched) {
        add(ref, owner, entity);
      }
    }
    if (cursor && result.scanned >= maxEntities) {
      result.truncated = true;
      break;
    }
  } while (cursor);

  for (const owners of result.byTechnology.values()) {
    for (const list of owners.values()) {
      list.sort((a, b) => a.ref.localeCompare(b.ref));
    }
  }
  return result;
}
