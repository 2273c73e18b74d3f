import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  Ring,
  TechnologyLayer,
  TechnologyNameIndex,
  isRing,
} from '@techstack/plugin-tech-stack-common';
import { TechnologyInfo } from './types';

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length > 0)
    : [];
}

/** The well-formed entries of `spec.layers` (the catalog validated them; this only guards the types). */
function toLayers(value: unknown): TechnologyLayer[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const layers: TechnologyLayer[] = [];
  for (const item of value as Array<Record<string, unknown> | null>) {
    const { section, group, layer, ring, line } = item ?? {};
    if (
      typeof section !== 'string' ||
      typeof layer !== 'string' ||
      !isRing(ring)
    ) {
      continue;
    }
    layers.push({
      section,
      ...(typeof group === 'string' && group ? { group } : {}),
      layer,
      ring: ring as Ring,
      ...(typeof line === 'number' ? { line } : {}),
    });
  }
  return layers;
}

/** Reads what the adoption views need of a Technology entity. */
export function toTechnologyInfo(entity: Entity): TechnologyInfo | undefined {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ring = spec.ring;
  if (!isRing(ring)) {
    return undefined;
  }
  const layers = toLayers(spec.layers);
  const sections: string[] = [];
  for (const { section } of layers) {
    if (!sections.includes(section)) {
      sections.push(section);
    }
  }
  const info: TechnologyInfo = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    ring: ring as Ring,
    sections,
    layers,
    aliases: strings(spec.aliases),
  };
  if (typeof spec.ringReason === 'string' && spec.ringReason) {
    info.ringReason = spec.ringReason;
  }
  return info;
}

/**
 * Finds technologies by name, title, alias or entity ref, by the rule of
 * `TechnologyNameIndex` (`ApacheKafka`, `apache kafka`, `Kafka` and
 * `apache-kafka` all find Apache Kafka; names and titles win over aliases).
 */
export class TechnologyMatcher {
  private readonly index: TechnologyNameIndex<TechnologyInfo>;
  private readonly byRef = new Map<string, TechnologyInfo>();

  constructor(technologies: Iterable<TechnologyInfo>) {
    const all = [...technologies];
    for (const technology of all) {
      this.byRef.set(technology.ref, technology);
    }
    this.index = new TechnologyNameIndex(all, technology => ({
      name: technology.name,
      namespace: parseEntityRef(technology.ref).namespace,
      title: technology.title,
      aliases: technology.aliases,
    }));
  }

  /** Every technology, in the order given. */
  all(): TechnologyInfo[] {
    return [...this.byRef.values()];
  }

  /** The technology with this entity ref (`technology:default/x`), as the catalog writes refs. */
  byEntityRef(ref: string): TechnologyInfo | undefined {
    return this.byRef.get(ref);
  }

  /**
   * The technology a name stands for: a name, title or alias in any
   * spelling, or a ref (`technology:default/redis`, `default/redis`).
   */
  match(name: string): TechnologyInfo | undefined {
    return this.index.find(name);
  }

  /** The titles closest to a name that matches nothing, for "did you mean". */
  suggest(name: string, limit = 3): string[] {
    return this.index.suggest(name, limit);
  }
}
