import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { compareRings } from '@techstack/plugin-tech-stack-common';
import { UsageSnapshot } from './UsageSnapshot';
import { emptyRingCounts } from './ringCounts';
import { ComponentUsage, StackResponse, StackTechnology } from './types';

/**
 * The stack of one component, or of a team (its components and those of the
 * groups below it): technologies by ring with the components and sources,
 * off-guide names, and the share of usages on adopt.
 */
export function buildStack(
  snapshot: UsageSnapshot,
  entityRef: string,
): StackResponse {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(entityRef, { defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `Invalid query parameter 'entityRef': '${entityRef}' is not an entity ref; expected component:<namespace>/<name> or group:<namespace>/<name>`,
    );
  }
  const kind = ref.slice(0, ref.indexOf(':'));
  let components: ComponentUsage[];
  let title: string | undefined;
  if (kind === 'component') {
    const component = snapshot.component(ref);
    if (!component) {
      throw new NotFoundError(`No component '${ref}' in the catalog`);
    }
    components = [component];
    title = component.title;
  } else if (kind === 'group') {
    const team = snapshot.org.get(ref);
    const owners = snapshot.org.subtree(ref);
    components = snapshot.components.filter(
      c => c.owner !== undefined && owners.has(c.owner),
    );
    if (!team && components.length === 0) {
      throw new NotFoundError(`No group '${ref}' in the catalog`);
    }
    title = team?.title;
  } else {
    throw new InputError(
      `Invalid query parameter 'entityRef': kind '${kind}' is not supported; allowed kinds: component, group`,
    );
  }

  const technologies = new Map<string, StackTechnology>();
  const offGuide = new Map<string, string[]>();
  const byRing = emptyRingCounts();
  let usages = 0;
  let offGuideCount = 0;
  for (const component of components) {
    for (const usage of component.usages) {
      const technology = snapshot.matcher.byEntityRef(usage.technologyRef);
      if (!technology) continue;
      let item = technologies.get(technology.ref);
      if (!item) {
        item = {
          ref: technology.ref,
          name: technology.name,
          title: technology.title,
          ring: technology.ring,
          sections: technology.sections,
          components: [],
          sources: [],
          evidence: [],
        };
        if (technology.ringReason) item.ringReason = technology.ringReason;
        technologies.set(technology.ref, item);
      }
      item.components.push(component.ref);
      usage.sources.forEach(s => {
        if (!item!.sources.includes(s)) item!.sources.push(s);
      });
      usage.evidence.forEach(e => {
        if (!item!.evidence.includes(e)) item!.evidence.push(e);
      });
      byRing[technology.ring]++;
      usages++;
    }
    for (const off of component.offGuide) {
      offGuide.set(off.name, [
        ...(offGuide.get(off.name) ?? []),
        component.ref,
      ]);
      offGuideCount++;
    }
  }
  const total = usages + offGuideCount;
  const response: StackResponse = {
    entityRef: ref,
    kind: kind as 'component' | 'group',
    components,
    technologies: [...technologies.values()].sort(
      (a, b) =>
        compareRings(a.ring, b.ring) ||
        b.components.length - a.components.length ||
        a.title.localeCompare(b.title),
    ),
    offGuide: [...offGuide.entries()]
      .map(([name, refs]) => ({ name, components: refs }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    totals: {
      components: components.length,
      usages: total,
      byRing,
      offGuide: offGuideCount,
      adoptShare: total === 0 ? null : byRing.adopt / total,
    },
  };
  if (title) response.title = title;
  return response;
}
