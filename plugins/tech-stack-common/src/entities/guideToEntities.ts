import {
  ANNOTATION_TECHSTACK_GUIDE,
  ANNOTATION_TECHSTACK_SOURCE,
  TECHNOLOGY_API_VERSION,
  TECHNOLOGY_KIND,
  TechnologyEntity,
  TechnologyLayer,
  validateTechnologySpec,
} from '../entity';
import type { GuideModel, GuideTechnology } from '../model';
import { technologySlug } from '../parser/slug';
import { RINGS } from '../types';
import { QuadrantGroup, radarPlacement } from './radarQuadrants';
import type { Ring } from '../types';

/**
 * Options of {@link guideToTechnologyEntities}.
 *
 * @public
 */
export interface GuideToEntitiesOptions {
  /** Entity ref of the group owning the guide (`group:default/platform`). */
  owner: string;
  /** Id of the configured guide; written to the `techstack.dev/guide` annotation. */
  guideId: string;
  /** URL or path of the guide; `#L<line>` is appended per technology. */
  sourceLocation?: string;
  /** Entity namespace; Backstage's default when omitted. */
  namespace?: string;
}

function layersOf(tech: GuideTechnology): TechnologyLayer[] {
  const seen = new Set<string>();
  const layers: TechnologyLayer[] = [];
  for (const placement of tech.placements) {
    const key = [
      placement.section,
      placement.group ?? '',
      placement.layer,
      placement.ring,
    ].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    layers.push({
      section: placement.section,
      ...(placement.group ? { group: placement.group } : {}),
      layer: placement.layer,
      ring: placement.ring,
      line: placement.line,
    });
  }
  return layers;
}

/**
 * Turns a parsed guide into `Technology` entities, one per technology. Every
 * entity's spec satisfies {@link validateTechnologySpec}; an `Error` naming the
 * technology is thrown otherwise (a technology without placements, or an
 * empty owner).
 *
 * @public
 */
export function guideToTechnologyEntities(
  model: GuideModel,
  options: GuideToEntitiesOptions,
): TechnologyEntity[] {
  if (!options.owner.trim()) {
    throw new Error('An owner is required to create Technology entities');
  }
  return model.technologies.map(tech => {
    const aliases = tech.aliases.filter(alias => alias.trim().length > 0);
    const description = tech.description?.trim();
    const spec = {
      ring: tech.ring,
      layers: layersOf(tech),
      ...(aliases.length > 0 ? { aliases } : {}),
      type: tech.type,
      owner: options.owner,
      ...(description ? { description } : {}),
    };
    const problems = validateTechnologySpec(spec);
    if (problems.length > 0) {
      throw new Error(
        `Technology "${tech.title}" is not valid: ${problems.join('; ')}`,
      );
    }
    const annotations: Record<string, string> = {
      [ANNOTATION_TECHSTACK_GUIDE]: options.guideId,
    };
    if (options.sourceLocation) {
      annotations[
        ANNOTATION_TECHSTACK_SOURCE
      ] = `${options.sourceLocation}#L${tech.line}`;
    }
    const links = tech.links
      .filter(link => link.url)
      .map(link => ({
        url: link.url,
        ...(link.title ? { title: link.title } : {}),
      }));
    const entity: TechnologyEntity = {
      apiVersion: TECHNOLOGY_API_VERSION,
      kind: TECHNOLOGY_KIND,
      metadata: {
        name: tech.slug,
        ...(options.namespace ? { namespace: options.namespace } : {}),
        title: tech.title,
        ...(description ? { description } : {}),
        annotations,
        ...(links.length > 0 ? { links } : {}),
      },
      spec,
    };
    return entity;
  });
}

/**
 * A ring of the tech radar data format.
 *
 * @public
 */
export interface TechRadarRing {
  id: Ring;
  name: string;
  color: string;
  description?: string;
}

/**
 * An entry of the tech radar data format.
 *
 * @public
 */
export interface TechRadarEntry {
  id: string;
  key: string;
  title: string;
  quadrant: string;
  description?: string;
  /** The first link, for readers of the older format (the radar's `url`). */
  url?: string;
  links?: Array<{ url: string; title: string }>;
  timeline: Array<{
    moved: 0;
    ringId: Ring;
    date: string;
    description?: string;
  }>;
}

/**
 * The data format of `@backstage-community/plugin-tech-radar`.
 *
 * @public
 */
export interface TechRadarJson {
  title: string;
  quadrants: Array<{ id: string; name: string }>;
  rings: TechRadarRing[];
  entries: TechRadarEntry[];
}

const RING_DISPLAY: Record<
  Ring,
  { name: string; color: string; description: string }
> = {
  adopt: {
    name: 'ADOPT',
    color: '#5BA300',
    description: 'Recommended: use by default.',
  },
  trial: {
    name: 'TRIAL',
    color: '#009EB0',
    description: 'Worth using where it fits; an alternative.',
  },
  assess: {
    name: 'ASSESS',
    color: '#C7BA00',
    description: 'Worth exploring, not yet for production.',
  },
  hold: {
    name: 'HOLD',
    color: '#E09B96',
    description: 'Do not start anything new with it.',
  },
};

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    return value.slice(0, 10);
  }
  return undefined;
}

/**
 * Options of {@link guideToTechRadarJson}.
 *
 * @public
 */
export interface GuideToTechRadarOptions {
  /** Timeline date (`yyyy-mm-dd`); default the front matter's `updated`/`date`, else today. */
  date?: string;
  /**
   * Quadrants to draw, each with the sections it holds (from
   * `defaultQuadrantGroups` or `resolveQuadrantGroups`); default one
   * quadrant per section. Entries of sections in no quadrant are left out.
   */
  quadrants?: readonly QuadrantGroup[];
}

/**
 * Converts a parsed guide into the data of `@backstage-community/plugin-tech-radar`:
 * one quadrant per section (or per group of `options.quadrants`), the four
 * rings, one entry per technology placed in the quadrant of its best
 * placement (the first one in guide order among equals). The timeline date is
 * `options.date`, else the front matter's `updated`/`date`, else today.
 *
 * @public
 */
export function guideToTechRadarJson(
  model: GuideModel,
  options: GuideToTechRadarOptions = {},
): TechRadarJson {
  const date =
    options.date ??
    isoDate(model.frontMatter?.updated) ??
    isoDate(model.frontMatter?.date) ??
    new Date().toISOString().slice(0, 10);
  const quadrantIds = new Map<string, string>();
  const usedIds = new Set<string>();
  const groups =
    options.quadrants ??
    model.sections.map(section => ({
      name: section.title,
      sections: [section.title],
    }));
  const quadrants = groups.map(group => {
    const base = technologySlug(group.name);
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    for (const section of group.sections) quadrantIds.set(section, id);
    return { id, name: group.name };
  });
  const entries: TechRadarEntry[] = [];
  for (const tech of model.technologies) {
    const best = radarPlacement(tech);
    const quadrant = best && quadrantIds.get(best.section);
    if (!best || !quadrant) continue;
    const where = [best.group, best.layer].filter(Boolean).join(' › ');
    const description = tech.description ?? `${best.section} › ${where}`;
    entries.push({
      id: tech.slug,
      key: tech.slug,
      title: tech.title,
      quadrant,
      description,
      ...(tech.links.length > 0
        ? {
            url: tech.links[0].url,
            links: tech.links.map(link => ({
              url: link.url,
              title: link.title ?? tech.title,
            })),
          }
        : {}),
      timeline: [
        {
          moved: 0,
          ringId: tech.ring,
          date,
          description: `${RING_DISPLAY[tech.ring].name} in ${where}`,
        },
      ],
    });
  }
  return {
    title: model.title,
    quadrants,
    rings: RINGS.map(ring => ({ id: ring, ...RING_DISPLAY[ring] })),
    entries,
  };
}
