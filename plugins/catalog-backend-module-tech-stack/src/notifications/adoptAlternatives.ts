import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  layerNameKey,
  TECHNOLOGY_KIND,
  TechnologyEntity,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';

/** The most alternatives one notification names. */
export const MAX_ALTERNATIVES = 10;

/**
 * A technology at `adopt` in a layer where a held or removed technology is
 * (or was).
 *
 * @public
 */
export interface AdoptAlternative {
  /** `technology:<namespace>/<name>`. */
  ref: string;
  /** The name as the guide writes it. */
  title: string;
  /** The shared layers, as `Section › Group › Layer`. */
  layers: string[];
}

/** A layer as people read it: `Core Infrastructure › Kubernetes`. */
export function layerLabel(layer: TechnologyLayer): string {
  return [layer.section, layer.group, layer.layer]
    .filter((part): part is string => Boolean(part))
    .join(' › ');
}

/** Section, group and layer by the rule of `layerNameKey` (`Key-Value` = `key value`). */
function layerKey(layer: TechnologyLayer): string {
  return [layer.section, layer.group ?? '', layer.layer]
    .map(layerNameKey)
    .join('\u0000');
}

/**
 * Indexes the technologies at `adopt`, layer by layer, of the entities a run
 * applies (one pass over their layers), and returns a lookup: for the layers
 * of a technology, the other technologies at `adopt` in any of them, in the
 * order of `entities`, at most 10.
 *
 * @public
 */
export function adoptAlternativesIndex(
  entities: TechnologyEntity[],
): (technologyRef: string, layers: TechnologyLayer[]) => AdoptAlternative[] {
  const byLayer = new Map<
    string,
    Array<{ ref: string; title: string; order: number }>
  >();
  entities.forEach((entity, order) => {
    const ref = stringifyEntityRef({
      kind: TECHNOLOGY_KIND,
      namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      name: entity.metadata.name,
    });
    const title = entity.metadata.title ?? entity.metadata.name;
    const seen = new Set<string>();
    for (const layer of entity.spec.layers) {
      const key = layerKey(layer);
      if (layer.ring !== 'adopt' || seen.has(key)) {
        continue;
      }
      seen.add(key);
      const list = byLayer.get(key) ?? [];
      list.push({ ref, title, order });
      byLayer.set(key, list);
    }
  });

  return (technologyRef, layers) => {
    const found = new Map<
      string,
      { title: string; order: number; layers: string[] }
    >();
    for (const layer of layers) {
      for (const candidate of byLayer.get(layerKey(layer)) ?? []) {
        if (candidate.ref === technologyRef) {
          continue;
        }
        const entry = found.get(candidate.ref) ?? {
          title: candidate.title,
          order: candidate.order,
          layers: [],
        };
        const label = layerLabel(layer);
        if (!entry.layers.includes(label)) {
          entry.layers.push(label);
        }
        found.set(candidate.ref, entry);
      }
    }
    return [...found.entries()]
      .sort(([, a], [, b]) => a.order - b.order)
      .slice(0, MAX_ALTERNATIVES)
      .map(([ref, { title, layers: shared }]) => ({
        ref,
        title,
        layers: shared,
      }));
  };
}
