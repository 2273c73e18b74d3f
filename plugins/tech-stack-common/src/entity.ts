import type { Entity } from '@backstage/catalog-model';
import { z } from 'zod';
import { RINGS, TECHNOLOGY_TYPES, Ring, TechnologyType } from './types';

/**
 * apiVersion of the Technology kind.
 *
 * @public
 */
export const TECHNOLOGY_API_VERSION = 'techstack.dev/v1alpha1';
/**
 * The entity kind for one technology of the guide.
 *
 * @public
 */
export const TECHNOLOGY_KIND = 'Technology';

/**
 * A component lists the technologies it uses here: comma-separated names, aliases or refs.
 *
 * @public
 */
export const ANNOTATION_TECHSTACK_USES = 'techstack.dev/uses';
/**
 * Where a Technology entry came from: the guide's URL or path, with `#L<line>`.
 *
 * @public
 */
export const ANNOTATION_TECHSTACK_SOURCE = 'techstack.dev/source-location';
/**
 * Which configured guide (its `id`) produced a Technology entity.
 *
 * @public
 */
export const ANNOTATION_TECHSTACK_GUIDE = 'techstack.dev/guide';
/**
 * JSON-encoded ring history: `[{ date, from, to }]`, newest last.
 *
 * @public
 */
export const ANNOTATION_TECHSTACK_RING_HISTORY = 'techstack.dev/ring-history';

/**
 * Relation from a component to a technology it uses.
 *
 * @public
 */
export const RELATION_USES_TECHNOLOGY = 'usesTechnology';
/**
 * Relation from a technology to a component that uses it.
 *
 * @public
 */
export const RELATION_TECHNOLOGY_USED_BY = 'technologyUsedBy';

/**
 * One place a technology appears in the guide.
 *
 * @public
 */
export type TechnologyLayer = {
  /** The `##` section: a radar sector. */
  section: string;
  /** The `###` heading inside the section, if any. */
  group?: string;
  /** The table row or diagram subgraph. */
  layer: string;
  /** The ring the technology holds there. */
  ring: Ring;
  /** The 1-based guide line of that row or diagram node (orders sectors and layers as the guide does). */
  line?: number;
};

/**
 * The spec of a Technology entity.
 *
 * @public
 */
export type TechnologySpec = {
  /** The best ring the technology holds anywhere in the guide. */
  ring: Ring;
  layers: TechnologyLayer[];
  aliases?: string[];
  type: TechnologyType;
  owner: string;
  description?: string;
  /** Why the ring was set by the organisation (an override), if it was. */
  ringReason?: string;
};

/**
 * A Technology entity: `techstack.dev/v1alpha1`, kind `Technology`.
 *
 * @public
 */
export interface TechnologyEntity extends Entity {
  apiVersion: typeof TECHNOLOGY_API_VERSION;
  kind: typeof TECHNOLOGY_KIND;
  spec: TechnologySpec;
}

const ringSchema = z.enum(RINGS);

/**
 * The schema a Technology entity's spec must satisfy.
 *
 * @public
 */
export const technologySpecSchema = z
  .object({
    ring: ringSchema,
    layers: z
      .array(
        z
          .object({
            section: z.string().min(1),
            group: z.string().min(1).optional(),
            layer: z.string().min(1),
            ring: ringSchema,
            line: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .min(1),
    aliases: z.array(z.string().min(1)).optional(),
    type: z.enum(TECHNOLOGY_TYPES),
    owner: z.string().min(1),
    description: z.string().optional(),
    ringReason: z.string().optional(),
  })
  .strict();

/**
 * Is this entity of kind Technology (any apiVersion)?
 *
 * @public
 */
export function isTechnologyEntity(entity: Entity): entity is TechnologyEntity {
  return (
    entity.apiVersion === TECHNOLOGY_API_VERSION &&
    entity.kind === TECHNOLOGY_KIND
  );
}

/**
 * Validates a Technology entity's spec. Returns the problems found, each naming
 * the field, or an empty list.
 *
 * @public
 */
export function validateTechnologySpec(spec: unknown): string[] {
  const result = technologySpecSchema.safeParse(spec);
  if (result.success) {
    return [];
  }
  return result.error.issues.map(issue => {
    const path = ['spec', ...issue.path.map(String)].join('.');
    return `${path}: ${issue.message}`;
  });
}

/**
 * Splits a `techstack.dev/uses` annotation into its names, trimmed, empties dropped.
 *
 * @public
 */
export function parseUsesAnnotation(value: string | undefined): string[] {
  if (!value) {
    return [];
  }
  return value
    .split(',')
    .map(part => part.trim())
    .filter(part => part.length > 0);
}
