import { InputError } from '@backstage/errors';
import type { GuideModel, GuidePlacement, GuideTechnology } from '../model';
import { normalizeLabel } from '../parser/columns';
import { collapseSpace } from '../parser/text';
import { compareRings } from '../types';

/**
 * A quadrant of an exported radar and the guide sections drawn in it, in guide order.
 *
 * @public
 */
export interface QuadrantGroup {
  name: string;
  sections: string[];
}

/**
 * Largest `--quadrant-map` value read, in characters.
 *
 * @public
 */
export const MAX_QUADRANT_MAP_LENGTH = 10_000;

/**
 * Most quadrants an export can be asked for.
 *
 * @public
 */
export const MAX_QUADRANTS = 64;

const MAX_LISTED = 20;

/**
 * The placement that puts a technology on an exported radar: its best ring,
 * the first such placement in guide order when several share it.
 *
 * @public
 */
export function radarPlacement(
  tech: GuideTechnology,
): GuidePlacement | undefined {
  let best: GuidePlacement | undefined;
  for (const placement of tech.placements) {
    if (!best || compareRings(placement.ring, best.ring) < 0) best = placement;
  }
  return best;
}

/** How many exported radar entries each section holds (by {@link radarPlacement}). */
function entriesPerSection(model: GuideModel): number[] {
  const index = new Map(model.sections.map((s, i) => [s.title, i]));
  const counts = model.sections.map(() => 0);
  for (const tech of model.technologies) {
    const at = index.get(radarPlacement(tech)?.section ?? '');
    if (at !== undefined) counts[at]++;
  }
  return counts;
}

/** Greedy count of consecutive groups whose sums stay at or below `limit`. */
function groupsNeeded(weights: readonly number[], limit: number): number {
  let groups = 1;
  let sum = 0;
  for (const weight of weights) {
    if (sum + weight > limit) {
      groups++;
      sum = 0;
    }
    sum += weight;
  }
  return groups;
}

/**
 * Splits `weights` (in order) into `count` consecutive non-empty groups whose
 * largest sum is as small as possible (fewer groups when there are fewer
 * weights). The smallest feasible largest sum is found by bisection, then the
 * groups are filled from the left, closing a group early only when exactly one
 * weight per remaining group is left. O(n log(sum)), deterministic.
 */
export function balancedGroups(
  weights: readonly number[],
  count: number,
): number[][] {
  if (weights.length <= count) return weights.map((_, i) => [i]);
  let low = weights.reduce((a, b) => Math.max(a, b), 0);
  let high = weights.reduce((a, b) => a + b, 0);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (groupsNeeded(weights, mid) <= count) high = mid;
    else low = mid + 1;
  }
  const groups: number[][] = [];
  let current: number[] = [];
  let sum = 0;
  weights.forEach((weight, i) => {
    const remaining = weights.length - i;
    const groupsLeftAfterCurrent = count - groups.length - 1;
    if (
      current.length > 0 &&
      (sum + weight > low || remaining <= groupsLeftAfterCurrent)
    ) {
      groups.push(current);
      current = [];
      sum = 0;
    }
    current.push(i);
    sum += weight;
  });
  groups.push(current);
  return groups;
}

/**
 * The default quadrants of an export: the sections in guide order, grouped
 * into `count` consecutive groups balanced by their number of radar entries
 * (the largest quadrant as small as possible), each named after its sections
 * joined with `, `. A guide with fewer sections gets one quadrant per section.
 *
 * @public
 */
export function defaultQuadrantGroups(
  model: GuideModel,
  count = 4,
): QuadrantGroup[] {
  return balancedGroups(entriesPerSection(model), count).map(group => {
    const sections = group.map(i => model.sections[i].title);
    return { name: sections.join(', '), sections };
  });
}

function listed(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED).map(v => `"${v}"`);
  const more = values.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * Reads a quadrant mapping written as `Section=Quadrant;Section=Quadrant`:
 * pairs separated by `;`, each split at its first `=`, spaces around names
 * ignored, quadrants in order of first appearance. Throws an `InputError`
 * naming the piece that is not a pair, or when the value is longer than
 * {@link MAX_QUADRANT_MAP_LENGTH}. Names are checked against a guide by
 * {@link resolveQuadrantGroups}.
 *
 * @public
 */
export function parseQuadrantMap(value: string): QuadrantGroup[] {
  if (value.length > MAX_QUADRANT_MAP_LENGTH) {
    throw new InputError(
      `--quadrant-map is ${value.length} characters long (limit ${MAX_QUADRANT_MAP_LENGTH})`,
    );
  }
  const groups = new Map<string, QuadrantGroup>();
  for (const piece of value.split(';')) {
    if (!piece.trim()) continue;
    const eq = piece.indexOf('=');
    const section = collapseSpace(eq < 0 ? '' : piece.slice(0, eq));
    const quadrant = collapseSpace(eq < 0 ? '' : piece.slice(eq + 1));
    if (!section || !quadrant) {
      throw new InputError(
        `--quadrant-map: "${piece.trim()}" is not "Section name=Quadrant name"`,
      );
    }
    const group = groups.get(quadrant) ?? { name: quadrant, sections: [] };
    group.sections.push(section);
    groups.set(quadrant, group);
  }
  if (groups.size === 0) {
    throw new InputError('--quadrant-map names no section');
  }
  return [...groups.values()];
}

/** Finds a guide section by name: exactly (spaces collapsed), else by its label (case, emoji and edge punctuation ignored). */
function findSection(
  model: GuideModel,
  name: string,
  what: string,
): string | undefined {
  const wanted = collapseSpace(name);
  const exact = model.sections.find(s => s.title === wanted);
  if (exact) return exact.title;
  const label = normalizeLabel(wanted);
  const matches = model.sections.filter(s => normalizeLabel(s.title) === label);
  if (matches.length > 1) {
    throw new InputError(
      `${what}: section "${name}" matches several sections (${listed(
        matches.map(s => s.title),
      )}); write it exactly`,
    );
  }
  return matches[0]?.title;
}

/**
 * Checks a quadrant mapping against a guide and returns it with the guide's
 * own section titles, quadrants in the mapping's order. Every section of the
 * guide must be in exactly one quadrant, and at most `count` quadrants may be
 * named. Throws an `InputError` starting with `what` (the flag or config key)
 * that names the unknown section, the section mapped twice, the sections left
 * without a quadrant, or the quadrants over the limit.
 *
 * @public
 */
export function resolveQuadrantGroups(
  model: GuideModel,
  groups: readonly QuadrantGroup[],
  count: number,
  what: string,
): QuadrantGroup[] {
  const merged = new Map<string, QuadrantGroup>();
  const quadrantOf = new Map<string, string>();
  for (const group of groups) {
    const name = collapseSpace(group.name);
    const target = merged.get(name) ?? { name, sections: [] };
    merged.set(name, target);
    for (const section of group.sections) {
      const title = findSection(model, section, what);
      if (title === undefined) {
        throw new InputError(
          `${what}: unknown section "${section}" (the guide's sections: ${listed(
            model.sections.map(s => s.title),
          )})`,
        );
      }
      const previous = quadrantOf.get(title);
      if (previous !== undefined && previous !== name) {
        throw new InputError(
          `${what}: section "${title}" is mapped to both "${previous}" and "${name}"`,
        );
      }
      if (previous === undefined) {
        quadrantOf.set(title, name);
        target.sections.push(title);
      }
    }
  }
  if (merged.size > count) {
    throw new InputError(
      `${what} names ${merged.size} quadrants (${listed([
        ...merged.keys(),
      ])}); at most ${count}`,
    );
  }
  const unmapped = model.sections
    .map(s => s.title)
    .filter(title => !quadrantOf.has(title));
  if (unmapped.length > 0) {
    throw new InputError(
      `${what} puts no quadrant on section${
        unmapped.length > 1 ? 's' : ''
      } ${listed(unmapped)} (every section needs one)`,
    );
  }
  const order = new Map(model.sections.map((s, i) => [s.title, i]));
  return [...merged.values()].map(group => ({
    name: group.name,
    sections: [...group.sections].sort(
      (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
    ),
  }));
}
