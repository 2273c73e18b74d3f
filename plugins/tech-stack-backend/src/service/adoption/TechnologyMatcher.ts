import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Ring, isRing } from '@techstack/plugin-tech-stack-common';
import { nameKey } from './names';
import { TechnologyInfo } from './types';

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length > 0)
    : [];
}

/** Reads what the adoption views need of a Technology entity. */
export function toTechnologyInfo(entity: Entity): TechnologyInfo | undefined {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ring = spec.ring;
  if (!isRing(ring)) {
    return undefined;
  }
  const sections: string[] = [];
  if (Array.isArray(spec.layers)) {
    for (const layer of spec.layers as Array<{ section?: unknown }>) {
      const section = layer?.section;
      if (typeof section === 'string' && !sections.includes(section)) {
        sections.push(section);
      }
    }
  }
  const info: TechnologyInfo = {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    ring: ring as Ring,
    sections,
    aliases: strings(spec.aliases),
  };
  if (typeof spec.ringReason === 'string' && spec.ringReason) {
    info.ringReason = spec.ringReason;
  }
  return info;
}

/**
 * Finds technologies by name, title, alias or entity ref, through normalised
 * names (see {@link nameKey}). Names and titles win over aliases, so an alias
 * cannot shadow another technology's name.
 */
export class TechnologyMatcher {
  private readonly byKey = new Map<string, TechnologyInfo>();
  private readonly byRef = new Map<string, TechnologyInfo>();

  constructor(technologies: Iterable<TechnologyInfo>) {
    const all = [...technologies];
    for (const technology of all) {
      this.byRef.set(technology.ref, technology);
    }
    for (const pass of ['names', 'aliases'] as const) {
      for (const technology of all) {
        const names =
          pass === 'names'
            ? [technology.name, technology.title]
            : technology.aliases;
        for (const name of names) {
          const key = nameKey(name);
          if (key && !this.byKey.has(key)) {
            this.byKey.set(key, technology);
          }
        }
      }
    }
  }

  /** Every technology, in the order given. */
  all(): TechnologyInfo[] {
    return [...this.byRef.values()];
  }

  /** The technology with this entity ref (`technology:default/x`). */
  byEntityRef(ref: string): TechnologyInfo | undefined {
    return this.byRef.get(ref);
  }

  /**
   * The technology a name stands for: a name, title or alias in any
   * spelling, or a ref (`technology:default/redis`, `default/redis`).
   */
  match(name: string): TechnologyInfo | undefined {
    if (name.includes(':') || name.includes('/')) {
      try {
        const ref = parseEntityRef(name, {
          defaultKind: 'technology',
          defaultNamespace: DEFAULT_NAMESPACE,
        });
        if (ref.kind.toLocaleLowerCase('en-US') !== 'technology') {
          return undefined;
        }
        return this.byRef.get(
          stringifyEntityRef({ ...ref, kind: 'technology' }),
        );
      } catch {
        return undefined;
      }
    }
    const key = nameKey(name);
    return key ? this.byKey.get(key) : undefined;
  }
}
