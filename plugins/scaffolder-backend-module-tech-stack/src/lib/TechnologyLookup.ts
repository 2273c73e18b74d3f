import {
  ANNOTATION_TECHSTACK_SOURCE,
  compareRings,
  layerNameKey,
  Ring,
  TECHNOLOGY_KIND,
  TechnologyEntity,
  technologyEntityNames,
  TechnologyNameIndex,
} from '@techstack/plugin-tech-stack-common';

/** One technology placed in a layer, with the ring it holds there. */
export interface LayerEntry {
  entity: TechnologyEntity;
  ring: Ring;
}

/** A layer of the guide (a table row or diagram subgraph) with its technologies in guide order. */
export interface StackLayer {
  section: string;
  group?: string;
  layer: string;
  entries: LayerEntry[];
}

/** Narrows a layer name that occurs in several sections. */
export interface LayerQualifiers {
  section?: string;
  group?: string;
}

const DIGITS = /^\d+$/;

/**
 * The 1-based guide line a Technology entity came from, when its annotation
 * ends with `#L<line>`; found with `lastIndexOf`, not a search pattern.
 */
function guideLine(entity: TechnologyEntity): number {
  const source =
    entity.metadata.annotations?.[ANNOTATION_TECHSTACK_SOURCE] ?? '';
  const at = source.lastIndexOf('#L');
  const digits = at < 0 ? '' : source.slice(at + 2);
  return DIGITS.test(digits) ? Number(digits) : Number.MAX_SAFE_INTEGER;
}

/** The display name of a technology: its title, else its slug. */
export function technologyTitle(entity: TechnologyEntity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** `technology:<namespace>/<name>` */
export function technologyRef(entity: TechnologyEntity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `${TECHNOLOGY_KIND.toLocaleLowerCase('en-US')}:${namespace}/${
    entity.metadata.name
  }`;
}

/**
 * Finds Technology entities by name, alias, slug or entity ref (by the rule of
 * `TechnologyNameIndex`: `ApacheKafka`, `apache kafka`, `Kafka` and
 * `apache-kafka` all find Apache Kafka), and the layers of the guide with the
 * technologies placed in them, in guide order (the order of the entities'
 * source lines, then the catalog's order). Layer, section and group names
 * match by `layerNameKey`.
 */
export class TechnologyLookup {
  readonly #entities: TechnologyEntity[];
  readonly #byName: TechnologyNameIndex<TechnologyEntity>;
  readonly #layers: StackLayer[] = [];

  constructor(entities: TechnologyEntity[]) {
    this.#entities = entities
      .map((entity, index) => ({ entity, index, line: guideLine(entity) }))
      .sort((a, b) => a.line - b.line || a.index - b.index)
      .map(({ entity }) => entity);

    this.#byName = new TechnologyNameIndex(
      this.#entities,
      technologyEntityNames,
    );

    const layersByKey = new Map<string, StackLayer>();
    for (const entity of this.#entities) {
      for (const placement of entity.spec.layers ?? []) {
        const key = [placement.section, placement.group ?? '', placement.layer]
          .map(layerNameKey)
          .join('\u0000');
        let layer = layersByKey.get(key);
        if (!layer) {
          layer = {
            section: placement.section,
            ...(placement.group ? { group: placement.group } : {}),
            layer: placement.layer,
            entries: [],
          };
          layersByKey.set(key, layer);
          this.#layers.push(layer);
        }
        if (!layer.entries.some(e => e.entity === entity)) {
          layer.entries.push({ entity, ring: placement.ring });
        }
      }
    }
  }

  /** All technologies, in guide order. */
  get technologies(): TechnologyEntity[] {
    return this.#entities;
  }

  /** All layers, in guide order of their first technology. */
  get layers(): StackLayer[] {
    return this.#layers;
  }

  /** The technology a name, alias, slug or entity ref stands for, if any. */
  find(name: string): TechnologyEntity | undefined {
    return this.#byName.find(name);
  }

  /** The layers with this name, narrowed by section and group when given. */
  findLayers(name: string, qualifiers: LayerQualifiers = {}): StackLayer[] {
    const key = layerNameKey(name);
    if (!key) {
      return [];
    }
    return this.#layers.filter(
      layer =>
        layerNameKey(layer.layer) === key &&
        (qualifiers.section === undefined ||
          layerNameKey(layer.section) === layerNameKey(qualifiers.section)) &&
        (qualifiers.group === undefined ||
          layerNameKey(layer.group ?? '') === layerNameKey(qualifiers.group)),
    );
  }

  /**
   * The recommended technology of a layer: its `adopt` technology, the first
   * in guide order if there are several. A layer without one (an unranked
   * list) recommends the first technology of its best ring, hold excluded.
   */
  recommended(layer: StackLayer): LayerEntry | undefined {
    const candidates = layer.entries.filter(entry => entry.ring !== 'hold');
    let best: LayerEntry | undefined;
    for (const entry of candidates) {
      if (!best || compareRings(entry.ring, best.ring) < 0) {
        best = entry;
      }
    }
    return best;
  }
}
