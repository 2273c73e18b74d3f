import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_TECHSTACK_SOURCE,
  compareRings,
  isTechnologyEntity,
  layerNameKey,
  Ring,
  TechnologyEntity,
  TechnologyNameIndex,
} from '@techstack/plugin-tech-stack-common';

/** One technology a layer offers. */
export interface LayerOption {
  /** The slug: the value the picker stores. */
  name: string;
  /** The entity's namespace, when not `default`. */
  namespace?: string;
  title: string;
  ring: Ring;
  /** Why the ring was set (an organisation override), if it was. */
  reason?: string;
  /** Other names the technology goes by. */
  aliases: string[];
}

/** The technologies of one layer, in guide order, and the recommended one. */
export interface LayerOptions {
  layer: string;
  options: LayerOption[];
  /** The adopt technology (first in guide order), else the first of the best ring that is not on hold. */
  recommended?: LayerOption;
  /** Finds an option by slug, title, alias or ref. */
  index: TechnologyNameIndex<LayerOption>;
}

function guideLine(entity: TechnologyEntity): number {
  const source = entity.metadata.annotations?.[ANNOTATION_TECHSTACK_SOURCE];
  const match = source ? /#L(\d+)$/.exec(source) : null;
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/** The options of each requested layer, from the catalog's Technology entities. */
export function layerOptions(
  entities: Entity[],
  layers: string[],
): LayerOptions[] {
  const technologies = entities
    .filter(isTechnologyEntity)
    .map((entity, index) => ({ entity, index, line: guideLine(entity) }))
    .sort((a, b) => a.line - b.line || a.index - b.index)
    .map(({ entity }) => entity);

  return layers.map(layer => {
    const key = layerNameKey(layer);
    const options: LayerOption[] = [];
    for (const entity of technologies) {
      const placement = key
        ? entity.spec.layers?.find(l => layerNameKey(l.layer) === key)
        : undefined;
      if (placement) {
        options.push({
          name: entity.metadata.name,
          ...(entity.metadata.namespace &&
          entity.metadata.namespace !== 'default'
            ? { namespace: entity.metadata.namespace }
            : {}),
          title: entity.metadata.title ?? entity.metadata.name,
          ring: placement.ring,
          ...(entity.spec.ringReason ? { reason: entity.spec.ringReason } : {}),
          aliases: entity.spec.aliases ?? [],
        });
      }
    }
    let recommended: LayerOption | undefined;
    for (const option of options) {
      if (
        option.ring !== 'hold' &&
        (!recommended || compareRings(option.ring, recommended.ring) < 0)
      ) {
        recommended = option;
      }
    }
    return {
      layer,
      options,
      ...(recommended ? { recommended } : {}),
      index: new TechnologyNameIndex(options, option => option),
    };
  });
}

/**
 * The option a stored value stands for: a slug, title, alias or ref in any
 * spelling the catalog accepts (`ApacheKafka`, `apache kafka`, `Kafka`).
 */
export function findOption(
  layer: LayerOptions,
  value: string,
): LayerOption | undefined {
  return layer.index.find(value);
}
