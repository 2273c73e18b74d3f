import {
  Entity,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_TECHSTACK_USES,
  RELATION_USES_TECHNOLOGY,
  boundUsageNames,
  parseUsesAnnotation,
} from '@techstack/plugin-tech-stack-common';
import { TechnologyMatcher } from './TechnologyMatcher';
import {
  ComponentUsage,
  OffGuideUsage,
  TechnologyUsage,
  USAGE_SOURCES,
  UsageSource,
} from './types';

/** Which usage sources besides the annotation are on. */
export interface UsageSourcesConfig {
  /** Match the component's own catalog tags. Default on. */
  tags: boolean;
  /** Match the names and tags of the resources the component depends on. Default on. */
  dependencies: boolean;
}

/** A resource a component may depend on: its name and tags. */
export interface ResourceInfo {
  ref: string;
  name: string;
  tags: string[];
}

function tagsOf(entity: Entity): string[] {
  const tags = entity.metadata.tags;
  return Array.isArray(tags)
    ? tags.filter((t): t is string => typeof t === 'string')
    : [];
}

/** Reads a Resource entity's name and tags. */
export function toResourceInfo(entity: Entity): ResourceInfo {
  return {
    ref: stringifyEntityRef(entity),
    name: entity.metadata.name,
    tags: tagsOf(entity),
  };
}

/** The resources by ref, as {@link componentUsage} looks them up. */
export function resourceMap(
  entities: Iterable<Entity>,
): Map<string, ResourceInfo> {
  const resources = new Map<string, ResourceInfo>();
  for (const entity of entities) {
    const info = toResourceInfo(entity);
    resources.set(info.ref, info);
  }
  return resources;
}

/**
 * The owner of an entity as an entity ref: its `ownedBy` relation, else its
 * `spec.owner` (kind defaults to group, namespace to the entity's).
 */
export function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) {
    return relation.targetRef;
  }
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The `dependsOn` targets of an entity that are resources. */
function resourceDependencies(entity: Entity): string[] {
  const refs = new Set<string>();
  for (const relation of entity.relations ?? []) {
    if (
      relation.type === RELATION_DEPENDS_ON &&
      relation.targetRef.startsWith('resource:')
    ) {
      refs.add(relation.targetRef);
    }
  }
  return [...refs];
}

/** Collects usages per technology, merging sources and evidence. */
class UsageCollector {
  private readonly byRef = new Map<string, TechnologyUsage>();

  add(technologyRef: string, source: UsageSource, evidence: string) {
    let usage = this.byRef.get(technologyRef);
    if (!usage) {
      usage = { technologyRef, source, sources: [], evidence: [] };
      this.byRef.set(technologyRef, usage);
    }
    if (!usage.sources.includes(source)) {
      usage.sources.push(source);
      usage.sources.sort(
        (a, b) => USAGE_SOURCES.indexOf(a) - USAGE_SOURCES.indexOf(b),
      );
      usage.source = usage.sources[0];
    }
    if (!usage.evidence.includes(evidence)) {
      usage.evidence.push(evidence);
    }
  }

  has(technologyRef: string) {
    return this.byRef.has(technologyRef);
  }

  result(): TechnologyUsage[] {
    return [...this.byRef.values()].sort((a, b) =>
      a.technologyRef.localeCompare(b.technologyRef),
    );
  }
}

/**
 * What one component uses, from every enabled source:
 *
 * - `annotation`: the names of `techstack.dev/uses` (name, alias or ref), and
 *   the `usesTechnology` relations the catalog module emitted for them; a
 *   name that matches no technology is reported as off-guide;
 * - `tag`: the component's catalog tags that match a technology's name or
 *   alias (tags that match nothing are ignored);
 * - `dependency`: the name and tags of every resource it `dependsOn`.
 */
export function componentUsage(
  component: Entity,
  options: {
    matcher: TechnologyMatcher;
    resources: ReadonlyMap<string, ResourceInfo>;
    sources: UsageSourcesConfig;
  },
): ComponentUsage {
  const { matcher, resources, sources } = options;
  const collector = new UsageCollector();
  const offGuide: OffGuideUsage[] = [];
  const offGuideNames = new Set<string>();

  // the same bounds as the catalog module's processor (which reports them):
  // an oversized annotation costs no more than an allowed one
  const { names } = boundUsageNames(
    parseUsesAnnotation(
      component.metadata.annotations?.[ANNOTATION_TECHSTACK_USES],
    ),
  );
  for (const name of names) {
    const technology = matcher.match(name);
    const evidence = `annotation:${name}`;
    if (technology) {
      collector.add(technology.ref, 'annotation', evidence);
    } else if (!offGuideNames.has(name)) {
      offGuideNames.add(name);
      offGuide.push({ name, evidence });
    }
  }
  for (const relation of component.relations ?? []) {
    if (relation.type !== RELATION_USES_TECHNOLOGY) continue;
    const technology = matcher.byEntityRef(relation.targetRef);
    if (technology && !collector.has(technology.ref)) {
      collector.add(
        technology.ref,
        'annotation',
        `relation:${RELATION_USES_TECHNOLOGY}`,
      );
    }
  }

  if (sources.tags) {
    for (const tag of tagsOf(component)) {
      const technology = matcher.match(tag);
      if (technology) {
        collector.add(technology.ref, 'tag', `tag:${tag}`);
      }
    }
  }

  if (sources.dependencies) {
    for (const resourceRef of resourceDependencies(component)) {
      const resource = resources.get(resourceRef);
      const evidence = resourceRef;
      if (!resource) continue;
      for (const candidate of [resource.name, ...resource.tags]) {
        const technology = matcher.match(candidate);
        if (technology) {
          collector.add(technology.ref, 'dependency', evidence);
        }
      }
    }
  }

  const usage: ComponentUsage = {
    ref: stringifyEntityRef(component),
    usages: collector.result(),
    offGuide,
  };
  if (component.metadata.title) usage.title = component.metadata.title;
  const type = (component.spec as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string') usage.type = type;
  const owner = ownerOf(component);
  if (owner) usage.owner = owner;
  return usage;
}
