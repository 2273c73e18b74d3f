import { Entity } from '@backstage/catalog-model';
import { Ring, TechnologyLayer } from '@techstack/plugin-tech-stack-common';

/** The parts of a Technology entity's spec the entity page shows. */
export interface TechnologySpecView {
  /** The best ring it holds anywhere in the guide. */
  ring?: Ring;
  type?: string;
  /** `spec.description`, else `metadata.description`. */
  description?: string;
  ringReason?: string;
  /** Every place it appears in the guide; malformed entries are dropped. */
  layers: TechnologyLayer[];
  aliases: string[];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Reads the spec of a Technology entity defensively: a field of the wrong
 * type is treated as absent, never shown as `[object Object]`.
 */
export function technologySpec(entity: Entity): TechnologySpecView {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const layers = Array.isArray(spec.layers)
    ? (spec.layers as TechnologyLayer[]).filter(
        l => l && typeof l.section === 'string' && typeof l.layer === 'string',
      )
    : [];
  const aliases = Array.isArray(spec.aliases)
    ? (spec.aliases as unknown[]).filter(
        (a): a is string => typeof a === 'string',
      )
    : [];
  return {
    ring: asString(spec.ring) as Ring | undefined,
    type: asString(spec.type),
    description: asString(spec.description) ?? entity.metadata.description,
    ringReason: asString(spec.ringReason),
    layers,
    aliases,
  };
}
