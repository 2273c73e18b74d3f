import { Entity } from '@backstage/catalog-model';
import { GuideLayers } from '../stack/GuideLayers';
import { OrgHierarchy } from './OrgHierarchy';
import { TechnologyMatcher, toTechnologyInfo } from './TechnologyMatcher';
import { ComponentUsage, TechnologyInfo } from './types';
import {
  ResourceInfo,
  UsageSourcesConfig,
  componentUsage,
  toResourceInfo,
} from './usage';

/** The entities a snapshot is built from (fields trimmed as the loader asks). */
export interface SnapshotEntities {
  technologies: Entity[];
  components: Entity[];
  groups: Entity[];
  resources: Entity[];
}

/**
 * Who uses what, computed once from the catalog as one caller sees it: the
 * technologies, every component's usages, and the group tree. The adoption,
 * compliance and stack answers are cheap projections of it.
 */
export class UsageSnapshot {
  readonly technologies: TechnologyInfo[];
  readonly matcher: TechnologyMatcher;
  readonly components: ComponentUsage[];
  readonly org: OrgHierarchy;
  /** Every guide section, in first-seen order. */
  readonly sections: string[];
  private readonly componentsByRef: Map<string, ComponentUsage>;
  private guideLayers?: GuideLayers;

  constructor(entities: SnapshotEntities, sources: UsageSourcesConfig) {
    this.technologies = entities.technologies
      .flatMap(e => toTechnologyInfo(e) ?? [])
      .sort(
        (a, b) => a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref),
      );
    this.matcher = new TechnologyMatcher(this.technologies);
    const resources = new Map<string, ResourceInfo>();
    for (const entity of entities.resources) {
      const info = toResourceInfo(entity);
      resources.set(info.ref, info);
    }
    this.components = entities.components.map(component =>
      componentUsage(component, { matcher: this.matcher, resources, sources }),
    );
    this.componentsByRef = new Map(this.components.map(c => [c.ref, c]));
    this.org = new OrgHierarchy(entities.groups);
    const sections = new Set<string>();
    this.technologies.forEach(t => t.sections.forEach(s => sections.add(s)));
    this.sections = [...sections];
  }

  /** The guide as layers (built on first use). */
  get layers(): GuideLayers {
    this.guideLayers ??= new GuideLayers(this.technologies);
    return this.guideLayers;
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
