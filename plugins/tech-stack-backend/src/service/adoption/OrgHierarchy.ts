import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { TeamInfo } from './types';

function groupRef(value: unknown, namespace: string): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The group tree of the organisation, from the Group entities'
 * `spec.parent` / `spec.children` (and `childOf` / `parentOf` relations):
 * answers which groups a group includes, so a department sees its teams'
 * components.
 */
export class OrgHierarchy {
  private readonly teams = new Map<string, TeamInfo>();
  private readonly childrenOf = new Map<string, Set<string>>();

  constructor(groups: Iterable<Entity>) {
    const link = (parent: string, child: string) => {
      if (parent === child) return;
      let set = this.childrenOf.get(parent);
      if (!set) {
        set = new Set();
        this.childrenOf.set(parent, set);
      }
      set.add(child);
    };
    for (const group of groups) {
      const ref = stringifyEntityRef(group);
      const namespace = group.metadata.namespace ?? 'default';
      const spec = (group.spec ?? {}) as Record<string, unknown>;
      const parent = groupRef(spec.parent, namespace);
      const children = Array.isArray(spec.children)
        ? spec.children.flatMap(c => groupRef(c, namespace) ?? [])
        : [];
      for (const relation of group.relations ?? []) {
        if (relation.type === RELATION_PARENT_OF) {
          children.push(relation.targetRef);
        }
      }
      const childOf = group.relations?.find(r => r.type === RELATION_CHILD_OF);
      const team: TeamInfo = {
        ref,
        children: [...new Set(children)],
      };
      const effectiveParent = parent ?? childOf?.targetRef;
      if (effectiveParent) team.parent = effectiveParent;
      if (group.metadata.title) team.title = group.metadata.title;
      if (typeof spec.type === 'string') team.type = spec.type;
      this.teams.set(ref, team);
      if (effectiveParent) link(effectiveParent, ref);
      team.children.forEach(child => link(ref, child));
    }
  }

  /** The group with this ref, if the caller may see it. */
  get(ref: string): TeamInfo | undefined {
    return this.teams.get(ref);
  }

  /** Every group, by title (for filters). */
  list(): Array<{ ref: string; title?: string; parent?: string }> {
    return [...this.teams.values()]
      .map(({ ref, title, parent }) => {
        const item: { ref: string; title?: string; parent?: string } = { ref };
        if (title) item.title = title;
        if (parent) item.parent = parent;
        return item;
      })
      .sort(
        (a, b) =>
          (a.title ?? a.ref).localeCompare(b.title ?? b.ref) ||
          a.ref.localeCompare(b.ref),
      );
  }

  /** The group and every group below it (cycles are tolerated). */
  subtree(ref: string): Set<string> {
    const result = new Set<string>([ref]);
    const queue = [ref];
    while (queue.length > 0) {
      const current = queue.pop()!;
      for (const child of this.childrenOf.get(current) ?? []) {
        if (!result.has(child)) {
          result.add(child);
          queue.push(child);
        }
      }
    }
    return result;
  }
}
