import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { GuideLayers } from '../stack/GuideLayers';
import { OrgHierarchy } from './OrgHierarchy';
import { TechnologyMatcher, toTechnologyInfo } from './TechnologyMatcher';
import {
  ComponentUsage,
  TechnologyInfo,
  TechnologyUsage,
  UsageSource,
} from './types';
import { UsageSourcesConfig, componentUsage, resourceMap } from './usage';

/** The entities a snapshot is built from (fields trimmed as the loader asks). */
export interface SnapshotEntities {
  technologies: Entity[];
  components: Entity[];
  groups: Entity[];
  resources: Entity[];
}

/** The source an evidence string stands for (see `componentUsage`). */
function sourceOfEvidence(evidence: string): UsageSource {
  if (evidence.startsWith('tag:')) return 'tag';
  if (evidence.startsWith('annotation:') || evidence.startsWith('relation:')) {
    return 'annotation';
  }
  return 'dependency';
}

/**
 * The component with only what the caller may see: usages of hidden
 * technologies, and evidence from hidden resources, left out. The same object
 * when nothing is hidden.
 */
function visibleUsages(
  component: ComponentUsage,
  visible: ReadonlySet<string>,
): ComponentUsage {
  const hidden = (usage: TechnologyUsage) =>
    !visible.has(usage.technologyRef) ||
    usage.evidence.some(e => e.startsWith('resource:') && !visible.has(e));
  if (!component.usages.some(hidden)) return component;
  const usages: TechnologyUsage[] = [];
  for (const usage of component.usages) {
    if (!visible.has(usage.technologyRef)) continue;
    const evidence = usage.evidence.filter(
      e => !e.startsWith('resource:') || visible.has(e),
    );
    if (evidence.length === 0) continue;
    const kept = new Set(evidence.map(sourceOfEvidence));
    const sources = usage.sources.filter(s => kept.has(s));
    usages.push({ ...usage, source: sources[0], sources, evidence });
  }
  return { ...component, usages };
}

/** What a snapshot is made of once usages are computed. */
export interface UsageSnapshotParts {
  technologies: TechnologyInfo[];
  components: ComponentUsage[];
  /** The Group entities (fields trimmed), for the owner hierarchy. */
  groups: Entity[];
}

/**
 * Who uses what: the technologies, every component's usages, and the group
 * tree. The adoption, compliance and stack answers are cheap projections of
 * it. The backend keeps one for the whole catalog (the usage index) and
 * narrows it to what a caller may see ({@link UsageSnapshot.restrictTo}).
 */
export class UsageSnapshot {
  readonly technologies: TechnologyInfo[];
  readonly matcher: TechnologyMatcher;
  readonly components: ComponentUsage[];
  readonly org: OrgHierarchy;
  /** The Group entities the org hierarchy was built from. */
  readonly groups: Entity[];
  /** Every guide section, in first-seen order. */
  readonly sections: string[];
  private readonly componentsByRef: Map<string, ComponentUsage>;
  private guideLayers?: GuideLayers;

  /**
   * Computes every component's usages from the entities (as one caller sees
   * the catalog): what the browser would have to do, and what tests use.
   */
  static fromEntities(
    entities: SnapshotEntities,
    sources: UsageSourcesConfig,
  ): UsageSnapshot {
    const technologies = entities.technologies.flatMap(
      e => toTechnologyInfo(e) ?? [],
    );
    const matcher = new TechnologyMatcher(technologies);
    const resources = resourceMap(entities.resources);
    return new UsageSnapshot({
      technologies,
      components: entities.components.map(component =>
        componentUsage(component, { matcher, resources, sources }),
      ),
      groups: entities.groups,
    });
  }

  constructor(parts: UsageSnapshotParts) {
    this.technologies = [...parts.technologies].sort(
      (a, b) => a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref),
    );
    this.matcher = new TechnologyMatcher(this.technologies);
    this.components = parts.components;
    this.componentsByRef = new Map(this.components.map(c => [c.ref, c]));
    this.groups = parts.groups;
    this.org = new OrgHierarchy(parts.groups);
    const sections = new Set<string>();
    this.technologies.forEach(t => t.sections.forEach(s => sections.add(s)));
    this.sections = [...sections];
  }

  /**
   * The snapshot as a caller who may see only the entities `visible` (by
   * ref) sees it: hidden components, groups and technologies are left out,
   * and so are usages of hidden technologies. Shares the component objects;
   * copies only those that lose a usage.
   */
  restrictTo(visible: ReadonlySet<string>): UsageSnapshot {
    const technologies = this.technologies.filter(t => visible.has(t.ref));
    const components: ComponentUsage[] = [];
    for (const component of this.components) {
      if (!visible.has(component.ref)) continue;
      components.push(visibleUsages(component, visible));
    }
    return new UsageSnapshot({
      technologies,
      components,
      groups: this.groups.filter(g => visible.has(stringifyEntityRef(g))),
    });
  }

  /** The guide as layers (built on first use). */
  get layers(): GuideLayers {
    this.guideLayers ??= new GuideLayers(this.technologies);
    return this.guideLayers;
  }

  /** Whether the snapshot has this component, group or technology. */
  knows(ref: string): boolean {
    return (
      this.componentsByRef.has(ref) ||
      this.org.get(ref) !== undefined ||
      this.matcher.byEntityRef(ref) !== undefined
    );
  }

  /** A component by ref. */
  component(ref: string): ComponentUsage | undefined {
    return this.componentsByRef.get(ref);
  }

  /**
   * Per technology ref: the components using it and their distinct owners
   * (for the radar's team and component counts).
   */
  usageCounts(): Map<string, { components: number; teams: number }> {
    const sets = new Map<
      string,
      { components: Set<string>; teams: Set<string> }
    >();
    for (const component of this.components) {
      for (const usage of component.usages) {
        let entry = sets.get(usage.technologyRef);
        if (!entry) {
          entry = { components: new Set(), teams: new Set() };
          sets.set(usage.technologyRef, entry);
        }
        entry.components.add(component.ref);
        if (component.owner) entry.teams.add(component.owner);
      }
    }
    const counts = new Map<string, { components: number; teams: number }>();
    for (const [ref, entry] of sets) {
      counts.set(ref, {
        components: entry.components.size,
        teams: entry.teams.size,
      });
    }
    return counts;
  }
}
