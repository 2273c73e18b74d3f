import type { Entity } from '@backstage/catalog-model';

/**
 * The names a technology is found by: its slug, namespace, title and aliases.
 *
 * @public
 */
export interface TechnologyNames {
  /** `metadata.name`: the slug (`apache-kafka`). */
  name: string;
  /** `metadata.namespace`; `default` when left out. */
  namespace?: string;
  /** `metadata.title`: the name as the guide writes it (`Apache Kafka`). */
  title?: string;
  /** `spec.aliases`: other names it goes by (`Kafka`). */
  aliases?: readonly string[];
}

/**
 * Reads the names of a Technology entity (or any entity shaped like one):
 * `spec.aliases` entries that are not strings are left out.
 *
 * @public
 */
export function technologyEntityNames(entity: Entity): TechnologyNames {
  const aliases = (entity.spec as { aliases?: unknown } | undefined)?.aliases;
  return {
    name: entity.metadata.name,
    ...(entity.metadata.namespace
      ? { namespace: entity.metadata.namespace }
      : {}),
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    aliases: Array.isArray(aliases)
      ? aliases.filter((a): a is string => typeof a === 'string')
      : [],
  };
}
