import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  isRing,
  Ring,
  TECHNOLOGY_KIND,
  technologyEntityNames,
  TechnologyEntity,
  TechnologyLayer,
} from '@techstack/plugin-tech-stack-common';
import { readRingHistory } from '../provider/ringHistory';

/**
 * What happened to a technology in one run: moved to `hold` from a better
 * ring, or `removed` from the guide.
 *
 * @public
 */
export type TechnologyTransitionKind = 'hold' | 'removed';

/**
 * A technology that went on hold or left the guide in one run, with what the
 * notification about it needs.
 *
 * @public
 */
export interface TechnologyTransition {
  kind: TechnologyTransitionKind;
  /** `technology:<namespace>/<name>`. */
  ref: string;
  name: string;
  namespace: string;
  /** The name as the guide writes it (`metadata.title`), else the slug. */
  title: string;
  aliases: string[];
  /** The ring the catalog held before the run, if it held a valid one. */
  previousRing?: Ring;
  /** `spec.ringReason` of the held technology (an override's reason), if any. */
  ringReason?: string;
  /** Where the technology is (hold) or was (removed) in the guide. */
  layers: TechnologyLayer[];
  /**
   * What makes this transition this one and not a later one of the same
   * technology: the catalog entity's uid and the date of the last ring
   * change before the run (`created` when there was none). Every replica
   * that reads the same catalog state derives the same basis; a technology
   * that comes back and goes on hold again, or is re-added and removed
   * again, has a new one.
   */
  basis: string;
}

function readLayers(entity: Entity): TechnologyLayer[] {
  const layers = (entity.spec as { layers?: unknown } | undefined)?.layers;
  if (!Array.isArray(layers)) {
    return [];
  }
  return layers.filter(
    (layer): layer is TechnologyLayer =>
      typeof layer === 'object' &&
      layer !== null &&
      typeof layer.section === 'string' &&
      typeof layer.layer === 'string' &&
      (layer.group === undefined || typeof layer.group === 'string') &&
      isRing(layer.ring),
  );
}

function basisOf(previous: Entity): string {
  const history = readRingHistory(previous);
  const last = history[history.length - 1];
  return `${previous.metadata.uid ?? previous.metadata.name}@${
    last?.date ?? 'created'
  }`;
}

function describe(
  entity: Entity,
): Pick<
  TechnologyTransition,
  'ref' | 'name' | 'namespace' | 'title' | 'aliases'
> {
  const names = technologyEntityNames(entity);
  const namespace = names.namespace ?? DEFAULT_NAMESPACE;
  return {
    ref: stringifyEntityRef({
      kind: TECHNOLOGY_KIND,
      namespace,
      name: names.name,
    }),
    name: names.name,
    namespace,
    title: names.title ?? names.name,
    aliases: [...(names.aliases ?? [])],
  };
}

/**
 * Compares a guide's Technology entities as the catalog held them before a
 * run (`previous`: uid, name, title, annotations, `spec.ring`, `spec.layers`,
 * `spec.aliases`) with the entities the run applies, and returns the
 * technologies that went to `hold` from another ring (in the order of
 * `entities`) and those that left the guide (in the order of `previous`).
 * A technology new to the guide is no transition, whatever its ring (so the
 * first ingestion of a guide tells nobody anything). Pure; one pass over
 * each list.
 *
 * @public
 */
export function detectTransitions(
  previous: Entity[],
  entities: TechnologyEntity[],
): TechnologyTransition[] {
  const before = new Map<string, Entity>();
  for (const entity of previous) {
    before.set(entity.metadata.name, entity);
  }
  const transitions: TechnologyTransition[] = [];
  const present = new Set<string>();
  for (const entity of entities) {
    present.add(entity.metadata.name);
    const old = before.get(entity.metadata.name);
    if (!old || entity.spec.ring !== 'hold') {
      continue;
    }
    const oldRing = (old.spec as { ring?: unknown } | undefined)?.ring;
    if (oldRing === 'hold') {
      continue;
    }
    transitions.push({
      kind: 'hold',
      ...describe(entity),
      ...(isRing(oldRing) ? { previousRing: oldRing } : {}),
      ...(entity.spec.ringReason ? { ringReason: entity.spec.ringReason } : {}),
      layers: entity.spec.layers,
      basis: basisOf(old),
    });
  }
  for (const old of previous) {
    if (present.has(old.metadata.name)) {
      continue;
    }
    const oldRing = (old.spec as { ring?: unknown } | undefined)?.ring;
    transitions.push({
      kind: 'removed',
      ...describe(old),
      ...(isRing(oldRing) ? { previousRing: oldRing } : {}),
      layers: readLayers(old),
      basis: basisOf(old),
    });
  }
  return transitions;
}
